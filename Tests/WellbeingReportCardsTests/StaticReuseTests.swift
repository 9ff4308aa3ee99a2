import Foundation
import Testing
import WellbeingCore
import WellbeingReportCards

/// `writeStatic(to:reusing:)`: pages whose inputs are unchanged are linked from the previous folder,
/// and the folder written is the folder a fresh write gives.
@Suite("Static report cards reuse unchanged pages")
struct StaticReuseTests {
    /// Every file under `folder`, relative path → bytes.
    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files[path] = try Data(contentsOf: url)
        }
        return files
    }

    static func inode(_ url: URL) throws -> UInt64 {
        (try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    static func site(_ tables: [IndicatorTable], generated: String = "2026-11-28T12:00:00Z") throws -> ReportCardSite {
        let provenance = Provenance(
            softwareVersion: SampleWave.softwareVersion, catalogueVersion: SampleWave.reference.catalogue.version,
            instrumentID: SampleWave.reference.catalogue.instrument.id,
            policyVersion: SampleWave.reference.policy.version, audited: false, generated: generated, inputs: [])
        return try ReportCardSite(tables: tables, catalogue: SampleWave.reference.catalogue, provenance: provenance,
                                  links: .static)
    }

    @Test("a page states neither the publication time nor the returns in force, so a later publication keeps it")
    func pagesDoNotStateThePublicationTime() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reuse-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let first = root.appendingPathComponent("first")
        let second = root.appendingPathComponent("second")
        let pages = SampleWave.areaCodes.count + SampleWave.urns.count
        let written = try Self.site(SampleWave.tables).writeStatic(to: first.path)
        #expect(written == StaticPageCounts(rendered: pages, kept: 0))
        let republished = try Self.site(SampleWave.tables, generated: "2026-11-29T08:30:00Z")
            .writeStatic(to: second.path, reusing: first.path)
        #expect(republished == StaticPageCounts(rendered: 0, kept: pages))
        #expect(try Self.contents(of: second) == Self.contents(of: first))
        let school = "schools/\(SampleWave.urns[1]).html"
        #expect(try Self.inode(second.appendingPathComponent(school))
            == Self.inode(first.appendingPathComponent(school)))
        let html = try String(contentsOf: second.appendingPathComponent(school), encoding: .utf8)
        #expect(html.contains("Survey wave \(SampleWave.table.wave.code), published by wellbeing"))
        #expect(!html.contains("2026-11-2"))
    }

    @Test("a page whose figures changed is rendered again; the rest are kept; the folder is a fresh write's")
    func changedPageIsRewritten() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reuse-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let before = root.appendingPathComponent("before")
        let after = root.appendingPathComponent("after")
        let fresh = root.appendingPathComponent("fresh")
        try Self.site(SampleWave.tables).writeStatic(to: before.path)

        // One school's total respondents become hidden: its page changes, its LA's does not.
        var tables = SampleWave.tables
        let unit = tables[0].indices(of: .school)[1]
        let respondents = try #require(SampleWave.reference.catalogue.indicators.firstIndex { $0.kind == .count })
        #expect(tables[0].units[unit].status(category: 0, indicator: respondents) == .published)
        tables[0].units[unit].setStatus(.secondary, category: 0, indicator: respondents)
        let urn = try #require(tables[0].units[unit].geography.school?.urn)

        let counts = try Self.site(tables).writeStatic(to: after.path, reusing: before.path)
        #expect(counts == StaticPageCounts(rendered: 1, kept: SampleWave.areaCodes.count + SampleWave.urns.count - 1))
        try Self.site(tables).writeStatic(to: fresh.path)
        #expect(try Self.contents(of: after) == Self.contents(of: fresh))
        let page = "schools/\(urn).html"
        #expect(try Data(contentsOf: after.appendingPathComponent(page))
            != Data(contentsOf: before.appendingPathComponent(page)))
        #expect(try Self.inode(after.appendingPathComponent(page)) != Self.inode(before.appendingPathComponent(page)))
        let other = "schools/\(SampleWave.urns.first { $0 != urn }!).html"
        #expect(try Self.inode(after.appendingPathComponent(other)) == Self.inode(before.appendingPathComponent(other)))
    }

    @Test("a renamed school rewrites its own page and its LA's list of schools")
    func renamedSchool() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("reuse-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let before = root.appendingPathComponent("before")
        let after = root.appendingPathComponent("after")
        try Self.site(SampleWave.tables).writeStatic(to: before.path)
        var tables = SampleWave.tables
        let unit = tables[0].indices(of: .school)[2]
        tables[0].units[unit].geography.school?.name = "Renamed Academy"
        let counts = try Self.site(tables).writeStatic(to: after.path, reusing: before.path)
        #expect(counts.rendered == 2)
        let code = try #require(tables[0].units[unit].geography.localAuthority?.code)
        let area = try String(contentsOf: after.appendingPathComponent("areas/\(code).html"), encoding: .utf8)
        #expect(area.contains("Renamed Academy"))
    }
}
