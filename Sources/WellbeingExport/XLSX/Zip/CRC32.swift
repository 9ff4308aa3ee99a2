import CZlib

/// The CRC-32 of a ZIP entry's uncompressed bytes, built up chunk by chunk.
struct CRC32: Equatable {
    private(set) var value: UInt32 = 0

    /// Adds `bytes` to the checksum.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        value = UInt32(crc32_z(UInt(value), base.assumingMemoryBound(to: Bytef.self), bytes.count))
    }
}
