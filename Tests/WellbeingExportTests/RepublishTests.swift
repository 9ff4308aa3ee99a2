import Foundation
import Testing
import WellbeingCore
import WellbeingExport

/// Writing an export over the previous one: files whose bytes did not change keep the previous copy.
@Suite("An export written over the previous one")
struct RepublishTests {
    static func inode(_ url: URL) throws -> UInt64 {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    static func publication(generated: String, fixture: String = "valid/hand-checkable.xml") throws -> Publication {
        try Publication(aggregation: try Pipeline.aggregate([fixture]), catalogue: Pipeline.reference.catalogue,
                        policy: .standard, auditor: nil, inputs: [], generated: generated)
    }

    @Test("unchanged files and pages keep their copy; provenance states the new time; nothing else is left")
    func unchangedFilesAreKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("republish-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.publication(generated: "2026-11-28T12:00:00Z").write(to: folder.path)
        let kept = ["indicators.csv", "indicators.meta.csv", "suppression-summary.csv", "report-cards/areas/202.html",
                    "report-cards/schools/100049.html"]
        let before = try kept.map { try Self.inode(folder.appendingPathComponent($0)) }
        let provenance = try Self.inode(folder.appendingPathComponent("provenance.json"))

        try Self.publication(generated: "2026-11-29T08:30:00Z").write(to: folder.path)
        #expect(try kept.map { try Self.inode(folder.appendingPathComponent($0)) } == before)
        #expect(try Self.inode(folder.appendingPathComponent("provenance.json")) != provenance)
        let text = try String(contentsOf: folder.appendingPathComponent("provenance.json"), encoding: .utf8)
        #expect(text.contains("2026-11-29T08:30:00Z"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.allSatisfy { !$0.hasPrefix(".staging") })
    }
}
