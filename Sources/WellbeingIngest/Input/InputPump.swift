import WellbeingCore

/// Feeds a byte source to libxml2, hashing every byte on the way and stopping at the size limit.
///
/// The file is read once: the SHA-256 of a receipt comes from the same bytes
/// the parser sees, hashed on a second core. libxml2 asks for about 4 KB at a
/// time; the pump reads 64 KiB blocks and serves those requests from the
/// block, which keeps system calls and hash calls few. Blocks come from a
/// fixed ring the hasher reads in place: nothing is copied or allocated per
/// block, and no memory passes between threads to be freed.
final class InputPump {
    private static let blockSize = 64 << 10
    /// The hasher holds at most `maxInFlight` blocks; one more is the block being read and served.
    private static let blockCount = BackgroundHasher.maxInFlight + 1

    private let source: any ReturnByteSource
    private let maxBytes: Int
    /// Told of every block read, so a bar can show the bytes done.
    private let progress: (any ProgressReporter)?
    private let hasher = BackgroundHasher()
    private let ring = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize * blockCount, alignment: 16)
    /// The ring slot of the current block.
    private var slot = 0
    /// The unserved part of the current block is `served ..< filled`.
    private var served = 0
    private var filled = 0
    private(set) var byteCount = 0
    /// True once more than `maxBytes` arrived; the hash is then of a prefix and is not reported.
    private(set) var exceededLimit = false
    /// The source's own failure, which ends the read with an error rather than a report.
    private(set) var failure: ReturnReadError?

    init(source: any ReturnByteSource, maxBytes: Int, progress: (any ProgressReporter)? = nil) {
        self.source = source
        self.maxBytes = maxBytes
        self.progress = progress
    }

    deinit {
        // The hasher may still be reading the ring.
        hasher.wait()
        ring.deallocate()
    }

    /// Fills `buffer`; 0 at the end, -1 when the source failed or the limit was passed.
    func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        if served == filled {
            guard readBlock() else { return -1 }
            if filled == 0 { return 0 }
        }
        let count = min(buffer.count, filled - served)
        buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: block[served ..< served + count]))
        served += count
        return count
    }

    /// Reads and hashes whatever the parser left unread (it stops at the first fatal error), up to the limit.
    func drain() {
        while readBlock(), filled > 0 {}
    }

    /// The SHA-256 of every byte, as lowercase hex; nil unless the source was read to its end within the limit.
    var digest: String? {
        guard failure == nil, !exceededLimit else { return nil }
        return hasher.finalize()
    }

    /// The current block's slot of the ring.
    private var block: UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(rebasing: ring[slot * Self.blockSize ..< (slot + 1) * Self.blockSize])
    }

    /// Replaces the block with the source's next bytes (none at the end); false on failure or past the limit.
    ///
    /// The next slot's last block went to the hasher `blockCount` blocks ago; once the hasher took the
    /// block after it, at most `maxInFlight` are waiting, so that one is done and its slot free.
    private func readBlock() -> Bool {
        guard failure == nil, !exceededLimit else { return false }
        served = 0
        filled = 0
        slot = (slot + 1) % Self.blockCount
        let count: Int
        do {
            count = try source.read(into: block)
        } catch {
            failure = error
            return false
        }
        byteCount += count
        progress?.advance(by: count)
        guard byteCount <= maxBytes else {
            exceededLimit = true
            return false
        }
        hasher.update(UnsafeRawBufferPointer(rebasing: block[..<count]))
        filled = count
        return true
    }
}
