import Foundation
import Testing
import WellbeingCore
import WellbeingIngest
import WellbeingReportCards

/// The report cards of `Fixtures/valid/hand-checkable.xml`, whose figures were worked out by hand
/// (see `hand-checkable.expected.md`): two Camden schools, 42 pupils.
@Suite("Report cards of the hand-checkable return")
struct HandCheckableTests {
    static let site: ReportCardSite = {
        let reference = SampleWave.reference
        let reader = ReturnReader(
            schema: try! ReturnSchema(path: packageRoot.appendingPathComponent("Schemas/wellbeing-return-1.0.xsd").path),
            instruments: [reference.catalogue.instrument], localAuthorities: reference.localAuthorities)
        var aggregator = ReturnAggregator(catalogue: reference.catalogue)
        let report = try! reader.read(
            file: packageRoot.appendingPathComponent("Fixtures/valid/hand-checkable.xml").path, into: &aggregator)
        precondition(report.isValid)
        let tables = DisclosureControl(policy: reference.policy)
            .protectedTables(for: aggregator.aggregation, catalogue: reference.catalogue)
        return try! ReportCardSite(tables: tables, catalogue: reference.catalogue, provenance: SampleWave.provenance,
                                   links: .served)
    }()

    /// The `<tr>` of an indicator on the page's main table, from its start tag.
    private func row(_ id: String, _ html: String) throws -> Substring {
        let table = try #require(html.range(of: "id=\"indicator-table\"")).upperBound
        let attribute = try #require(html[table...].range(of: "data-indicator=\"\(id)\"")).lowerBound
        let start = try #require(html[..<attribute].range(of: "<tr", options: .backwards)).lowerBound
        return html[start..<html[start...].range(of: "</tr>")!.lowerBound]
    }

    @Test("Camden's page shows the hand-worked values, intervals and response rate")
    func camden() throws {
        let html = try #require(Self.site.areaPage(localAuthority: "202"))
        #expect(html.contains("<h1>Camden</h1>"))
        // WB03: 28 of 38 = 73.7%, Wilson 58.0–85.0; the LA is all of England here, so Similar.
        let wb03 = try row("WB03", html)
        #expect(wb03.contains(">73.7%<") && wb03.contains(">58.0% to 85.0%<") && wb03.contains(">38<"))
        #expect(wb03.contains(">Similar</span>"))
        // WB01: mean 21.81, t-interval 20.43–23.20.
        let wb01 = try row("WB01", html)
        #expect(wb01.contains(">21.81<") && wb01.contains(">20.43 to 23.20<"))
        // WB12 is asked in years 10–13 only; every pupil is in years 7–9.
        let wb12 = try row("WB12", html)
        #expect(wb12.contains(">No respondents<") && wb12.contains("Asked in Year 10 to Year 13"))
        // 42 respondents of 75 on roll.
        #expect(html.contains("<dt>Response rate</dt><dd>56.0%</dd>"))
        #expect(html.contains("<dt>Respondents</dt><dd>42</dd>"))
        #expect(html.contains("href=\"/schools/100049\">Hampstead Heath Academy</a>"))
        #expect(html.contains("href=\"/schools/100050\">Kentish Town Girls&#39; &amp; Boys&#39; School</a>"))
    }

    @Test("the small school's WB06 and, to protect it, the other school's, read 'c — too few pupils to publish'",
          arguments: ["100049", "100050"])
    func hiddenWB06(urn: String) throws {
        let html = try #require(Self.site.schoolPage(urn: urn))
        let wb06 = try row("WB06", html)
        #expect(wb06.contains("class=\"indicator suppressed\""))
        #expect(wb06.contains(">c — too few pupils to publish<"))
        #expect(wb06.contains(">Not compared</span>"))
        #expect(!wb06.contains("<svg"))
        #expect(html.contains("href=\"/areas/202\">Camden</a>"))
        #expect(html.contains("<dt>Phase</dt><dd>Secondary</dd>"))
        #expect(html.contains("<dt>URN</dt><dd>\(urn)</dd>"))
    }
}
