import Foundation

/// Runs blocking work (a parse feeding SQLite, a publication) on a thread of its own.
///
/// Swift's concurrency pool has one thread per core; work that blocks for seconds there
/// would stall every request, so it gets a thread and the awaiting task is resumed when it ends.
enum DedicatedThread {
    static func run<T: Sendable>(named name: String, _ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: work())
            }
            thread.name = name
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
