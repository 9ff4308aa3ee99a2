/// A cell of an ``IndicatorTable``: unit, category slot and indicator.
public struct CellReference: Sendable, Hashable, Comparable {
    public var unit: Int
    public var category: Int
    public var indicator: Int

    public init(unit: Int, category: Int, indicator: Int) {
        self.unit = unit
        self.category = category
        self.indicator = indicator
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.unit, lhs.indicator, lhs.category) < (rhs.unit, rhs.indicator, rhs.category)
    }
}

/// One additive relation the published table exposes: the parts sum to the total.
///
/// For `n` and `count` alike (for a mean: `n` and the sum of scores). Parts
/// with no respondents are left out: they are known zeros, not unknowns.
public struct AdditiveRelation: Sendable, Hashable {
    public var total: CellReference
    public var parts: [CellReference]
}

extension IndicatorTable {
    /// Every additive relation of the table (disclosure-control.md, "The cells").
    ///
    /// 1. categories of a breakdown sum to the total at the same geography;
    /// 2. schools sum to their LA, LAs to their region, regions to England, for every category.
    public var additiveRelations: [AdditiveRelation] {
        var relations: [AdditiveRelation] = []
        let indicatorCount = catalogue.indicators.count
        for (u, unit) in units.enumerated() {
            for indicator in 0..<indicatorCount {
                guard unit.status(category: 0, indicator: indicator) != .empty else { continue }
                let total = CellReference(unit: u, category: 0, indicator: indicator)
                for breakdown in Breakdown.filters {
                    let parts = layout.slots(of: breakdown).compactMap { slot -> CellReference? in
                        unit.status(category: slot, indicator: indicator) == .empty
                            ? nil : CellReference(unit: u, category: slot, indicator: indicator)
                    }
                    relations.append(AdditiveRelation(total: total, parts: parts))
                }
                guard !unit.children.isEmpty else { continue }
                for category in 0..<layout.count where unit.status(category: category, indicator: indicator) != .empty {
                    let parts = unit.children.compactMap { child -> CellReference? in
                        units[child].status(category: category, indicator: indicator) == .empty
                            ? nil : CellReference(unit: child, category: category, indicator: indicator)
                    }
                    relations.append(AdditiveRelation(
                        total: CellReference(unit: u, category: category, indicator: indicator), parts: parts))
                }
            }
        }
        return relations
    }

    /// The status of a referenced cell.
    public func status(_ cell: CellReference) -> CellStatus {
        units[cell.unit].status(category: cell.category, indicator: cell.indicator)
    }

    /// Respondents of a referenced cell.
    public func n(_ cell: CellReference) -> Int {
        units[cell.unit].cells.n(category: cell.category, indicator: cell.indicator)
    }

    mutating func setStatus(_ status: CellStatus, _ cell: CellReference) {
        units[cell.unit].setStatus(status, category: cell.category, indicator: cell.indicator)
    }
}
