import Synchronization
import Testing
@testable import WellbeingExport

/// The two-thread runner of an export's files.
///
/// Jobs are made through typed `let`s: a typed-throws closure literal passed straight into `map`
/// crashes Swift 6.3.1's IRGen.
@Suite("File jobs")
struct FileJobsTests {
    @Test("every job runs once and every finish is reported on the calling thread", arguments: [0, 1, 2, 9])
    func runsAll(count: Int) throws {
        let runs = Mutex([Int](repeating: 0, count: count))
        func job(_ index: Int) -> FileJobs.Job {
            let job: FileJobs.Job = { () throws(ExportError) in runs.withLock { $0[index] += 1 } }
            return job
        }
        var reported = 0
        try FileJobs((0..<count).map(job)).run { reported += $0 }
        #expect(runs.withLock { $0 } == [Int](repeating: 1, count: count))
        #expect(reported == count)
    }

    @Test("the first failing job in list order is the error thrown, whichever thread failed first")
    func firstFailure() {
        // Job 3 is always taken (no failure can come before it) and always fails; job 5 may fail too.
        func job(_ index: Int) -> FileJobs.Job {
            let job: FileJobs.Job = { () throws(ExportError) in
                if index == 3 || index == 5 { throw .cannotWrite(path: "file \(index)", reason: "test") }
            }
            return job
        }
        let error = #expect(throws: ExportError.self) { try FileJobs((0..<40).map(job)).run { _ in } }
        #expect(error?.description.contains("file 3") == true)
    }
}
