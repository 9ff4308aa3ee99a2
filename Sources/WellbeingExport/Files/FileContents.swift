#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compares files byte for byte, for an export that keeps the previous copy of a file it would write unchanged.
enum FileContents {
    /// True when both paths are readable regular files of the same bytes.
    ///
    /// Sizes are compared first and the bytes a MiB at a time, so files that differ cost little:
    /// a changed `indicators.csv` differs in its first rows (England's).
    static func areEqual(_ first: String, _ second: String) -> Bool {
        let a = open(first, O_RDONLY | O_CLOEXEC)
        guard a >= 0 else { return false }
        defer { close(a) }
        let b = open(second, O_RDONLY | O_CLOEXEC)
        guard b >= 0 else { return false }
        defer { close(b) }
        var infoA = stat()
        var infoB = stat()
        guard fstat(a, &infoA) == 0, fstat(b, &infoB) == 0, infoA.st_mode & S_IFMT == S_IFREG,
              infoB.st_mode & S_IFMT == S_IFREG, infoA.st_size == infoB.st_size
        else { return false }
        let chunk = 1 << 20
        var left = [UInt8](repeating: 0, count: chunk)
        var right = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = left.withUnsafeMutableBytes { read(a, $0.baseAddress!, chunk) }
            guard count >= 0, readFully(b, into: &right, count: count) else { return false }
            if count == 0 { return true }
            let same = left.withUnsafeBytes { l in
                right.withUnsafeBytes { r in memcmp(l.baseAddress!, r.baseAddress!, count) == 0 }
            }
            guard same else { return false }
        }
    }

    /// Reads exactly `count` bytes (fewer only at the end of the file, which then fails the comparison).
    private static func readFully(_ descriptor: Int32, into buffer: inout [UInt8], count: Int) -> Bool {
        var offset = 0
        while offset < count {
            let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, count - offset) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            offset += got
        }
        return true
    }
}
