/// A mean with its sample standard deviation (n − 1) and t confidence interval mean ± t·sd/√n.
public struct MeanInterval: Sendable, Hashable {
    /// The number of values.
    public let n: Int
    /// The arithmetic mean.
    public let mean: Double
    /// The sample standard deviation (divisor n − 1); nil when n < 2.
    public let standardDeviation: Double?
    /// The confidence interval for the mean; nil when n < 2.
    public let interval: ClosedRange<Double>?

    /// From the exact sums the product keeps: values are fixed-point integers `value × scale` (hundredths by default).
    ///
    /// The variance numerator n·Σx² − (Σx)² is formed exactly in 128 bits, so there is no cancellation
    /// however large or tightly clustered the values; floating point enters only at the final division.
    /// Nil when n is 0.
    public init?(n: Int, sum: Int64, sumOfSquares: Int64, scale: Int64 = 100, confidence: Double = 0.95) {
        precondition(n >= 0 && scale > 0 && sumOfSquares >= 0, "counts, scale and sum of squares must not be negative")
        guard n > 0 else { return nil }
        let mean = Double(sum) / Double(n) / Double(scale)
        guard n >= 2 else {
            self.init(n: n, mean: mean, variance: nil, confidence: confidence)
            return
        }
        let nTimesSquares = Int64(n).multipliedFullWidth(by: sumOfSquares)
        let sumSquared = sum.multipliedFullWidth(by: sum)
        let (low, borrow) = nTimesSquares.low.subtractingReportingOverflow(sumSquared.low)
        let high = nTimesSquares.high - sumSquared.high - (borrow ? 1 : 0)
        precondition(high >= 0, "inconsistent sums: n·Σx² < (Σx)²")
        let numerator = Double(high) * 0x1p64 + Double(low)
        let variance = numerator / (Double(n) * Double(n - 1)) / (Double(scale) * Double(scale))
        self.init(n: n, mean: mean, variance: variance, confidence: confidence)
    }

    /// From raw values, with a two-pass variance; nil when there are none.
    public init?(values: [Double], confidence: Double = 0.95) {
        guard !values.isEmpty else { return nil }
        let n = values.count
        let mean = values.reduce(0, +) / Double(n)
        let variance = n < 2 ? nil : values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        self.init(n: n, mean: mean, variance: variance, confidence: confidence)
    }

    private init(n: Int, mean: Double, variance: Double?, confidence: Double) {
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1)")
        self.n = n
        self.mean = mean
        guard let variance else {
            standardDeviation = nil
            interval = nil
            return
        }
        let sd = variance.squareRoot()
        let t = Quantiles.studentT(1 - (1 - confidence) / 2, degreesOfFreedom: n - 1)
        let halfWidth = t * sd / Double(n).squareRoot()
        standardDeviation = sd
        interval = (mean - halfWidth)...(mean + halfWidth)
    }
}
