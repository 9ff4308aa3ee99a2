import Foundation
import Testing
import WellbeingCore
import WellbeingExport

@Suite("The export folder's report cards")
struct ReportCardsFolderTests {
    @Test("an export holds report-cards/ with the front page, the LA and every school, and a new export replaces it")
    func reportCards() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let publication = try Publication(aggregation: try Pipeline.aggregate(["valid/hand-checkable.xml"]),
                                      catalogue: Pipeline.reference.catalogue, policy: .standard, auditor: nil, inputs: [],
                                      generated: "2026-11-28T12:00:00Z")
        try publication.write(to: folder.path)
        let cards = folder.appendingPathComponent(ExportFolder.reportCardsFolder)
        let stale = cards.appendingPathComponent("schools/999999.html")
        try Data("stale".utf8).write(to: stale)
        try publication.write(to: folder.path)

        let files = Set(try FileManager.default.subpathsOfDirectory(atPath: cards.path))
        #expect(files.isSuperset(of: ["index.html", "report-card.css", "areas/202.html", "schools/100049.html",
                                      "schools/100050.html"]))
        #expect(!files.contains("schools/999999.html"), "the second export must replace the first's pages")
        // The pages link to the export's own CSV, two folders up from a school page.
        let school = try String(contentsOf: cards.appendingPathComponent("schools/100050.html"), encoding: .utf8)
        #expect(school.contains("href=\"../../indicators.csv\""))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("indicators.csv").path))
        // Nothing of the staging folder is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasPrefix(".staging") })
    }
}
