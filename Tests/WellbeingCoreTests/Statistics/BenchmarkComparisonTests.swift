import Testing
import WellbeingCore

extension StatisticsTests {
    @Suite struct BenchmarkComparisonTests {
        /// The interval 10…20 against benchmarks below, on, inside and above it, for each polarity.
        @Test(arguments: [
            (5.0, Polarity.highIsGood, BenchmarkComparison.better),
            (10.0, .highIsGood, .similar),
            (15.0, .highIsGood, .similar),
            (20.0, .highIsGood, .similar),
            (25.0, .highIsGood, .worse),
            (5.0, .lowIsGood, .worse),
            (10.0, .lowIsGood, .similar),
            (15.0, .lowIsGood, .similar),
            (20.0, .lowIsGood, .similar),
            (25.0, .lowIsGood, .better),
            (5.0, .none, .notCompared),
            (15.0, .none, .notCompared),
            (25.0, .none, .notCompared),
        ])
        func truthTable(benchmark: Double, polarity: Polarity, expected: BenchmarkComparison) {
            #expect(BenchmarkComparison(interval: 10...20, benchmark: benchmark, polarity: polarity) == expected)
        }

        @Test(arguments: Polarity.allCases)
        func missingSideIsNotCompared(polarity: Polarity) {
            #expect(BenchmarkComparison(interval: nil, benchmark: 15, polarity: polarity) == .notCompared)
            #expect(BenchmarkComparison(interval: 10...20, benchmark: nil, polarity: polarity) == .notCompared)
            #expect(BenchmarkComparison(interval: nil, benchmark: nil, polarity: polarity) == .notCompared)
        }

        @Test func degenerateIntervalOnTheBenchmarkIsSimilar() {
            #expect(BenchmarkComparison(interval: 70...70, benchmark: 70, polarity: .highIsGood) == .similar)
            #expect(BenchmarkComparison(interval: 70...70, benchmark: 69.99, polarity: .highIsGood) == .better)
        }

        @Test func wilsonIntervalOfASchoolAgainstItsLocalAuthority() throws {
            // 60 of 80 (75%, CI 64.5–83.2%) against LA values just outside, on and inside the interval.
            let school = try #require(WilsonInterval(successes: 60, trials: 80))
            #expect(BenchmarkComparison(interval: school.range, benchmark: 0.60, polarity: .highIsGood) == .better)
            #expect(BenchmarkComparison(interval: school.range, benchmark: school.lower, polarity: .highIsGood) == .similar)
            #expect(BenchmarkComparison(interval: school.range, benchmark: 0.70, polarity: .lowIsGood) == .similar)
            #expect(BenchmarkComparison(interval: school.range, benchmark: 0.90, polarity: .lowIsGood) == .better)
        }

        @Test func everyoneAgainstEveryoneIsSimilar() throws {
            let school = try #require(WilsonInterval(successes: 30, trials: 30))
            let none = try #require(WilsonInterval(successes: 0, trials: 30))
            #expect(BenchmarkComparison(interval: school.range, benchmark: 1, polarity: .highIsGood) == .similar)
            #expect(BenchmarkComparison(interval: none.range, benchmark: 0, polarity: .lowIsGood) == .similar)
        }

        @Test func rawValuesAreThePublishedWords() {
            #expect(BenchmarkComparison.allCases.map(\.rawValue) == ["Better", "Similar", "Worse", "Not compared"])
        }
    }
}
