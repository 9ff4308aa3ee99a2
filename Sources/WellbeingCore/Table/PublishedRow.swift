/// One published row: a geography × breakdown category × indicator, after suppression.
///
/// Every output format is a layout of these rows; none of them sees an
/// unsuppressed value of a hidden cell.
public struct PublishedRow: Sendable, Hashable {
    public var timePeriod: String
    public var geography: Geography
    public var wave: SurveyWave
    public var indicator: IndicatorDefinition
    public var breakdown: Breakdown
    public var categoryLabel: String

    public var respondents: PublishedValue
    public var count: PublishedValue
    public var percent: PublishedValue
    public var percentLowerCI: PublishedValue
    public var percentUpperCI: PublishedValue
    public var mean: PublishedValue
    public var sd: PublishedValue
    public var meanLowerCI: PublishedValue
    public var meanUpperCI: PublishedValue
    public var comparison: BenchmarkComparison
    public var responseRate: PublishedValue

    /// True when the cell is hidden (every measure shows `c`).
    public var isSuppressed: Bool { respondents == .c }

    /// The label in the filter column of `breakdown` (`Total` elsewhere).
    public func filterLabel(_ column: Breakdown) -> String {
        column == breakdown ? categoryLabel : totalCategoryLabel
    }
}
