import Foundation
import Testing
import WellbeingCore
import WellbeingSynthetic
@testable import WellbeingReportCards

/// The published rows of one unit of the sample, as `indicators.csv` has them.
private func rows(of index: Int) -> [PublishedRow] {
    var rows: [PublishedRow] = []
    SampleWave.table.forEachRow(ofUnit: index) { rows.append($0) }
    return rows
}

/// The text between the opening of the element with `id` and the end of its table.
private func table(_ id: String, in html: String) -> Substring {
    let start = html.range(of: "id=\"\(id)\"")!.upperBound
    let end = html[start...].range(of: "</table>")!.lowerBound
    return html[start..<end]
}

/// The `<tr>` of one indicator in a table's text.
private func row(_ indicator: String, in table: Substring) -> Substring? {
    guard let start = table.range(of: "data-indicator=\"\(indicator)\"") else { return nil }
    let end = table[start.upperBound...].range(of: "</tr>")!.lowerBound
    return table[start.lowerBound..<end]
}

private func occurrences(of needle: String, in text: some StringProtocol) -> Int {
    text.components(separatedBy: needle).count - 1
}

@Suite("Report-card pages")
struct PageTests {
    static let schoolUnits = SampleWave.table.indices(of: .school)
    static let areaUnits = SampleWave.table.indices(of: .localAuthority)

    private func page(_ index: Int, _ site: ReportCardSite) -> String {
        let geography = SampleWave.table.units[index].geography
        return geography.level == .school ? site.schoolPage(urn: String(geography.school!.urn))!
            : site.areaPage(localAuthority: geography.localAuthority!.code)!
    }

    @Test("every indicator is on the page with the published value and interval of indicators.csv",
          arguments: schoolUnits.prefix(4) + areaUnits)
    func everyIndicator(unit: Int) throws {
        let html = page(unit, try SampleWave.site())
        let main = table("indicator-table", in: html)
        let totals = rows(of: unit).filter { $0.breakdown == .total }
        // An indicator with no row (none of its year groups answered) is listed as having no respondents.
        for indicator in SampleWave.reference.catalogue.indicators where !totals.contains(where: { $0.indicator == indicator }) {
            let tr = try #require(row(indicator.id, in: main), "\(indicator.id) missing")
            #expect(tr.contains(IndicatorRowView.noRespondentsText))
            #expect(tr.contains(indicator.title))
        }
        for published in totals {
            let tr = try #require(row(published.indicator.id, in: main), "\(published.indicator.id) missing")
            switch published.indicator.kind {
            case _ where published.isSuppressed:
                #expect(tr.contains(IndicatorRowView.suppressedText))
            case .proportion:
                #expect(tr.contains(">\(published.percent)%<"))
                #expect(tr.contains("\(published.percentLowerCI)% to \(published.percentUpperCI)%"))
            case .mean:
                #expect(tr.contains(">\(published.mean)<"))
            case .count:
                #expect(tr.contains(">\(published.respondents)<"))
            }
            #expect(tr.contains(">\(published.comparison.rawValue)</span>"))
        }
    }

    @Test("each hidden cell, and only those, reads 'c — too few pupils to publish'",
          arguments: schoolUnits + areaUnits)
    func suppressedCells(unit: Int) throws {
        let html = page(unit, try SampleWave.site())
        let hidden = rows(of: unit).filter(\.isSuppressed).count
        #expect(occurrences(of: "class=\"indicator suppressed\"", in: html) == hidden)
        #expect(occurrences(of: "data-label=\"Value\">\(IndicatorRowView.suppressedText)<", in: html) == hidden)
        #expect(occurrences(of: "data-label=\"Respondents\">c<", in: html) == hidden)
    }

    @Test("the sample has hidden and published cells, so the tests above see both")
    func sampleHasBoth() {
        let all = (Self.schoolUnits + Self.areaUnits).flatMap(rows(of:))
        #expect(all.contains { $0.isSuppressed })
        #expect(all.contains { !$0.isSuppressed })
    }

