/// A Wilson score confidence interval for a proportion, as UKHSA's `PHEindicatormethods` computes it.
///
/// Limits are `(2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²))`, as proportions in [0, 1].
public struct WilsonInterval: Sendable, Hashable {
    /// The 95% multiplier the product publishes with, fixed to the value Fingertips and PHEindicatormethods use.
    public static let z95 = 1.959964

    /// The observed proportion x / n.
    public let proportion: Double
    /// The lower limit, as a proportion.
    public let lower: Double
    /// The upper limit, as a proportion.
    public let upper: Double

    /// The published 95% interval for `successes` out of `trials`; nil when `trials` is 0.
    public init?(successes: Int, trials: Int) {
        self.init(successes: Double(successes), trials: Double(trials), z: Self.z95)
    }

    /// The interval at `confidence` (e.g. 0.998), with z = Φ⁻¹(confidence + (1 − confidence)/2); nil when `trials` is 0.
    ///
    /// Counts are `Double` because the reference vectors include a fractional numerator.
    public init?(successes: Double, trials: Double, confidence: Double) {
        precondition(confidence > 0 && confidence < 1, "confidence must be in (0, 1)")
        self.init(successes: successes, trials: trials, z: Quantiles.normal(confidence + (1 - confidence) / 2))
    }

    /// The interval with an explicit multiplier `z`; nil when `trials` is 0.
    public init?(successes x: Double, trials n: Double, z: Double) {
        precondition(x >= 0 && x <= n, "successes must be between 0 and trials")
        guard n > 0 else { return nil }
        let z2 = z * z
        let spread = z * (z2 + 4 * x * (1 - x / n)).squareRoot()
        let denominator = 2 * (n + z2)
        proportion = x / n
        // At x = 0 and x = n the limits are exactly 0 and 1, but computed they can miss by an ulp, which
        // would make a 100% school "Worse" than a 100% benchmark.
        lower = x == 0 ? 0 : (2 * x + z2 - spread) / denominator
        upper = x == n ? 1 : (2 * x + z2 + spread) / denominator
    }

    /// The limits as a closed range, for benchmark comparison.
    public var range: ClosedRange<Double> { lower...upper }
}
