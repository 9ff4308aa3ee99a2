/// Bytes deflated on their own, ending on a byte boundary, with the checksum and size of what they inflate to.
///
/// A ZIP entry can be made of such parts one after another (``ZipArchive/appendDeflated(_:)``), so a
/// part can be deflated on another core, or kept from a previous file, and still give the same entry.
struct DeflatedPart: Sendable {
    var bytes: [UInt8] = []
    var crc = CRC32()
    /// Inflated bytes.
    var size: UInt64 = 0
}
