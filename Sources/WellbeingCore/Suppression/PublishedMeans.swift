/// What the attacker takes a published mean to reveal about its cell's score sum.
///
/// A mean is published to 2 decimal places, so with `n` published the score
/// sum is only known to lie in `[n·(mean − 0.005), n·(mean + 0.005)]`. The
/// export's own audit credits the attacker with the exact sum instead (a
/// stronger attacker, so its verdict is safe); the re-audit of a folder from
/// its files alone cannot know the exact sum, and models exactly what the files
/// give.
public enum PublishedMeans: Sendable, Hashable {
    /// The exact score sum: more than the files give.
    case exact
    /// Only the interval the 2-decimal rounding allows: what the files give.
    case rounded

    /// The score sums (hundredths) whose mean over `n` rounds to the same 2-decimal text as `sum` does.
    ///
    /// The mean in hundredths of a point is `sum / n` rounded half away from zero
    /// to a whole number `m`; every sum in `[n·m − n/2, n·m + n/2]` rounds to `m`
    /// (the upper end only just, which the LP relaxation may use).
    public static func roundedInterval(sum: Int64, n: Int) -> ClosedRange<Double> {
        precondition(n > 0, "a mean needs respondents")
        let n = Int64(n)
        // Half away from zero in integers: (2|s| + n) / 2n, with the sign put back.
        let magnitude = (2 * sum.magnitude + UInt64(n)) / (2 * UInt64(n))
        let mean = sum < 0 ? -Int64(magnitude) : Int64(magnitude)
        let centre = Double(n * mean)
        return (centre - Double(n) / 2)...(centre + Double(n) / 2)
    }
}
