import CZlib

/// The CRC-32 of a ZIP entry's uncompressed bytes, built up chunk by chunk.
struct CRC32: Equatable {
    private(set) var value: UInt32

    /// The checksum of no bytes, or one already computed.
    init(value: UInt32 = 0) { self.value = value }

    /// Adds `bytes` to the checksum.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        value = UInt32(crc32_z(UInt(value), base.assumingMemoryBound(to: Bytef.self), bytes.count))
    }

    /// Adds bytes whose own checksum is `other` and length `length`, without reading them.
    mutating func append(_ other: CRC32, length: UInt64) {
        value = UInt32(crc32_combine(UInt(value), UInt(other.value), Int(length)))
    }
}
