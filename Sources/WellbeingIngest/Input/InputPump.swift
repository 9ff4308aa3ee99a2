/// Feeds a byte source to libxml2, hashing every byte on the way and stopping at the size limit.
///
/// The file is read once: the SHA-256 of a receipt comes from the same bytes
/// the parser sees, hashed on a second core. libxml2 asks for about 4 KB at a
/// time; the pump reads 64 KiB blocks and serves those requests from the
/// block, which keeps system calls and hash calls few. Each block is a fresh
/// array that the hasher then shares rather than copies.
final class InputPump {
    private static let blockSize = 64 << 10

    private let source: any ReturnByteSource
    private let maxBytes: Int
    private let hasher = BackgroundHasher()
    private var block: [UInt8] = []
    /// The unserved part of `block` is `block[served...]`.
    private var served = 0
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
        if served == block.count {
            guard readBlock() else { return -1 }
            if block.isEmpty { return 0 }
        }
        let count = min(buffer.count, block.count - served)
        block.withUnsafeBytes { bytes in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[served ..< served + count]))
        }
        served += count
        return count
    }

    /// Reads and hashes whatever the parser left unread (it stops at the first fatal error), up to the limit.
    func drain() {
        while readBlock(), !block.isEmpty {}
    }

    /// The SHA-256 of every byte, as lowercase hex; nil unless the source was read to its end within the limit.
    var digest: String? {
        guard failure == nil, !exceededLimit else { return nil }
        return hasher.finalize()
    }

    /// Replaces the block with the source's next bytes (none at the end); false on failure or past the limit.
    private func readBlock() -> Bool {
        guard failure == nil, !exceededLimit else { return false }
        served = 0
        block = []
        var readFailure: ReturnReadError?
        let next = [UInt8](unsafeUninitializedCapacity: Self.blockSize) { buffer, count in
            do throws(ReturnReadError) {
                count = try source.read(into: UnsafeMutableRawBufferPointer(buffer))
            } catch {
                readFailure = error
                count = 0
            }
        }
        if let readFailure {
            failure = readFailure
            return false
        }
        byteCount += next.count
        guard byteCount <= maxBytes else {
            exceededLimit = true
            return false
        }
        hasher.update(next)
        block = next
        return true
    }
}
