/// How a cell compares with its benchmark (school with LA; LA and region with England), as Fingertips words it.
public enum BenchmarkComparison: String, Sendable, Hashable, CaseIterable {
    case better = "Better"
    case similar = "Similar"
    case worse = "Worse"
    case notCompared = "Not compared"

    /// Compares a cell's 95% interval with the benchmark's value.
    ///
    /// The benchmark inside the interval, bounds included, is `similar`; an interval wholly above it is
    /// `better` when high is good and `worse` when low is good, and wholly below the reverse.
    /// `notCompared` when the indicator has no polarity or either side is missing (suppressed or undefined).
    public init(interval: ClosedRange<Double>?, benchmark: Double?, polarity: Polarity) {
        guard polarity != .none, let interval, let benchmark else {
            self = .notCompared
            return
        }
        if interval.contains(benchmark) {
            self = .similar
        } else {
            let isHigher = interval.lowerBound > benchmark
            self = isHigher == (polarity == .highIsGood) ? .better : .worse
        }
    }
}
