import Testing
import WellbeingCore

/// One row of `wilson_vectors.csv`.
struct WilsonVector: CustomTestStringConvertible, Sendable {
    let numerator: Double
    let denominator: Double
    let confidence: Double
    let multiplier: Double
    let value: Double
    let lower: Double
    let upper: Double

    var testDescription: String { "\(numerator)/\(denominator) @\(confidence) ×\(multiplier)" }

    static func all() throws -> [WilsonVector] {
        try ReferenceTable("wilson_vectors.csv").rows.map { row in
            func number(_ key: String) throws -> Double {
                try #require(row[key].flatMap(Double.init), "column \(key)")
            }
            return WilsonVector(
                numerator: try number("numerator"), denominator: try number("denominator"),
                confidence: try number("confidence"), multiplier: try number("multiplier"),
                value: try number("expected_value"), lower: try number("expected_lower"),
                upper: try number("expected_upper"))
        }
    }
}

extension StatisticsTests {
    @Suite struct WilsonIntervalTests {
        @Test func referenceTableIsComplete() throws {
            #expect(try WilsonVector.all().count == 46)
        }

        @Test(arguments: try WilsonVector.all())
        func matchesPHEindicatormethods(_ vector: WilsonVector) throws {
            let interval = try #require(
                WilsonInterval(successes: vector.numerator, trials: vector.denominator, confidence: vector.confidence))
            #expect(isClose(interval.proportion * vector.multiplier, vector.value, relative: 1e-12))
            #expect(isClose(interval.lower * vector.multiplier, vector.lower))
            #expect(isClose(interval.upper * vector.multiplier, vector.upper))
        }

        /// The published z = 1.959964 differs from Φ⁻¹(0.975) = 1.95996398454… by 8e-9 relative,
        /// so the product's intervals agree with the qnorm-based vectors to about that, not to 1e-9.
        @Test(arguments: try WilsonVector.all().filter { $0.confidence == 0.95 && $0.numerator.rounded() == $0.numerator })
        func publishedMultiplierIsCloseToReference(_ vector: WilsonVector) throws {
            let interval = try #require(WilsonInterval(successes: Int(vector.numerator), trials: Int(vector.denominator)))
            #expect(isClose(interval.lower * vector.multiplier, vector.lower, relative: 1e-7))
            #expect(isClose(interval.upper * vector.multiplier, vector.upper, relative: 1e-7))
        }

        @Test func publishedMultiplierIsTheFingertipsConstant() {
            #expect(WilsonInterval.z95 == 1.959964)
        }

        /// Independent values: Python, z = 1.959964, explicit formula
        /// `r = sqrt(z*z + 4*x*(1 - x/n)); ((2*x + z*z - z*r) / (2*(n + z*z)), (2*x + z*z + z*r) / (2*(n + z*z)))`.
        /// statsmodels `proportion_confint(x, n, method='wilson')` (z = norm.ppf(0.975)) agrees to ~1e-8.
        @Test(arguments: [
            (0, 10, 0.0, 0.27753280302605776),
            (10, 10, 0.7224671969739423, 1.0),
            (0, 1, 0.0, 0.7934506882081973),
            (1, 1, 0.20654931179180275, 1.0),
            (3, 7, 0.15821985399244537, 0.7495416372469643),
            (17, 42, 0.2704286105584451, 0.5550568736466809),
            (250, 1000, 0.22415309878784356, 0.27776028048500345),
            (5, 5000, 0.00042721348840351356, 0.002338953064841065),
        ])
        func matchesIndependentValues(x: Int, n: Int, lower: Double, upper: Double) throws {
            let interval = try #require(WilsonInterval(successes: x, trials: n))
            #expect(isClose(interval.lower, lower, relative: 1e-12))
            #expect(isClose(interval.upper, upper, relative: 1e-12))
            #expect(interval.range == interval.lower...interval.upper)
            #expect(interval.proportion == Double(x) / Double(n))
        }

        @Test func extremesAreExactlyZeroAndOne() throws {
            // At x = 0 the lower limit is 0 and at x = n the upper is 1 in real arithmetic; no float noise may leak.
            for n in [1, 7, 30, 1_000, 123_457] {
                #expect(try #require(WilsonInterval(successes: 0, trials: n)).lower == 0)
                #expect(try #require(WilsonInterval(successes: n, trials: n)).upper == 1)
            }
        }

        @Test func noTrialsGivesNoInterval() {
            #expect(WilsonInterval(successes: 0, trials: 0) == nil)
            #expect(WilsonInterval(successes: 0, trials: 0, confidence: 0.998) == nil)
        }

        @Test func wilsonIsSymmetricInSuccessesAndFailures() throws {
            let a = try #require(WilsonInterval(successes: 3, trials: 11))
            let b = try #require(WilsonInterval(successes: 8, trials: 11))
            #expect(isClose(a.lower, 1 - b.upper, relative: 1e-12))
            #expect(isClose(a.upper, 1 - b.lower, relative: 1e-12))
        }
    }
}
