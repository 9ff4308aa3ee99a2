import Testing
import WellbeingCore
@testable import WellbeingReportCards

@Suite("Report-card view-models")
struct ViewModelTests {
    static let catalogue = SampleWave.reference.catalogue

    @Test("percentages are drawn on 0–100 and clamped to the axis")
    func percentScale() throws {
        let indicator = try #require(Self.catalogue.indicators.first { $0.kind == .proportion })
        let scale = ChartScale(indicator: indicator, catalogue: Self.catalogue)
        #expect((scale.lower, scale.upper, scale.unit) == (0, 100, "%"))
        #expect(scale.position(0, width: 240, margin: 10) == 10)
        #expect(scale.position(50, width: 240, margin: 10) == 120)
        #expect(scale.position(100, width: 240, margin: 10) == 230)
        #expect(scale.position(130, width: 240, margin: 10) == 230)
        #expect(scale.label(100) == "100%")
    }

    @Test("a mean is drawn over its score's range (SWEMWBS metric 7 to 35)")
    func meanScale() throws {
        let indicator = try #require(Self.catalogue.indicators.first { $0.kind == .mean })
        let scale = ChartScale(indicator: indicator, catalogue: Self.catalogue)
        #expect((scale.lower, scale.upper, scale.unit) == (7, 35, ""))
        #expect(scale.position(21, width: 240, margin: 10) == 120)
    }

    @Test("symbols read as what they mean", arguments: [
        (PublishedValue.c, "c — too few pupils to publish"), (.z, "z — not applicable"), (.x, "x — not available"),
        (.number("12.5"), "12.5%"),
    ])
    func symbolText(value: PublishedValue, text: String) {
        #expect(IndicatorRowView.text(value, unit: "%") == text)
    }

    @Test("a row shows the published numbers and draws them against the benchmark's")
    func rowFromPublishedRows() throws {
        let table = SampleWave.table
        let la = table.indices(of: .localAuthority)[0]
        var rows: [PublishedRow] = []
        table.forEachRow(ofUnit: la) { rows.append($0) }
        var england: [PublishedRow] = []
        table.forEachRow(ofUnit: 0) { england.append($0) }
        let row = try #require(rows.first { $0.indicator.kind == .proportion && $0.breakdown == .total && !$0.isSuppressed })
        let benchmark = try #require(england.first { $0.indicator == row.indicator && $0.breakdown == .total })
        let scale = ChartScale(indicator: row.indicator, catalogue: Self.catalogue)
        let view = IndicatorRowView(row: row, label: "Label", benchmark: benchmark, benchmarkName: "England", scale: scale)
        #expect(view.value == "\(row.percent)%")
        #expect(view.interval == "\(row.percentLowerCI)% to \(row.percentUpperCI)%")
        #expect(view.benchmarkValue == "\(benchmark.percent)%")
        #expect(view.respondents == row.respondents.description)
        #expect(view.comparison.word == row.comparison.rawValue)
        let chart = try #require(view.chart)
        func x(_ value: PublishedValue) -> String {
            Rounding.text(scale.position(value.numericValue!, width: 240, margin: 10), decimals: 1)
        }
        #expect(chart.pointX == x(row.percent))
        let (low, high) = (x(row.percentLowerCI), x(row.percentUpperCI))
        #expect(chart.intervalPath == "M\(low) 14H\(high)M\(low) 10V18M\(high) 10V18")
        #expect(chart.benchmarkPath == "M\(x(benchmark.percent)) 1V27")
        #expect(chart.label.contains("England: \(benchmark.percent)%"))
        #expect(chart.label.hasSuffix("compared with England: \(row.comparison.rawValue)"))
    }

    @Test("a hidden row has no chart and no numbers, only the symbol")
    func hiddenRow() throws {
        let table = SampleWave.table
        var hidden: PublishedRow?
        for unit in table.indices(of: .school) where hidden == nil {
            table.forEachRow(ofUnit: unit) { if hidden == nil, $0.isSuppressed, $0.indicator.kind != .count { hidden = $0 } }
        }
        let row = try #require(hidden)
        let view = IndicatorRowView(row: row, label: "Label", benchmark: nil, benchmarkName: "LA",
                                    scale: ChartScale(indicator: row.indicator, catalogue: Self.catalogue))
        #expect(view.suppressed)
        #expect(view.value == IndicatorRowView.suppressedText)
        #expect(view.interval == "c" && view.respondents == "c")
        #expect(view.chart == nil && view.chartNote == "No chart: suppressed")
        #expect(view.comparison.word == "Not compared")
    }

    @Test("a cached LA page is the page a fresh site renders")
    func cachedPage() throws {
        let site = try SampleWave.site()
        let code = SampleWave.areaCodes[0]
        let first = try #require(site.areaPage(localAuthority: code))
        #expect(site.areaPage(localAuthority: code) == first)
        #expect(try SampleWave.site().areaPage(localAuthority: code) == first)
    }
}
