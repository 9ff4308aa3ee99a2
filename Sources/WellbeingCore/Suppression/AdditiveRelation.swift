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
        additiveRelationKeys.map(relation)
    }

    /// The key of every additive relation, in table order.
    ///
    /// Keys are small; a national table's relations listed in full would hold
    /// every cell several times over, so callers that walk them all build one
    /// at a time with ``relation(_:)``.
    public var additiveRelationKeys: [AdditiveRelation.Key] {
        var keys: [AdditiveRelation.Key] = []
        for u in units.indices {
            for indicator in 0..<catalogue.indicators.count {
                let candidates = Breakdown.filters.map { AdditiveRelation.Key.breakdown(unit: u, indicator: indicator, $0) }
                    + (0..<layout.count).map { AdditiveRelation.Key.children(unit: u, indicator: indicator, category: $0) }
                keys += candidates.filter(hasRelation)
            }
        }
        return keys
    }

    /// True when the table has the relation a key names: its unit has respondents for the indicator, and a
    /// children's relation needs children and respondents in its category.
    public func hasRelation(_ key: AdditiveRelation.Key) -> Bool {
        switch key {
        case .breakdown(let unit, let indicator, _):
            return units[unit].status(category: 0, indicator: indicator) != .empty
        case .children(let u, let indicator, let category):
            // In place: the floor asks this of every relation position, and a copy of the unit retains its arrays.
            return units[u].status(category: 0, indicator: indicator) != .empty && !units[u].children.isEmpty
                && units[u].status(category: category, indicator: indicator) != .empty
        }
    }

    /// The cells of one relation; parts without respondents are left out.
    public func relation(_ key: AdditiveRelation.Key) -> AdditiveRelation {
        var parts: [CellReference] = []
        let total = forEachPart(of: key) { parts.append($0) }
        return AdditiveRelation(key: key, total: total, parts: parts)
    }

    /// Calls `body` with each part of a relation that has respondents, without building the relation;
    /// returns its total. An LA's relation has a part per school, and walks over it must not allocate.
    @discardableResult
    public func forEachPart(of key: AdditiveRelation.Key, _ body: (CellReference) -> Void) -> CellReference {
        switch key {
        case .breakdown(let u, let indicator, let breakdown):
            // `units[u]` in place, not a local copy: a copy retains every array of the unit, per relation walked.
            for slot in layout.slots(of: breakdown) where units[u].status(category: slot, indicator: indicator) != .empty {
                body(CellReference(unit: u, category: slot, indicator: indicator))
            }
            return CellReference(unit: u, category: 0, indicator: indicator)
        case .children(let u, let indicator, let category):
            for child in units[u].children
            where units[child].status(category: category, indicator: indicator) != .empty {
                body(CellReference(unit: child, category: category, indicator: indicator))
            }
            return CellReference(unit: u, category: category, indicator: indicator)
        }
    }

    /// The keys of every relation a cell with respondents sits in, as part or as total.
    ///
    /// A total sits in each breakdown of its unit; every cell sits in its parent's
    /// relation for its category and, above school level, in its own children's.
    public func relationKeys(containing cell: CellReference) -> [AdditiveRelation.Key] {
        var keys: [AdditiveRelation.Key] = []
        if cell.category == 0 {
            for breakdown in Breakdown.filters {
                keys.append(.breakdown(unit: cell.unit, indicator: cell.indicator, breakdown))
            }
        } else {
            keys.append(.breakdown(unit: cell.unit, indicator: cell.indicator,
                                   layout.categories[cell.category].breakdown))
        }
        if let parent = units[cell.unit].parent {
            keys.append(.children(unit: parent, indicator: cell.indicator, category: cell.category))
        }
        if !units[cell.unit].children.isEmpty {
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

    /// Whether the same geography and category is hidden for another indicator: hiding it again costs readers less.
    func isHiddenForAnotherIndicator(_ cell: CellReference) -> Bool {
        (0..<units[cell.unit].cells.indicatorCount).contains { indicator in
            indicator != cell.indicator && units[cell.unit].status(category: cell.category, indicator: indicator).isSuppressed
        }
    }

    mutating func setStatus(_ status: CellStatus, _ cell: CellReference) {
        units[cell.unit].setStatus(status, category: cell.category, indicator: cell.indicator)
    }
}
