import Crypto
import Dispatch

/// SHA-256 computed on another core while the parser reads on this one.
///
/// Hashing a large return costs about a twentieth of parsing it; doing it on
/// a second core takes it off the critical path. Blocks are hashed in order
/// on a serial queue, in place, and at most ``maxInFlight`` wait, which is
/// what lets the caller reuse a block's memory once that many more have been
/// queued after it.
final class BackgroundHasher: @unchecked Sendable {
    /// How many blocks may wait to be hashed before ``update(_:)`` waits too.
    static let maxInFlight = 8

    // `hasher` is touched only on `queue`, which is what makes the class safe to share.
    private var hasher = SHA256()
    private let queue = DispatchQueue(label: "wellbeing.ingest.sha256")
    private let slots = DispatchSemaphore(value: maxInFlight)

    /// Queues `bytes` for hashing, read in place.
    ///
    /// When this returns at most ``maxInFlight`` blocks are waiting, this one included: the bytes
    /// of any block queued before those are hashed and may be changed. The caller keeps every
    /// block's memory alive until ``wait()`` or ``finalize()`` has returned.
    func update(_ bytes: UnsafeRawBufferPointer) {
        slots.wait()
        nonisolated(unsafe) let block = bytes
        queue.async {
            self.hasher.update(bufferPointer: block)
            self.slots.signal()
        }
    }

    /// Waits until every queued block is hashed.
    func wait() {
        queue.sync {}
    }

    /// Waits for every queued block and returns the digest as lowercase hex.
    func finalize() -> String {
        queue.sync {
            hasher.finalize().map { byte in
                let hex = String(byte, radix: 16)
                return byte < 16 ? "0" + hex : hex
            }.joined()
        }
    }
}