    @Test("every published value that is not a count has an SVG chart with a text alternative",
          arguments: schoolUnits.prefix(3) + areaUnits)
    func charts(unit: Int) throws {
        let html = page(unit, try SampleWave.site())
        let drawable = rows(of: unit).filter { !$0.isSuppressed && $0.indicator.kind != .count }
        #expect(occurrences(of: "<svg class=\"chart\" role=\"img\" aria-label=\"", in: html) == drawable.count)
        let first = try #require(drawable.first { $0.indicator.kind == .proportion && $0.breakdown == .total })
        #expect(html.contains("aria-label=\"\(first.indicator.title): \(first.percent)%, 95% confidence interval "
                              + "\(first.percentLowerCI)% to \(first.percentUpperCI)%"))
    }

    @Test("every breakdown with rows has a section with a captioned table")
    func breakdownSections() throws {
        let unit = Self.areaUnits[0]
        let html = page(unit, try SampleWave.site())
        let present = Set(rows(of: unit).map(\.breakdown)).subtracting([.total])
        #expect(!present.isEmpty)
        for breakdown in Breakdown.filters {
            #expect(html.contains("<h3 id=\"breakdown-\(breakdown.columnName)\">\(breakdown.title)</h3>")
                    == present.contains(breakdown))
        }
        #expect(html.contains("<th scope=\"rowgroup\" colspan=\"7\">"))
        #expect(occurrences(of: "<caption>", in: html) == present.count + 1)
    }

    @Test("names and other text are HTML-escaped wherever they appear, and non-Latin text is kept")
    func escaping() throws {
        let site = try SampleWave.site()
        let escaped = "St Mary &amp; St John&#39;s &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; École Ærø – 聖マリア"
        let school = try #require(site.schoolPage(urn: String(SampleWave.urns[0])))
        let area = try #require(site.areaPage(localAuthority: SampleWave.table.units[Self.schoolUnits[0]]
            .geography.localAuthority!.code))
        for html in [school, area] {
            #expect(html.contains(escaped))
            #expect(!html.contains("<script"))
        }
        #expect(school.contains("<h1>\(escaped)</h1>"))
        // Partials escape too (the footer names the software version).
        for html in [school, area, site.homePage()] {
            #expect(html.contains("wellbeing 1.0 &lt;b&gt;&amp;&#39;&quot;&lt;/b&gt;"))
            #expect(!html.contains("<b>"))
        }
    }

    @Test("served pages link to the service's paths")
    func servedLinks() throws {
        let site = try SampleWave.site(.served)
        let home = site.homePage()
        for code in SampleWave.areaCodes { #expect(home.contains("href=\"/areas/\(code)\"")) }
        let unit = Self.areaUnits[0]
        let code = SampleWave.table.units[unit].geography.localAuthority!.code
        let area = try #require(site.areaPage(localAuthority: code))
        for child in SampleWave.table.units[unit].children {
            #expect(area.contains("href=\"/schools/\(SampleWave.table.units[child].geography.school!.urn)\""))
        }
        #expect(area.contains("href=\"/api/v1/exports/indicators.csv?la=\(code)\""))
        #expect(area.contains("href=\"/report-card.css\""))
        let school = try #require(site.schoolPage(urn: String(SampleWave.urns[0])))
        #expect(school.contains("href=\"/areas/"))
        #expect(school.contains("href=\"/\">All areas"))
    }

    @Test("static pages link relatively, adjusted for their folder")
    func staticLinks() throws {
        let site = try SampleWave.site(.static)
        let home = site.homePage()
        for code in SampleWave.areaCodes { #expect(home.contains("href=\"areas/\(code).html\"")) }
        #expect(home.contains("href=\"report-card.css\""))
        let code = SampleWave.areaCodes[0]
        let area = try #require(site.areaPage(localAuthority: code))
        #expect(area.contains("href=\"../schools/"))
        #expect(area.contains("href=\"../../indicators.csv\""))
        #expect(area.contains("href=\"../report-card.css\""))
        #expect(area.contains("href=\"../index.html\">All areas"))
        #expect(!area.contains("href=\"/"))
    }

    @Test("unknown LAs and schools have no page", arguments: ["999", "", "20", "abc", "100000"])
    func unknownArea(code: String) throws {
        let site = try SampleWave.site()
        #expect(site.areaPage(localAuthority: code) == nil)
        #expect(site.schoolPage(urn: code) == nil)
    }

    @Test("a school's page has one address: the URN as written", arguments: ["+", "0", " "])
    func canonicalURN(prefix: String) throws {
        let site = try SampleWave.site()
        let urn = String(SampleWave.urns[1])
        #expect(site.schoolPage(urn: urn) != nil)
        #expect(site.schoolPage(urn: prefix + urn) == nil)
    }

    @Test("an LA in two waves gets the later wave's page; one only in the earlier wave keeps it")
    func latestWave() throws {
        let code = SampleWave.areaCodes[0]
        let later = SampleWave.protectedTables(SyntheticWaveParameters(
            pupils: 300, schools: 2, seed: 8, wave: SurveyWave(year: 2027, term: .spring), localAuthorityCodes: [code]))
        let site = try ReportCardSite(tables: later + SampleWave.tables, catalogue: SampleWave.reference.catalogue,
                                      provenance: SampleWave.provenance, links: .served)
        let area = try #require(site.areaPage(localAuthority: code))
        #expect(area.contains("2027SPR (academic year 2026/27)"))
        #expect(!area.contains("2026AUT"))
        let other = try #require(site.areaPage(localAuthority: SampleWave.areaCodes[1]))
        #expect(other.contains("2026AUT (academic year 2026/27)"))
        #expect(site.homePage().contains("2026AUT, 2027SPR"))
    }

    @Test("the home page lists every LA under its region, with the wave")
    func home() throws {
        let html = try SampleWave.site().homePage()
        for unit in Self.areaUnits {
            let geography = SampleWave.table.units[unit].geography
            #expect(html.contains("<h2 id=\"region-\(geography.region!.code)\">\(geography.region!.name)</h2>"))
            #expect(html.contains(">\(geography.localAuthority!.name)</a>"))
        }
        #expect(html.contains(SampleWave.table.wave.code))
    }

    @Test("writeStatic writes the front page, the stylesheet and one page per LA and per school")
    func writeStatic() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try SampleWave.site(.static).writeStatic(to: folder.path)
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        #expect(files.contains("index.html"))
        #expect(files.contains(ReportCardSite.stylesheetName))
        #expect(files.filter { $0.hasPrefix("areas/") }.count == SampleWave.areaCodes.count)
        #expect(files.filter { $0.hasPrefix("schools/") }.count == SampleWave.urns.count)
        let css = try String(contentsOf: folder.appendingPathComponent(ReportCardSite.stylesheetName), encoding: .utf8)
        #expect(css == ReportCardSite.stylesheet)
        #expect(css.contains("@media print"))
    }
}
