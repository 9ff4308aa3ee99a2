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
    public var key: Key
    public var total: CellReference
    public var parts: [CellReference]

    /// Names a relation without listing its cells, so cells can find the relations they sit in.
    public enum Key: Sendable, Hashable, Comparable {
        /// The categories of a breakdown at one unit sum to the unit's total (rule 1).
        case breakdown(unit: Int, indicator: Int, Breakdown)
        /// A unit's children sum to it, in one category (rules 2 and 3).
        case children(unit: Int, indicator: Int, category: Int)

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }

        private var order: (Int, Int, Int, Int) {
            switch self {
            case .breakdown(let unit, let indicator, let breakdown):
                (unit, indicator, 0, Breakdown.filters.firstIndex(of: breakdown) ?? -1)
            case .children(let unit, let indicator, let category): (unit, indicator, 1, category)
            }
        }
    }
}

extension IndicatorTable {
    /// Every additive relation of the table (disclosure-control.md, "The cells").
    ///
    /// 1. categories of a breakdown sum to the total at the same geography;
    /// 2. schools sum to their LA, LAs to their region, regions to England, for every category.
    public var additiveRelations: [AdditiveRelation] {
        var relations: [AdditiveRelation] = []
        for (u, unit) in units.enumerated() {
            for indicator in 0..<catalogue.indicators.count
            where unit.status(category: 0, indicator: indicator) != .empty {
                for breakdown in Breakdown.filters {
                    relations.append(relation(.breakdown(unit: u, indicator: indicator, breakdown)))
                }
                guard !unit.children.isEmpty else { continue }
                for category in 0..<layout.count where unit.status(category: category, indicator: indicator) != .empty {
                    relations.append(relation(.children(unit: u, indicator: indicator, category: category)))
                }
            }
        }
        return relations
    }

    /// The cells of one relation; parts without respondents are left out.
    public func relation(_ key: AdditiveRelation.Key) -> AdditiveRelation {
        switch key {
        case .breakdown(let u, let indicator, let breakdown):
            let unit = units[u]
            let parts = layout.slots(of: breakdown).compactMap { slot -> CellReference? in
                unit.status(category: slot, indicator: indicator) == .empty
                    ? nil : CellReference(unit: u, category: slot, indicator: indicator)
            }
            return AdditiveRelation(key: key, total: CellReference(unit: u, category: 0, indicator: indicator),
                                    parts: parts)
        case .children(let u, let indicator, let category):
            let parts = units[u].children.compactMap { child -> CellReference? in
                units[child].status(category: category, indicator: indicator) == .empty
                    ? nil : CellReference(unit: child, category: category, indicator: indicator)
            }
            return AdditiveRelation(key: key, total: CellReference(unit: u, category: category, indicator: indicator),
                                    parts: parts)
        }
    }

    /// The keys of every relation a cell with respondents sits in, as part or as total.
    ///
    /// A total sits in each breakdown of its unit; every cell sits in its parent's
    /// relation for its category and, above school level, in its own children's.
    public func relationKeys(containing cell: CellReference) -> [AdditiveRelation.Key] {
        let unit = units[cell.unit]
        var keys: [AdditiveRelation.Key] = []
        if cell.category == 0 {
            for breakdown in Breakdown.filters {
                keys.append(.breakdown(unit: cell.unit, indicator: cell.indicator, breakdown))
            }
        } else {
            keys.append(.breakdown(unit: cell.unit, indicator: cell.indicator,
                                   layout.categories[cell.category].breakdown))
        }
        if let parent = unit.parent {
            keys.append(.children(unit: parent, indicator: cell.indicator, category: cell.category))
        }
        if !unit.children.isEmpty {
            keys.append(.children(unit: cell.unit, indicator: cell.indicator, category: cell.category))
        }
        return keys
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
