import Foundation
import Synchronization
import Testing

/// The stored path end to end through the executable: ingest, publish, withdraw, and kills mid-ingest.
@Suite(.serialized) struct CommandLineTests {
    /// Generates the two-LA wave (Camden and Islington) in `first/` and returns Camden's return.
    private static func generateWave(in directory: URL) throws -> String {
        try CommandRunner.succeeding(["generate", "--pupils", "3000", "--schools", "12", "--la", "202", "--la", "204",
                                      "--seed", "1", "--out", "first", "--quiet"], in: directory)
        return try String(contentsOf: directory.appendingPathComponent("first/LA202-2026AUT.xml"), encoding: .utf8)
    }

    /// Camden's return resubmitted under return number `number`, with some answers changed when asked.
    private static func resubmission(of camden: String, number: String, changingAnswers: Bool) -> String {
        let renumbered = camden.replacingOccurrences(of: "LA202-2026AUT-01", with: "LA202-2026AUT-\(number)")
        guard changingAnswers else { return renumbered }
        return renumbered.replacingOccurrences(of: #"<Answer item="SAFE">5</Answer>"#,
                                               with: #"<Answer item="SAFE">1</Answer>"#)
    }

    @Test func publishWritesWhatAggregateWritesForTheReturnsInForce() throws {
        let directory = try StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        @discardableResult
        func wellbeing(_ arguments: [String]) throws -> CommandRunner.Result {
            try CommandRunner.succeeding(arguments, in: directory)
        }
        let camden = try Self.generateWave(in: directory)
        // Camden resubmits: the same schools, some answers changed.
        let resubmission = Self.resubmission(of: camden, number: "02", changingAnswers: true)
        #expect(resubmission != camden)
        try resubmission.write(to: directory.appendingPathComponent("resubmitted.xml"), atomically: true,
                               encoding: .utf8)
        let files = ["first/LA202-2026AUT.xml", "first/LA204-2026AUT.xml", "resubmitted.xml"]
        let ingested = try wellbeing(["ingest", "--db", "store.sqlite"] + files)
        #expect(ingested.output.split(separator: "\n").count == 3)

        func expectSameExport(_ published: String, _ aggregated: String) throws {
            try Self.expectSameFolder(directory.appendingPathComponent(published),
                                      directory.appendingPathComponent(aggregated))
        }
        try wellbeing(["publish", "--db", "store.sqlite", "--out", "published", "--quiet"])
        try wellbeing(["aggregate", "--out", "aggregated", "--quiet"] + files)
        try expectSameExport("published", "aggregated")

        // Withdrawing the resubmission brings Camden's first return back.
        try wellbeing(["returns", "withdraw", "3", "--db", "store.sqlite"])
        try wellbeing(["publish", "--db", "store.sqlite", "--out", "published-after", "--quiet"])
        try wellbeing(["aggregate", "--out", "aggregated-after", "--quiet"] + Array(files.prefix(2)))
        try expectSameExport("published-after", "aggregated-after")
        let indicators = { (folder: String) in
            try Data(contentsOf: directory.appendingPathComponent(folder).appendingPathComponent("indicators.csv"))
        }
        #expect(try indicators("published") != indicators("published-after"))
        let listed = try wellbeing(["returns", "list", "--db", "store.sqlite"]).output
        #expect(listed.contains("3\twithdrawn\t202"))
    }

    /// Expects the same files with the same bytes, but for the time an export was made and the workbook
    /// (which states that time in its zip entries); report cards included. Hidden files (the index of
    /// each file's unit parts, which names the file's inode) are the folder's bookkeeping, not its contents.
    static func expectSameFolder(_ first: URL, _ second: URL) throws {
        let manager = FileManager.default
        func visible(_ folder: URL) throws -> [String] {
            try manager.subpathsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        }
        let names = try visible(first)
        #expect(names == (try visible(second)))
        #expect(names.contains("report-cards/index.html"))
        for name in names where name != "indicators.xlsx" {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: first.appendingPathComponent(name).path, isDirectory: &isDirectory),
                  !isDirectory.boolValue else { continue }
            func text(_ folder: URL) throws -> String {
                let all = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                return all.split(separator: "\n", omittingEmptySubsequences: false)
                    .filter { !$0.contains("\"generated\"") && !$0.contains("\"created\"") }.joined(separator: "\n")
            }
            #expect(try text(first) == text(second), "\(name) differs")
        }
    }

