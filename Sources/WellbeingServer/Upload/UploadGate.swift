import Synchronization

/// Counts uploads being read and turns away one past the cap, so a burst cannot exhaust threads or the store.
final class UploadGate: Sendable {
    private let limit: Int
    private let active = Mutex(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes a place; false when every place is taken.
    func enter() -> Bool {
        active.withLock { count in
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    /// Gives a place back.
    func leave() {
        active.withLock { $0 -= 1 }
    }
}
