import Crypto
import Dispatch

/// SHA-256 computed on another core while the parser reads on this one.
///
/// Hashing a large return costs about a twentieth of parsing it; doing it on
/// a second core takes it off the critical path. Blocks are hashed in order
/// on a serial queue, and at most `maxInFlight` copies wait, so memory stays
/// bounded even if the hashing core is busy.
final class BackgroundHasher: @unchecked Sendable {
    // `hasher` is touched only on `queue`, which is what makes the class safe to share.
    private var hasher = SHA256()
    private let queue = DispatchQueue(label: "wellbeing.ingest.sha256")
    private let slots: DispatchSemaphore

    init(maxInFlight: Int = 8) {
        slots = DispatchSemaphore(value: maxInFlight)
    }

    /// Queues `bytes` for hashing; the array is shared with the queue, not copied.
    func update(_ bytes: [UInt8]) {
        slots.wait()
        queue.async {
            self.hasher.update(data: bytes)
            self.slots.signal()
        }
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