    @Test func republishingIntoThePreviousExportKeepsUnchangedPagesAndEqualsAFreshPublish() throws {
        let directory = try StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        @discardableResult
        func wellbeing(_ arguments: [String]) throws -> CommandRunner.Result {
            try CommandRunner.succeeding(arguments, in: directory)
        }
        let camden = try Self.generateWave(in: directory)
        // Camden resubmits twice: first the same answers under a new ReturnId, then with answers changed.
        try Self.resubmission(of: camden, number: "02", changingAnswers: false)
            .write(to: directory.appendingPathComponent("same.xml"), atomically: true, encoding: .utf8)
        try Self.resubmission(of: camden, number: "03", changingAnswers: true)
            .write(to: directory.appendingPathComponent("changed.xml"), atomically: true, encoding: .utf8)
        try wellbeing(["ingest", "--db", "store.sqlite", "first/LA202-2026AUT.xml", "first/LA204-2026AUT.xml"])
        try wellbeing(["publish", "--db", "store.sqlite", "--out", "published", "--quiet"])

        /// Every LA and school page of the export being republished: inode and bytes.
        func pages() throws -> [String: (inode: UInt64, bytes: Data)] {
            var pages: [String: (inode: UInt64, bytes: Data)] = [:]
            let cards = directory.appendingPathComponent("published/report-cards")
            for folder in ["areas", "schools"] {
                let names = try FileManager.default.contentsOfDirectory(atPath: cards.appendingPathComponent(folder).path)
                for name in names {
                    let url = cards.appendingPathComponent("\(folder)/\(name)")
                    let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
                    let inode = attributes[.systemFileNumber] as? NSNumber
                    pages["\(folder)/\(name)"] = (inode?.uint64Value ?? 0, try Data(contentsOf: url))
                }
            }
            return pages
        }
        let first = try pages()
        #expect(first.count == 14)

        // Nothing a page shows changed (pages state neither the time nor the returns in force): every page is kept.
        try wellbeing(["ingest", "--db", "store.sqlite", "same.xml"])
        try wellbeing(["publish", "--db", "store.sqlite", "--out", "published", "--quiet"])
        try wellbeing(["publish", "--db", "store.sqlite", "--out", "fresh-same", "--quiet"])
        try Self.expectSameFolder(directory.appendingPathComponent("published"),
                                  directory.appendingPathComponent("fresh-same"))
        let second = try pages()
        #expect(second.keys.sorted() == first.keys.sorted())
        for (name, page) in second { #expect(page.inode == first[name]?.inode, "\(name) was written again") }

        // Camden's figures changed: its pages, and any page compared with changed figures, are written anew,
        // and the folder is what a fresh publish writes.
        try wellbeing(["ingest", "--db", "store.sqlite", "changed.xml"])
        try wellbeing(["publish", "--db", "store.sqlite", "--out", "published", "--quiet"])
        try wellbeing(["publish", "--db", "store.sqlite", "--out", "fresh-changed", "--quiet"])
        try Self.expectSameFolder(directory.appendingPathComponent("published"),
                                  directory.appendingPathComponent("fresh-changed"))
        let third = try pages()
        #expect(third.contains { name, page in page.bytes != second[name]?.bytes })
        for (name, page) in third where page.bytes != second[name]?.bytes {
            #expect(page.inode != second[name]?.inode, "\(name) changed but was kept")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("published").path)
            .allSatisfy { !$0.hasPrefix(".staging") })
    }

    @Test func anInvalidFileIsRejectedAndTheOthersStored() throws {
        let directory = try StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.wellbeing(
            ["ingest", "--db", "store.sqlite", StoreTestSupport.fixture("invalid/E131-out-of-range.xml"),
             StoreTestSupport.fixture("valid/minimal.xml")], in: directory)
        #expect(result.status == 1)
        #expect(result.errors.contains("E131-out-of-range.xml: rejected, nothing stored"))
        #expect(result.output.contains("minimal.xml: stored as return 1"))
    }

    @Test func processesOpeningANewStoreAtOnceAllSucceed() throws {
        // Each process finds the file unmigrated and without a secret; all must end up sharing one of each.
        let directory = try StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let results = Mutex<[String]>([])
        StoreTestSupport.concurrently((0..<6).map { _ in
            {
                let outcome: String
                do {
                    let result = try CommandRunner.wellbeing(["returns", "list", "--db", "store.sqlite"], in: directory)
                    outcome = result.status == 0 ? "ok" : result.errors
                } catch {
                    outcome = "\(error)"
                }
                results.withLock { $0.append(outcome) }
            }
        })
        #expect(results.withLock { $0 } == Array(repeating: "ok", count: 6))
    }

    /// `bin/crash-test` kills `wellbeing ingest` 20 times at random moments and checks the store after each kill.
    ///
    /// 30,000 pupils keep a debug build's twenty runs within about a minute; run the script
    /// itself with its default 200,000 pupils on a release build for the full-size check.
    @Test(.timeLimit(.minutes(3))) func killedIngestsLeaveAllOrNothing() throws {
        let directory = try StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = StoreTestSupport.packageRoot.appendingPathComponent("bin/crash-test").path
        let result = try CommandRunner.run(script, ["--binary", CommandRunner.executable, "--pupils", "30000",
                                                    "--kills", "20", "--work", directory.path], in: directory)
        #expect(result.status == 0, "\(result.output)\n\(result.errors)")
        #expect(result.output.contains("20 kills:") && result.output.contains(" 0 failed"))
    }
}
