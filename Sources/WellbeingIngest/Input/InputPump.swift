import Crypto

/// Feeds a byte source to libxml2, hashing every byte on the way and stopping at the size limit.
///
/// The file is read once: the SHA-256 of a receipt comes from the same bytes the parser sees.
final class InputPump {
    private let source: any ReturnByteSource
    private let maxBytes: Int
    private var hasher = SHA256()
    private(set) var byteCount = 0
    /// True once more than `maxBytes` arrived; the hash is then of a prefix and is not reported.
    private(set) var exceededLimit = false
    /// The source's own failure, which ends the read with an error rather than a report.
    private(set) var failure: ReturnReadError?

    init(source: any ReturnByteSource, maxBytes: Int) {
        self.source = source
        self.maxBytes = maxBytes
    }

    /// Fills `buffer`; 0 at the end, -1 when the source failed or the limit was passed.
    func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard failure == nil, !exceededLimit else { return -1 }
        let count: Int
        do {
            count = try source.read(into: buffer)
        } catch {
            failure = error
            return -1
        }
        byteCount += count
        guard byteCount <= maxBytes else {
            exceededLimit = true
            return -1
        }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        return count
    }

    /// Reads and hashes whatever the parser left unread (it stops at the first fatal error), up to the limit.
    func drain() {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 1)
        defer { buffer.deallocate() }
        while fill(buffer) > 0 {}
    }

    /// The SHA-256 of every byte, as lowercase hex; nil unless the source was read to its end within the limit.
    var digest: String? {
        guard failure == nil, !exceededLimit else { return nil }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
