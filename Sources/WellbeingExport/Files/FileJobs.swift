import Dispatch
import Synchronization

/// Independent files of an export written on both cores: the caller and one background thread each
/// take the next file from the list until none is left.
///
/// Every file only reads the same immutable tables. Listed longest first (the workbook, the report
/// cards, JSON), the two threads end close together, so the export costs about its longest half.
final class FileJobs: Sendable {
    /// One file (or folder) to write.
    typealias Job = @Sendable () throws(ExportError) -> Void

    private let jobs: [Job]
    private let next = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    /// The failures, by job index; after the first, no new job starts.
    private let failures = Mutex<[Int: ExportError]>([:])

    init(_ jobs: [Job]) { self.jobs = jobs }

    /// Runs every job and returns when all have ended, throwing the error of the first job (in list
    /// order) that failed.
    ///
    /// - Parameter finishedJobs: told on the calling thread how many more jobs have ended (on either thread).
    func run(finishedJobs: (Int) -> Void) throws(ExportError) {
        let group = DispatchGroup()
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in work() }
        var reported = 0
        func report() {
            let done = finished.load(ordering: .acquiring)
            if done > reported { finishedJobs(done - reported) }
            reported = done
        }
        while take() {
            report()
        }
        group.wait()
        report()
        if let first = failures.withLock({ $0.min { $0.key < $1.key }?.value }) { throw first }
    }

    /// Takes jobs until none is left or one has failed.
    private func work() {
        while take() {}
    }

    /// Runs the next job, if there is one and nothing has failed; false when there was none to run.
    private func take() -> Bool {
        guard failures.withLock({ $0.isEmpty }) else { return false }
        let index = next.add(1, ordering: .relaxed).oldValue
        guard index < jobs.count else { return false }
        do throws(ExportError) {
            try jobs[index]()
        } catch {
            failures.withLock { $0[index] = error }
        }
        finished.add(1, ordering: .releasing)
        return true
    }
}
