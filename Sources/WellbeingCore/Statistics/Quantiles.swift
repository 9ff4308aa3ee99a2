import CGSL

/// Quantiles of the standard normal and Student-t distributions, from GSL.
public enum Quantiles {
    /// The largest degrees of freedom whose 97.5% t quantile is precomputed.
    ///
    /// Covers every school-level and most LA-level mean cells; beyond it GSL is called directly.
    public static let cachedDegreesOfFreedom = 2_000

    /// The standard normal quantile: the z with P(Z ≤ z) = `probability`.
    public static func normal(_ probability: Double) -> Double {
        precondition(probability > 0 && probability < 1, "probability must be in (0, 1)")
        return gsl_cdf_ugaussian_Pinv(probability)
    }

    /// The Student-t quantile: the t with P(T ≤ t) = `probability` on `degreesOfFreedom`.
    public static func studentT(_ probability: Double, degreesOfFreedom: Int) -> Double {
        precondition(probability > 0 && probability < 1, "probability must be in (0, 1)")
        precondition(degreesOfFreedom >= 1, "degrees of freedom must be at least 1")
        if probability == 0.975 && degreesOfFreedom <= cachedDegreesOfFreedom {
            return t975[degreesOfFreedom - 1]
        }
        return gsl_cdf_tdist_Pinv(probability, Double(degreesOfFreedom))
    }

    /// t(0.975, df) for df = 1 … `cachedDegreesOfFreedom`, because every published mean cell needs one.
    ///
    /// A `static let` is initialised once, lazily and thread-safely, so the table needs no lock.
    private static let t975: [Double] = (1...cachedDegreesOfFreedom).map {
        gsl_cdf_tdist_Pinv(0.975, Double($0))
    }
}
