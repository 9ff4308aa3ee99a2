import WellbeingCore

/// One published row as a page shows it: the same rounded values and symbols as `indicators.csv`.
struct IndicatorRowView: Sendable {
    /// What suppressed cells say in place of a number.
    static let suppressedText = "c — too few pupils to publish"
    /// What an indicator without a published row says: nobody in its year groups answered.
    static let noRespondentsText = "No respondents"

    let indicatorID: String
    /// The indicator title on the main table; the category ("Female", "Year 9") in a breakdown.
    let label: String
    let value: String
    let interval: String
    let respondents: String
    /// The benchmark's name (its column heading), kept on the row so its cells name it without looking up the page.
    let benchmarkName: String
    /// The benchmark's published value for the same indicator and category.
    let benchmarkValue: String
    let suppressed: Bool
    let comparison: ComparisonBadge
    let chart: ChartView?
    /// Why there is no chart, when there is none.
    let chartNote: String

    /// Builds the row from the unit's published row and its benchmark's row for the same indicator and category.
    init(row: PublishedRow, label: String, benchmark: PublishedRow?, benchmarkName: String, scale: ChartScale) {
        indicatorID = row.indicator.id
        self.label = label
        self.benchmarkName = benchmarkName
        suppressed = row.isSuppressed
        comparison = ComparisonBadge(row.comparison)
        // The value cell of a hidden row says why; its other cells show the bare symbol, as the CSV does.
        respondents = row.respondents.description

        let measure: (value: PublishedValue, lower: PublishedValue, upper: PublishedValue, benchmark: PublishedValue?)
        switch row.indicator.kind {
        case .proportion:
            measure = (row.percent, row.percentLowerCI, row.percentUpperCI, benchmark?.percent)
        case .mean:
            measure = (row.mean, row.meanLowerCI, row.meanUpperCI, benchmark?.mean)
        case .count:
            measure = (row.respondents, .z, .z, nil)
        }
        value = Self.text(measure.value, unit: scale.unit)
        benchmarkValue = row.indicator.kind == .count ? Self.text(benchmark?.respondents ?? .x, unit: "")
            : Self.text(measure.benchmark ?? .x, unit: scale.unit)
        let bounds = measure.lower.numericValue.flatMap { low in measure.upper.numericValue.map { (low, $0) } }
        interval = bounds == nil ? (suppressed ? measure.lower.description : Self.text(measure.lower, unit: scale.unit))
            : "\(measure.lower)\(scale.unit) to \(measure.upper)\(scale.unit)"

        if row.indicator.kind == .count {
            chart = nil
            chartNote = "No chart: a count of pupils"
        } else if suppressed {
            chart = nil
            chartNote = "No chart: suppressed"
        } else {
            let benchmarkNumber = measure.benchmark?.numericValue
            var words = "\(label): \(value)"
            if bounds != nil { words += ", 95% confidence interval \(interval)" }
            if let benchmarkValue = measure.benchmark, benchmarkNumber != nil {
                words += "; \(benchmarkName): \(benchmarkValue)\(scale.unit)"
            }
            words += "; compared with \(benchmarkName): \(comparison.word)"
            chart = ChartView(value: measure.value.numericValue, interval: bounds, benchmark: benchmarkNumber,
                              scale: scale, label: words, comparisonClass: comparison.cssClass)
            chartNote = chart == nil ? "No chart: no value" : ""
        }
    }

    /// The row of an indicator the unit has no published row for (no pupil in its year groups answered it).
    init(absent indicator: IndicatorDefinition, benchmark: PublishedRow?, benchmarkName: String, scale: ChartScale) {
        indicatorID = indicator.id
        self.benchmarkName = benchmarkName
        label = indicator.title
        value = Self.noRespondentsText
        let years = indicator.years
        interval = "Asked in \(YearGroup(years.from).map(String.init(describing:)) ?? String(years.from)) to "
            + "\(YearGroup(years.to).map(String.init(describing:)) ?? String(years.to))"
        respondents = "0"
        benchmarkValue = switch (indicator.kind, benchmark) {
        case (.proportion, let row?): Self.text(row.percent, unit: scale.unit)
        case (.mean, let row?): Self.text(row.mean, unit: scale.unit)
        case (.count, let row?): Self.text(row.respondents, unit: "")
        case (_, nil): Self.text(.x, unit: "")
        }
        suppressed = false
        comparison = ComparisonBadge(.notCompared)
        chart = nil
        chartNote = "No chart: no respondents"
    }

    /// A published value for people: the number with its unit, or the symbol with what it means.
    static func text(_ value: PublishedValue, unit: String) -> String {
        switch value {
        case .number(let number): number + unit
        case .text(let text): text
        case .symbol(.confidential): suppressedText
        case .symbol(.notApplicable): "z — not applicable"
        case .symbol(.notAvailable): "x — not available"
        }
    }
}
