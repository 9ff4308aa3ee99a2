import Dispatch
import Foundation
import WellbeingCore
import WellbeingIngest
import WellbeingResources
@testable import WellbeingStorage

/// Shared set-up for storage tests: reference data, a reader, stores, and returns read into them.
enum StoreTestSupport {
    /// The package's root directory, found from this source file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let reference = try! ShippedReferenceData.load()
    static let reader = ReturnReader(
        schema: try! ReturnSchema(path: packageRoot.appendingPathComponent("Schemas/wellbeing-return-1.0.xsd").path),
        instruments: [reference.catalogue.instrument], localAuthorities: reference.localAuthorities)

    static func fixture(_ relative: String) -> String {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    static func memoryStore() throws -> SQLiteReturnStore {
        try SQLiteReturnStore(inMemoryWith: reference.catalogue)
    }

    /// Reads return text into a store, as `ingest` reads a file.
    @discardableResult
    static func submit(_ xml: String, named name: String = "inline.xml", to store: some ReturnStore) throws
        -> SubmissionOutcome
    {
        try store.submit { visitor in
            submission(try reader.read(from: ByteArraySource(Array(xml.utf8)), named: name, into: &visitor))
        }
    }

    /// Reads a return file into a store.
    @discardableResult
    static func submit(file path: String, to store: some ReturnStore) throws -> SubmissionOutcome {
        try store.submit { visitor in submission(try reader.read(file: path, into: &visitor)) }
    }

    static func submission(_ report: ValidationReport) -> ReturnSubmission {
        ReturnSubmission(name: report.file, sha256: report.sha256, isValid: report.isValid,
                         warnings: report.warningCount)
    }

    /// What the stateless path (`aggregate`) makes of the same returns read in the same order.
    static func aggregated(_ texts: [String]) throws -> WaveAggregation {
        var aggregator = ReturnAggregator(catalogue: reference.catalogue)
        for text in texts {
            _ = try reader.read(from: ByteArraySource(Array(text.utf8)), named: "inline.xml", into: &aggregator)
        }
        return aggregator.aggregation
    }

    /// Rows in each of the store's tables: returns, school rows, pupil rows.
    static func rowCounts(_ store: SQLiteReturnStore) throws -> [Int] {
        try store.writer.read { db in
            try ["submission", "school_return", "pupil"].map { table in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")!
            }
        }
    }

    /// Runs the blocks on their own threads at once and waits for all of them.
    static func concurrently(_ blocks: [@Sendable () -> Void]) {
        let group = DispatchGroup()
        for block in blocks { DispatchQueue.global().async(group: group, execute: block) }
        group.wait()
    }

    /// A fresh directory under the temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wellbeing-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
