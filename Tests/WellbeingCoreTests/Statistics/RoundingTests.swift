import Testing
import WellbeingCore

extension StatisticsTests {
    @Suite struct RoundingTests {
        @Test(arguments: [
            (1, 8, "12.5"), (1, 3, "33.3"), (2, 3, "66.7"), (1, 7, "14.3"), (0, 5, "0.0"), (5, 5, "100.0"),
            (1, 16, "6.3"),     // 6.25 exactly: the half goes away from zero
            (1, 2000, "0.1"),   // 0.05 exactly
            (1, 2001, "0.0"),   // 0.049975…, just under the half
            (1999, 2000, "100.0"),
        ])
        func percentIsExact(count: Int, n: Int, expected: String) {
            #expect(Rounding.percentText(count: count, n: n) == expected)
        }

        @Test(arguments: [
            (15155, 5, 2, "30.31"),
            (16175, 4, 2, "40.44"),   // 40.4375
            (1, 2, 2, "0.01"),        // 0.005
            (-1, 2, 2, "-0.01"),      // -0.005, away from zero
            (-1, 3, 2, "0.00"),       // -0.0033…: no negative zero
            (5, 8, 2, "0.01"),        // 0.00625
            (1225, 1, 1, "12.3"),     // 12.25
            (7000, 3, 0, "23"),       // 23.33…
        ] as [(Int64, Int, Int, String)])
        func fixedPointMeanIsExact(sum: Int64, n: Int, decimals: Int, expected: String) {
            #expect(Rounding.fixedPointMeanText(sum: sum, n: n, scale: 100, decimals: decimals) == expected)
        }

        @Test func fixedPointMeanDefaultsToHundredthsAndTwoDecimals() {
            #expect(Rounding.fixedPointMeanText(sum: 4_225, n: 1) == "42.25")
        }

        @Test func rationalBeyondSixtyFourBitsBeforeDivision() {
            // Int64.max · 100 needs 128 bits; Int64.max / 1000 = 9223372036854775.807 (Python Decimal).
            #expect(Rounding.text(numerator: .max, denominator: 1_000, decimals: 2) == "9223372036854775.81")
            #expect(Rounding.text(numerator: .min + 1, denominator: 1_000, decimals: 2) == "-9223372036854775.81")
        }

        @Test(arguments: [
            (0.05, 1, "0.1"),
            (2.675, 2, "2.68"),      // stored as 2.67499999999999982…
            (1.005, 2, "1.01"),      // stored as 1.00499999999999989…
            (12.25, 1, "12.3"),
            (-0.04, 1, "0.0"),
            (-0.05, 1, "-0.1"),
            (-1.5, 1, "-1.5"),
            (-0.0, 1, "0.0"),
            (0.0, 2, "0.00"),
            (12.5, 0, "13"),
            (-12.5, 0, "-13"),
            (99.95, 1, "100.0"),
            (0.004999, 2, "0.00"),
            (1_234_567.891, 2, "1234567.89"),
            (0.1767432064140651, 1, "0.2"),
            (28.882916559315884, 1, "28.9"),
        ])
        func doubleRoundsHalfAwayFromZero(value: Double, decimals: Int, expected: String) {
            #expect(Rounding.text(value, decimals: decimals) == expected)
        }
    }
}
