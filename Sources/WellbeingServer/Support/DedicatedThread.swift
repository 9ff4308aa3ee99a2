import Foundation

/// Runs blocking work (a parse feeding SQLite, a publication) on a thread of its own.
///
/// Swift's concurrency pool has one thread per core; work that blocks for seconds there
/// would stall every request, so it gets a thread and the awaiting task is resumed when it ends.
/// The thread runs at a lower priority (nice 5; threads it starts, such as the reader's hasher,
/// inherit it), so on a busy machine short requests are served before long work advances.
enum DedicatedThread {
    /// The nice value of long work; requests keep the process's own (usually 0).
    static let niceness: Int32 = 5

    static func run<T: Sendable>(named name: String, _ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                #if os(Linux)
                // On Linux (NPTL) a nice value belongs to a thread, and `who` 0 is the calling thread.
                // Failing to lower it only costs fairness.
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
                #endif
                continuation.resume(returning: work())
            }
            thread.name = name
            thread.stackSize = 8 << 20
            thread.start()
        }
    }
}
