/// Publication rounding: half away from zero to a fixed number of decimals, as the text that is published.
///
/// Zero is always written unsigned ("0.0", never "-0.0").
public enum Rounding {
    /// How far a `Double` is pushed away from zero before rounding, relative to its size.
    ///
    /// Decimal halves such as 1.005 are stored a few ulps below the half (1.00499999999999989…) and
    /// would round down; 1e-12 relative is far above that representation error and far below any
    /// difference that matters at published precision.
    static let relativeNudge = 1e-12

    /// The percentage 100·`count`/`n` to 1 decimal place, in exact integer arithmetic.
    public static func percentText(count: Int, n: Int) -> String {
        precondition(n > 0, "a percentage needs a positive denominator")
        return text(numerator: Int64(count) * 100, denominator: Int64(n), decimals: 1)
    }

    /// The mean of fixed-point values (`value × scale`) from their exact sum, to `decimals` places.
    public static func fixedPointMeanText(sum: Int64, n: Int, scale: Int64 = 100, decimals: Int = 2) -> String {
        precondition(n > 0 && scale > 0, "a mean needs a positive count and scale")
        return text(numerator: sum, denominator: Int64(n) * scale, decimals: decimals)
    }

    /// The rational `numerator`/`denominator` to `decimals` places, exactly.
    public static func text(numerator: Int64, denominator: Int64, decimals: Int) -> String {
        precondition(denominator > 0, "denominator must be positive")
        let d = UInt64(denominator)
        // |numerator|·10^decimals can exceed 64 bits, so divide the full 128-bit product.
        let product = numerator.magnitude.multipliedFullWidth(by: powerOfTen(decimals))
        precondition(product.high < d, "rounded value does not fit in 64 bits")
        let (quotient, remainder) = d.dividingFullWidth(product)
        // remainder ≥ d − remainder is 2·remainder ≥ d (a half or more) without overflowing.
        let rounded = remainder >= d - remainder ? quotient + 1 : quotient
        return format(magnitude: rounded, decimals: decimals, isNegative: numerator < 0)
    }

    /// An irrational or computed value (a CI limit, a standard deviation) to `decimals` places.
    public static func text(_ value: Double, decimals: Int) -> String {
        precondition(value.isFinite, "only finite values are published")
        let scaled = (value * Double(powerOfTen(decimals)) * (1 + relativeNudge)).rounded(.toNearestOrAwayFromZero)
        precondition(scaled.magnitude < 0x1p63, "rounded value does not fit in 64 bits")
        return format(magnitude: UInt64(scaled.magnitude), decimals: decimals, isNegative: scaled < 0)
    }

    private static func powerOfTen(_ decimals: Int) -> UInt64 {
        // 10^18 is the largest power of ten in UInt64; publication uses 1 or 2.
        precondition((0...18).contains(decimals), "decimals must be between 0 and 18")
        return (0..<decimals).reduce(1) { power, _ in power * 10 }
    }

    /// Writes `magnitude / 10^decimals` with exactly `decimals` digits after the point.
    private static func format(magnitude: UInt64, decimals: Int, isNegative: Bool) -> String {
        var digits = String(magnitude)
        if decimals > 0 {
            if digits.count <= decimals {
                digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits
            }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -decimals))
        }
        return isNegative && magnitude != 0 ? "-" + digits : digits
    }
}
