import CZlib

/// The CRC-32 of a ZIP entry's uncompressed bytes, built up chunk by chunk.
struct CRC32: Equatable {
    private(set) var value: UInt32 = 0

    /// Adds `bytes` to the checksum.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        value = UInt32(crc32_z(UInt(value), base.assumingMemoryBound(to: Bytef.self), bytes.count))
    }

    /// Appends the checksum of a following run of `length` bytes whose own checksum is `next`
    /// (zlib's `crc32_combine`), so runs summed on different threads give the whole entry's.
    mutating func append(_ next: CRC32, length: Int) {
        value = UInt32(crc32_combine(UInt(value), UInt(next.value), off_t(length)))
    }
}
