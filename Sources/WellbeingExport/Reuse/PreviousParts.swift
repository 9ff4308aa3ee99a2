#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WellbeingCore

/// The parts of a file of the export being replaced, read by digest: the source of parts kept unchanged.
final class PreviousParts: Sendable {
    private let descriptor: Int32
    private let index: UnitPartIndex

    /// Opens the file at `path` with its index; nil when it has none that describes it as it is now.
    init?(path: String, sidecar: String) {
        guard let index = UnitPartIndex.read(describing: path, sidecar: sidecar) else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.index = index
    }

    deinit { close(descriptor) }

    /// The part stored under `digest`, if any.
    func part(_ digest: ContentDigest) -> UnitPartIndex.Part? { index.parts[digest] }

    /// Appends the bytes of `part` (or a range of the file like it) to `writer`, copied by the kernel.
    func copy(_ part: UnitPartIndex.Part, into writer: BufferedFileWriter) throws(ExportError) {
        try writer.copy(from: descriptor, offset: Int(part.offset), length: Int(part.length))
    }

    /// The part stored under `digest` and its bytes; nil when there is none or it cannot be read whole.
    func read(_ digest: ContentDigest) -> (part: UnitPartIndex.Part, bytes: [UInt8])? {
        guard let part = index.parts[digest] else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(part.length))
        var done = 0
        while done < bytes.count {
            let got = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + done, $0.count - done, off_t(part.offset) + off_t(done))
            }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return nil }
            done += got
        }
        return (part, bytes)
    }
}

/// What a writer needs to keep unchanged parts: the digests of this export's units and the previous
/// copy of the file (when it has a trusted index).
struct UnitReuse: Sendable {
    let digests: UnitDigests
    /// The file's name, folded into every digest.
    let file: String
    let previous: PreviousParts?

    func digest(table: Int, unit: Int) -> ContentDigest { digests.digest(table: table, unit: unit, file: file) }
}
