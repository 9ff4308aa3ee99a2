import WellbeingCore

/// The numbers the SVG chart draws: a dot for the value, a whisker for its 95% interval and a
/// line for the benchmark, on the indicator's shared scale, with a sentence saying the same in words.
struct ChartView: Sendable {
    /// The viewBox width and the axis margin; `ChartView+HTML.swift` writes the same numbers as literals.
    static let width = 240.0
    static let margin = 10.0

    /// The text alternative: value, interval, benchmark and comparison.
    let label: String
    let pointX: String
    /// The whisker with its end caps as SVG path data (numbers only); nil without an interval.
    let intervalPath: String?
    /// The benchmark's vertical line as SVG path data; nil without a benchmark value.
    let benchmarkPath: String?
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
        intervalPath = interval.map { low, high in
            let (low, high) = (x(low), x(high))
            return "M\(low) 14H\(high)M\(low) 10V18M\(high) 10V18"
        }
        benchmarkPath = benchmark.map { "M\(x($0)) 1V27" }
        self.comparisonClass = comparisonClass
        axisLow = scale.label(scale.lower)
        axisHigh = scale.label(scale.upper)
    }
}
