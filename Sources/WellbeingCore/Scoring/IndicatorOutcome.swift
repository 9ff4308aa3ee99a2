/// What one pupil contributes to one indicator.
public enum IndicatorOutcome: Sendable, Hashable {
    /// Not in the denominator (wrong year, or a needed answer missing).
    case excluded
    /// In the denominator of a proportion or count; `true` when also in the numerator.
    case counted(Bool)
    /// In the denominator of a mean, with the score in hundredths.
    case score(Int64)
}
