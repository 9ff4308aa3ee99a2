import Testing
import WellbeingCore

/// One row of `mean_vectors.csv`, with its raw values kept as decimal text for exact fixed-point conversion.
struct MeanVector: CustomTestStringConvertible, Sendable {
    let group: String
    let confidence: Double
    let n: Int
    let sum: Double
    let sd: Double
    let mean: Double
    let lower: Double
    let upper: Double
    let values: [String]

    var testDescription: String { "\(group) @\(confidence)" }

    static func all() throws -> [MeanVector] {
        try ReferenceTable("mean_vectors.csv").rows.map { row in
            func field(_ key: String) throws -> String { try #require(row[key], "column \(key)") }
            func number(_ key: String) throws -> Double { try #require(Double(try field(key)), "column \(key)") }
            return MeanVector(
                group: try field("group"), confidence: try number("confidence"),
                n: try #require(Int(try field("n"))), sum: try number("sum"), sd: try number("sd"),
                mean: try number("mean"), lower: try number("lower"), upper: try number("upper"),
                values: try field("values_semicolon_separated").split(separator: ";").map(String.init))
        }
    }
}

/// `text` (e.g. "33.09375") as an integer count of 10^-`decimals`, parsed digit by digit so nothing is rounded.
private func fixedPoint(_ text: String, decimals: Int) throws -> Int64 {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    try #require(parts.count <= 2 && fraction.count <= decimals, "\(text) has more than \(decimals) decimals")
    let digits = String(parts[0]) + fraction + String(repeating: "0", count: decimals - fraction.count)
    return try #require(Int64(digits))
}

extension StatisticsTests {
    @Suite struct MeanIntervalTests {
        @Test func referenceTableIsComplete() throws {
            #expect(try MeanVector.all().count == 6)
        }

        @Test(arguments: try MeanVector.all())
        func matchesPHEindicatormethodsFromValues(_ vector: MeanVector) throws {
            let values = try vector.values.map { try #require(Double($0)) }
            let result = try #require(MeanInterval(values: values, confidence: vector.confidence))
            #expect(result.n == vector.n)
            #expect(isClose(values.reduce(0, +), vector.sum))
            #expect(isClose(result.mean, vector.mean))
            #expect(isClose(result.standardDeviation, vector.sd))
            #expect(isClose(result.interval?.lowerBound, vector.lower))
            #expect(isClose(result.interval?.upperBound, vector.upper))
        }

        /// The same vectors through the exact-sum path, in units of 10^-5 (the values have five decimals).
        /// n·Σx² reaches ~1.7e20 here, beyond Int64, so this exercises the 128-bit variance numerator.
        @Test(arguments: try MeanVector.all())
        func matchesPHEindicatormethodsFromFixedPointSums(_ vector: MeanVector) throws {
            let scaled = try vector.values.map { try fixedPoint($0, decimals: 5) }
            let sum = scaled.reduce(0, +)
            let sumOfSquares = scaled.reduce(Int64(0)) { $0 + $1 * $1 }
            let result = try #require(MeanInterval(
                n: scaled.count, sum: sum, sumOfSquares: sumOfSquares, scale: 100_000, confidence: vector.confidence))
            #expect(isClose(result.mean, vector.mean))
            #expect(isClose(result.standardDeviation, vector.sd))
            #expect(isClose(result.interval?.lowerBound, vector.lower))
            #expect(isClose(result.interval?.upperBound, vector.upper))
        }

        /// Independent values: numpy `a.mean()`, `a.std(ddof=1)` and `mean ∓ scipy.stats.t.ppf(0.975, n-1)*sd/sqrt(n)`;
        /// sums are of the values in hundredths.
        @Test(arguments: [
            ([12.34, 56.78, 9.1, 40.0, 33.33], 15155, 61_699_429, 30.31, 19.852344949652675,
             5.660057996093958, 54.95994200390605),
            ([1.0, 2.0], 300, 50_000, 1.5, 0.7071067811865476, -4.853102368087347, 7.853102368087347),
            ([14.0, 70.0, 35.5, 42.25], 16175, 81_413_125, 40.4375, 23.097957160753417,
             3.6834957870794653, 77.19150421292053),
        ] as [([Double], Int64, Int64, Double, Double, Double, Double)])
        func matchesIndependentValues(values: [Double], sum: Int64, sumOfSquares: Int64,
                                      mean: Double, sd: Double, lower: Double, upper: Double) throws {
            let fromSums = try #require(MeanInterval(n: values.count, sum: sum, sumOfSquares: sumOfSquares))
            let fromValues = try #require(MeanInterval(values: values))
            for result in [fromSums, fromValues] {
                #expect(result.n == values.count)
                #expect(isClose(result.mean, mean, relative: 1e-12))
                #expect(isClose(result.standardDeviation, sd, relative: 1e-12))
                #expect(isClose(result.interval?.lowerBound, lower, relative: 1e-12))
                #expect(isClose(result.interval?.upperBound, upper, relative: 1e-12))
            }
        }

        @Test func identicalValuesHaveZeroSpread() throws {
            let result = try #require(MeanInterval(n: 3, sum: 21_000, sumOfSquares: 147_000_000))
            #expect(result.mean == 70)
            #expect(result.standardDeviation == 0)
            #expect(result.interval == 70...70)
        }

        @Test func oneValueHasAMeanButNoSpread() throws {
            let fromSums = try #require(MeanInterval(n: 1, sum: 4_225, sumOfSquares: 4_225 * 4_225))
            let fromValues = try #require(MeanInterval(values: [42.25]))
            for result in [fromSums, fromValues] {
                #expect(result.mean == 42.25)
                #expect(result.standardDeviation == nil)
                #expect(result.interval == nil)
            }
        }

        @Test func noValuesGiveNoMean() {
            #expect(MeanInterval(n: 0, sum: 0, sumOfSquares: 0) == nil)
            #expect(MeanInterval(values: []) == nil)
        }

        /// 1,000,000.01, .02 and .03: n·Σx² and (Σx)² are ~9e16, where a Double's spacing is 16, yet they
        /// differ by exactly 6 (hundredths²); the exact numerator gives sd = 0.01 to the last bit or two.
        @Test func clusteredLargeValuesDoNotCancel() throws {
            let scaled: [Int64] = [100_000_001, 100_000_002, 100_000_003]
            let result = try #require(MeanInterval(
                n: 3, sum: scaled.reduce(0, +), sumOfSquares: scaled.reduce(0) { $0 + $1 * $1 }))
            #expect(isClose(result.standardDeviation, 0.01, relative: 1e-15))
            #expect(isClose(result.mean, 1_000_000.02, relative: 1e-15))
        }

        /// Two million pupils, half scoring 14.00 and half 70.00: n·Σx² ≈ 2e20 overflows Int64.
        /// sd = 28·√(n/(n−1)) = 28.000007000002626 (Python `28*math.sqrt(2e6/(2e6-1))`).
        @Test func largeCountsDoNotOverflow() throws {
            let half: Int64 = 1_000_000
            let sum = half * 1_400 + half * 7_000
            let sumOfSquares = half * 1_400 * 1_400 + half * 7_000 * 7_000
            let result = try #require(MeanInterval(n: 2_000_000, sum: sum, sumOfSquares: sumOfSquares))
            #expect(result.mean == 42)
            #expect(isClose(result.standardDeviation, 28.000007000002626, relative: 1e-13))
        }
    }
}
