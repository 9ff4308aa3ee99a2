import WellbeingCore

/// The numbers the SVG template draws: a dot for the value, a whisker for its 95% interval and a
/// line for the benchmark, on the indicator's shared scale, with a sentence saying the same in words.
struct ChartView: Sendable {
    /// The viewBox width and the axis margin; `chart.mustache` writes the same numbers as literals.
    static let width = 240.0
    static let margin = 10.0

    /// The text alternative: value, interval, benchmark and comparison.
    let label: String
    let pointX: String
    let hasInterval: Bool
    let lowX: String
    let highX: String
    let hasBenchmark: Bool
    let benchmarkX: String
    /// The comparison's CSS class, which colours the dot.
    let comparisonClass: String
    let axisLow: String
    let axisHigh: String

    /// A chart for a published value; nil when there is no number to draw.
    init?(value: Double?, interval: (Double, Double)?, benchmark: Double?, scale: ChartScale, label: String,
          comparisonClass: String)
    {
        guard let value else { return nil }
        func x(_ v: Double) -> String {
            Rounding.text(scale.position(v, width: Self.width, margin: Self.margin), decimals: 1)
        }
        self.label = label
        pointX = x(value)
        hasInterval = interval != nil
        lowX = interval.map { x($0.0) } ?? ""
        highX = interval.map { x($0.1) } ?? ""
        hasBenchmark = benchmark != nil
        benchmarkX = benchmark.map(x) ?? ""
        self.comparisonClass = comparisonClass
        axisLow = scale.label(scale.lower)
        axisHigh = scale.label(scale.upper)
    }
}
