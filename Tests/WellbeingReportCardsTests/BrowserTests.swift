import Foundation
import Testing
import WellbeingCore
import WellbeingReportCards

/// What the browser check reports for one page at one width (see Browser/check_pages.py).
private struct BrowserFacts: Decodable {
    var page: String
    var width: Int
    var h1: String
    var lang: String
    var lowContrast: [String]
    var headingLevels: [Int]
    var headersWithoutScope: Int
    var parseErrors: [String]
    var mainRows: [String]
    var mainRowsVisible: Int
    var mainRowCharts: Int
    var charts: Int
    var chartsVisible: Int
    var chartsLabelled: Int
    var suppressedValues: Int
    var tables: Int
    var tablesWithCaption: Int
    var scripts: Int
    var stylesheetLoaded: Bool
    var viewportWidth: Int
    var scrollWidth: Int
    var screenshot: String
    var pdfPages: Int?
}

/// Runs the browser check script on `pages` and decodes what it measured.
private func renderInChromium(_ pages: [(name: String, path: String)], widths: [Int], screenshots: String) throws
    -> [BrowserFacts]
{
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("browser-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let spec = folder.appendingPathComponent("spec.json")
    try JSONSerialization.data(withJSONObject: [
        "screenshots": screenshots, "widths": widths,
        "pages": pages.map { ["name": $0.name, "path": $0.path] },
    ]).write(to: spec)
    let output = folder.appendingPathComponent("facts.json")
    FileManager.default.createFile(atPath: output.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", packageRoot.appendingPathComponent(
        "Tests/WellbeingReportCardsTests/Browser/check_pages.py").path, spec.path]
    process.standardOutput = try FileHandle(forWritingTo: output)
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw BrowserCheckFailure(description: "check_pages.py exited \(process.terminationStatus); "
            + "run bin/setup (installs chromium, chromium-driver, selenium and html5lib) and see its stderr above")
    }
    struct Report: Decodable { var results: [BrowserFacts] }
    return try JSONDecoder().decode(Report.self, from: Data(contentsOf: output)).results
}

private struct BrowserCheckFailure: Error, CustomStringConvertible {
    var description: String
}

@Suite("Report cards in a real browser (headless Chromium)")
struct BrowserTests {
    @Test("an area page and a school page render every indicator row and chart at phone and desktop widths")
    func rendersInChromium() throws {
        let table = SampleWave.table
        let site = try SampleWave.site(.static)
        // The pages and screenshots stay where REPORT_CARD_SCREENSHOTS says, for people to look at;
        // otherwise they go when the test ends.
        let keep = ProcessInfo.processInfo.environment["REPORT_CARD_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
        let root = keep?.appendingPathComponent("site")
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("cards-\(UUID().uuidString)")
        defer { if keep == nil { try? FileManager.default.removeItem(at: root) } }
        try site.writeStatic(to: root.path)
        let screenshots = keep?.path ?? root.appendingPathComponent("screenshots").path

        let area = table.indices(of: .localAuthority)[0]
        let school = table.indices(of: .school)[0]  // the school with the awkward name
        let code = table.units[area].geography.localAuthority!.code
        let urn = table.units[school].geography.school!.urn
        var expected: [String: (h1: String, charts: Int, hidden: Int, mainCharts: Int)] = [:]
        for (name, unit) in [("area", area), ("school", school)] {
            var rows: [PublishedRow] = []
            table.forEachRow(ofUnit: unit) { rows.append($0) }
            let drawable = rows.filter { !$0.isSuppressed && $0.indicator.kind != .count }
            expected[name] = (table.units[unit].geography.name, drawable.count, rows.filter(\.isSuppressed).count,
                              drawable.filter { $0.breakdown == .total }.count)
        }
        let widths = [390, 1280]
        let facts = try renderInChromium(
            [("area", root.appendingPathComponent("areas/\(code).html").path),
             ("school", root.appendingPathComponent("schools/\(urn).html").path)],
            widths: widths, screenshots: screenshots)
        #expect(facts.count == 4)

        let indicators = table.catalogue.indicators.map(\.id)
        for page in facts {
            let want = try #require(expected[page.page])
            #expect(page.h1 == want.h1, "the heading must read exactly the name, whatever characters it has")
            #expect(page.mainRows == indicators, "\(page.page) at \(page.width)px")
            #expect(page.mainRowsVisible == indicators.count)
            #expect(page.mainRowCharts == want.mainCharts)
            #expect(page.charts == want.charts)
            #expect(page.chartsVisible == want.charts, "\(page.page) at \(page.width)px: a chart has no size")
            #expect(page.chartsLabelled == want.charts)
            #expect(page.suppressedValues == want.hidden)
            #expect(page.tables > 1 && page.tablesWithCaption == page.tables)
            #expect(page.parseErrors.isEmpty, "HTML parse errors: \(page.parseErrors)")
            #expect(page.scripts == 0)
            #expect(page.lang == "en-GB")
            #expect(page.lowContrast.isEmpty, "text below WCAG AA contrast: \(page.lowContrast)")
            #expect(page.headingLevels.first == 1 && page.headingLevels.filter { $0 == 1 }.count == 1)
            #expect(zip(page.headingLevels, page.headingLevels.dropFirst()).allSatisfy { $1 <= $0 + 1 },
                    "heading levels skip: \(page.headingLevels)")
            #expect(page.headersWithoutScope == 0)
            #expect(page.stylesheetLoaded)
            #expect(page.viewportWidth == page.width)
            #expect(page.scrollWidth <= page.width, "\(page.page) scrolls sideways at \(page.width)px")
            #expect(FileManager.default.fileExists(atPath: page.screenshot))
            if page.width == widths.last {
                #expect((page.pdfPages ?? 0) >= 1, "printing to A4 must give pages")
            }
        }
    }
}
