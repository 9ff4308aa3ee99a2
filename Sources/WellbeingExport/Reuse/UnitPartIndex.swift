#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WellbeingCore

/// Where each unit's part of a file lies in it, by the digest of the part's inputs: kept in a hidden
/// file next to the file (`.indicators.csv.parts`), so the next export can copy the parts whose inputs
/// are unchanged instead of making them again.
///
/// The index names the file it describes by device, inode, size and modification time; it is trusted
/// only while the file is still that file, so a file edited, replaced or written without its index
/// is never a source of parts.
struct UnitPartIndex: Sendable {
    /// One unit's part as stored: bytes `offset..<offset + length` of the file.
    struct Part: Sendable, Equatable {
        var offset: UInt64
        var length: UInt64
        /// For a deflated part: the CRC-32 and size of its inflated bytes (0 otherwise).
        var crc: UInt32 = 0
        var size: UInt64 = 0
        /// The rows the part holds.
        var rows: UInt32 = 0
    }

    private(set) var parts: [ContentDigest: Part] = [:]

    init() {}

    /// Records a part written; a digest seen twice (two identical units) keeps its first part.
    mutating func add(_ digest: ContentDigest, _ part: Part) {
        if parts[digest] == nil { parts[digest] = part }
    }

    /// The hidden file holding the index of the file `name`.
    static func sidecarName(of name: String) -> String { ".\(name).parts" }

    private static let magic = Array("WBPARTS1".utf8)
    private static let entrySize = 8 * 5 + 4 + 4

    /// The index of the file at `path` as it is now; nil when there is none, it is unreadable, or it
    /// describes another file.
    static func read(describing path: String, sidecar: String) -> UnitPartIndex? {
        guard let identity = FileIdentity(path: path) else { return nil }
        let descriptor = open(sidecar, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size >= magic.count + FileIdentity.byteCount + 8 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let got = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + done, $0.count - done, off_t(done))
            }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return nil }
            done += got
        }
        var reader = LittleEndianReader(bytes: bytes)
        guard reader.take(magic.count) == magic, FileIdentity(reading: &reader) == identity,
              let count = reader.word(), count <= UInt64(bytes.count),
              bytes.count == magic.count + FileIdentity.byteCount + 8 + Int(count) * entrySize
        else { return nil }
        var index = UnitPartIndex()
        for _ in 0..<count {
            let first = reader.word()!, second = reader.word()!
            let part = Part(offset: reader.word()!, length: reader.word()!, crc: reader.word32()!,
                            size: reader.word()!, rows: reader.word32()!)
            // Every part lies within the file, or the index is not this file's.
            guard part.offset <= identity.size, part.length <= identity.size - part.offset else { return nil }
            index.parts[ContentDigest(first: first, second: second)] = part
        }
        return index
    }

    /// Writes the index of the file at `path` (as it is now) to `sidecar`, through a temporary file
    /// renamed into place; on failure the sidecar is removed, so an export is never blocked by its index.
    func write(describing path: String, sidecar: String) {
        guard let identity = FileIdentity(path: path) else {
            unlink(sidecar)
            return
        }
        var bytes = Self.magic
        identity.append(to: &bytes)
        bytes.append(littleEndian: UInt64(parts.count))
        // In digest order, so the same parts give the same bytes.
        for (digest, part) in parts.sorted(by: { ($0.key.first, $0.key.second) < ($1.key.first, $1.key.second) }) {
            bytes.append(littleEndian: digest.first)
            bytes.append(littleEndian: digest.second)
            bytes.append(littleEndian: part.offset)
            bytes.append(littleEndian: part.length)
            bytes.append(littleEndian: part.crc)
            bytes.append(littleEndian: part.size)
            bytes.append(littleEndian: part.rows)
        }
        let temporary = sidecar + ".new"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        var written = descriptor >= 0
        var done = 0
        while written, done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, $0.count - done) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { written = false } else { done += count }
        }
        if descriptor >= 0, close(descriptor) != 0 { written = false }
        if !written || rename(temporary, sidecar) != 0 {
            unlink(temporary)
            unlink(sidecar)
        }
    }
}

/// Which file a path names now: a file rewritten or replaced gets another inode or modification time.
private struct FileIdentity: Equatable {
    var device: UInt64, inode: UInt64, size: UInt64, seconds: UInt64, nanoseconds: UInt64
    static let byteCount = 5 * 8

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = UInt64(info.st_size)
        seconds = UInt64(bitPattern: Int64(info.st_mtim.tv_sec))
        nanoseconds = UInt64(bitPattern: Int64(info.st_mtim.tv_nsec))
    }

    init?(reading reader: inout LittleEndianReader) {
        guard let device = reader.word(), let inode = reader.word(), let size = reader.word(),
              let seconds = reader.word(), let nanoseconds = reader.word()
        else { return nil }
        self.device = device
        self.inode = inode
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    func append(to bytes: inout [UInt8]) {
        for word in [device, inode, size, seconds, nanoseconds] { bytes.append(littleEndian: word) }
    }
}

/// Reads little-endian words from the front of a byte array.
private struct LittleEndianReader {
    let bytes: [UInt8]
    var position = 0

    mutating func take(_ count: Int) -> [UInt8]? {
        guard position + count <= bytes.count else { return nil }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    mutating func word() -> UInt64? {
        take(8).map { $0.reversed().reduce(0) { $0 << 8 | UInt64($1) } }
    }

    mutating func word32() -> UInt32? {
        take(4).map { $0.reversed().reduce(0) { $0 << 8 | UInt32($1) } }
    }
}

extension [UInt8] {
    /// Appends `value` little-endian.
    fileprivate mutating func append(littleEndian value: some FixedWidthInteger) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
