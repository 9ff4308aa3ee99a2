import Testing
import WellbeingCore

extension StatisticsTests {
    @Suite struct QuantilesTests {
        /// Independent values: `scipy.stats.norm.ppf(p)`.
        @Test(arguments: [(0.975, 1.959963984540054), (0.999, 3.090232306167813), (0.5, 0.0)])
        func normalMatchesSciPy(probability: Double, expected: Double) {
            #expect(isClose(Quantiles.normal(probability), expected, relative: 1e-12))
        }

        @Test func normalIsAntisymmetric() {
            #expect(isClose(Quantiles.normal(0.025), -Quantiles.normal(0.975), relative: 1e-15))
        }

        /// Independent values: `scipy.stats.t.ppf(0.975, df)`. Degrees of freedom on both sides of the cache bound.
        @Test(arguments: [
            (1, 12.706204736174694), (2, 4.302652729749462), (5, 2.5705818356363146),
            (10, 2.228138851986274), (30, 2.0422724563012378), (100, 1.9839715185235518),
            (1000, 1.9623390808264083), (2000, 1.9611508260994377), (2001, 1.9611502326224413),
            (5000, 1.9604385517065073),
        ])
        func studentTMatchesSciPy(degreesOfFreedom: Int, expected: Double) {
            #expect(isClose(Quantiles.studentT(0.975, degreesOfFreedom: degreesOfFreedom), expected, relative: 1e-12))
        }

        @Test func scipyChecksStraddleTheCacheBound() {
            // The scipy checks above straddle the bound, so cached and direct values are both covered.
            #expect(Quantiles.cachedDegreesOfFreedom == 2000)
        }

        @Test func cachedT975DecreasesTowardsTheNormalQuantile() {
            let z = Quantiles.normal(0.975)
            var previous = Double.infinity
            for df in 1...(Quantiles.cachedDegreesOfFreedom + 1) {
                let t = Quantiles.studentT(0.975, degreesOfFreedom: df)
                #expect(t < previous && t > z, "df \(df)")
                previous = t
            }
        }
    }
}
