/// Rules P1–P3: the cells too small, or too revealing, to publish on their own.
public struct PrimarySuppression: Sendable {
    public let policy: SuppressionPolicy

    public init(policy: SuppressionPolicy) { self.policy = policy }

    /// The primary rule a cell breaks, if any (P1 before P2 before P3).
    public func rule(n: Int, count: Int, indicator: IndicatorDefinition) -> CellStatus? {
        guard n > 0 else { return nil }
        let primary = policy.primary
        if n < primary.minimumRespondents { return .primaryBase }
        guard indicator.kind == .proportion else { return nil }
        let without = n - count
        if (count > 0 && count < primary.minimumCount) || (without > 0 && without < primary.minimumCount) {
            return .primarySmallCount
        }
        if indicator.sensitive, n < primary.groupDisclosureMaximumRespondents, count == 0 || count == n {
            return .primaryGroupDisclosure
        }
        return nil
    }

    /// Marks every cell of the table that breaks a primary rule.
    public func apply(to table: inout IndicatorTable) {
        let indicators = table.catalogue.indicators
        for unit in table.units.indices {
            let cells = table.units[unit].cells
            for category in 0..<cells.categoryCount {
                for (i, indicator) in indicators.enumerated() {
                    if let rule = rule(n: cells.n(category: category, indicator: i),
                                       count: cells.count(category: category, indicator: i), indicator: indicator) {
                        table.units[unit].setStatus(rule, category: category, indicator: i)
                    }
                }
            }
        }
    }
}
