/// Complementary suppression: hides further cells until the hidden cells of every relation have room for each other.
///
/// This is the floor every output gets. A primary cell moves only as far as
/// the cells that move with it can give way: in each additive relation a
/// hidden part can rise only as far as the other hidden parts can fall (a
/// hidden total rises with it), and a hidden total can fall only as far as its
/// hidden parts can. Each hidden cell needs the policy's protection of its `n`
/// and, for a proportion, of its count; a cell hidden for another carries that
/// cell's need along the chain. Where a relation lacks room, the published
/// part with the smallest `n` among those with room enough is hidden (a row
/// already hidden for another indicator costs half), else the roomiest part
/// that helps at all, and the total only when no part is published; a lone
/// hidden cell always gets a partner. A total hidden in one breakdown is hidden
/// in all, because it is one cell. Ties break on position, so the same table
/// always gets the same pattern.
public struct SecondarySuppression: Sendable {
    public let policy: SuppressionPolicy

    public init(policy: SuppressionPolicy) { self.policy = policy }

    /// Applies the rule to a table whose primary cells are already marked; returns the cells it hid.
    @discardableResult
    public func apply(to table: inout IndicatorTable) -> Int {
        var needs: [CellReference: ProtectionNeed] = [:]
        return apply(to: &table, needs: &needs)
    }

    /// Applies the rule with the needs hidden cells carry from earlier rounds, and records the needs it passes on.
    @discardableResult
    func apply(to table: inout IndicatorTable, needs: inout [CellReference: ProtectionNeed]) -> Int {
        // A worklist, not repeated sweeps: hiding a cell can only unbalance the relations that cell sits in.
        var worklist = RelationWorklist(table: table)
        var hidden = 0
        while let key = worklist.next(in: table) {
            guard let shortfall = shortfall(in: key, of: table, chained: needs) else { continue }
            let choice = partner(among: shortfall.published, need: shortfall.need, in: table) ?? shortfall.total
            guard !table.status(choice).isSuppressed else { continue }
            table.setStatus(.secondary, choice)
            needs[choice] = shortfall.carried
            hidden += 1
            for affected in table.relationKeys(containing: choice) { worklist.requeue(affected, in: table) }
        }
        return hidden
    }

    /// What a relation's hidden cells lack to move as far as their protection needs; nil when nothing.
    ///
    /// A hidden part rises only as far as the other hidden parts can fall (a
    /// hidden total rises with it, without limit), and a hidden total falls only
    /// as far as its hidden parts can. The shortfall is the most any member lacks.
    private func shortfall(in key: AdditiveRelation.Key, of table: IndicatorTable,
                           chained: [CellReference: ProtectionNeed])
        -> (need: ProtectionNeed, carried: ProtectionNeed, published: [CellReference], total: CellReference)?
    {
        var hiddenParts: [CellReference] = []
        var published: [CellReference] = []
        var room = ProtectionNeed(n: 0, count: 0)
        let total = table.forEachPart(of: key) { part in
            if table.status(part).isSuppressed {
                hiddenParts.append(part)
                room.n += table.n(part)
                room.count += table.units[part.unit].cells.count(category: part.category, indicator: part.indicator)
            } else {
                published.append(part)
            }
        }
        var lack = ProtectionNeed(n: 0, count: 0)
        var carried = ProtectionNeed(n: 0, count: 0)
        if table.status(total).isSuppressed {
            carried = need(of: total, in: table, chained: chained)
            lack = ProtectionNeed(n: carried.n - room.n, count: carried.count - room.count)
        } else {
            for part in hiddenParts {
                let need = need(of: part, in: table, chained: chained)
                let partLack = ProtectionNeed(
                    n: need.n - (room.n - table.n(part)),
                    count: need.count - (room.count
                        - table.units[part.unit].cells.count(category: part.category, indicator: part.indicator)))
                guard partLack.n > 0 || partLack.count > 0 else { continue }
                lack = ProtectionNeed(n: max(lack.n, partLack.n), count: max(lack.count, partLack.count))
                carried = ProtectionNeed(n: max(carried.n, need.n), count: max(carried.count, need.count))
            }
        }
        guard lack.n > 0 || lack.count > 0 else { return nil }
        return (ProtectionNeed(n: max(0, lack.n), count: max(0, lack.count)), carried, published, total)
    }

    /// The room a hidden cell needs: its own protection when primary, else what it was hidden for.
    private func need(of cell: CellReference, in table: IndicatorTable, chained: [CellReference: ProtectionNeed])
        -> ProtectionNeed
    {
        let carried = chained[cell] ?? ProtectionNeed(n: policy.secondary.minimumProtection, count: 0)
        guard table.status(cell).isPrimary else { return carried }
        return ProtectionNeed(own: cell, in: table, policy: policy).union(carried)
    }

    /// The cheapest published part with room for `need`, else the roomiest that helps at all; nil when none helps.
    private func partner(among parts: [CellReference], need: ProtectionNeed, in table: IndicatorTable)
        -> CellReference?
    {
        func room(_ cell: CellReference) -> Double {
            var room = Double.infinity
            if need.n > 0 { room = Double(table.n(cell)) / Double(need.n) }
            if need.count > 0 {
                let count = table.units[cell.unit].cells.count(category: cell.category, indicator: cell.indicator)
                room = min(room, Double(count) / Double(need.count))
            }
            return room
        }
        // A row already hidden for another indicator costs readers less: prefer reusing it.
        func cost(_ cell: CellReference) -> Int {
            table.isHiddenForAnotherIndicator(cell) ? table.n(cell) / 2 : table.n(cell)
        }
        let roomy = parts.filter { room($0) >= 1 }
        if let cheapest = roomy.min(by: { (cost($0), $0) < (cost($1), $1) }) { return cheapest }
        return parts.filter { room($0) > 0 }.max { (room($0), $1) < (room($1), $0) }
    }
}

/// The relations still to check: every relation once, in table order, then each one unbalanced again, in the
/// order it was.
///
/// A national table has hundreds of thousands of relations; listed as keys, with a set of those queued, they
/// took more memory than the table itself. Here a relation is a position in the table's order of keys, the
/// first pass walks those positions, and only relations unbalanced again are listed, with one bit each to say
/// whether they are queued.
private struct RelationWorklist {
    private let indicators: Int
    /// Positions per unit and indicator: one per breakdown filter, then one per category (its children's relation).
    private let stride: Int
    private let end: Int
    /// The first pass's next position.
    private var cursor = 0
    /// Relations unbalanced again, by position, and the next of them to check.
    private var again: [Int] = []
    private var nextAgain = 0
    /// One bit per position: queued in `again` and not yet checked.
    private var queued: [UInt64]

    init(table: IndicatorTable) {
        indicators = table.catalogue.indicators.count
        stride = Breakdown.filters.count + table.layout.count
        end = table.units.count * indicators * stride
        queued = [UInt64](repeating: 0, count: (end + 63) / 64)
    }

    /// The next relation to check, or nil when none is left.
    mutating func next(in table: IndicatorTable) -> AdditiveRelation.Key? {
        while cursor < end {
            let position = cursor
            cursor += 1
            if let key = key(at: position, in: table) { return key }
        }
        guard nextAgain < again.count else { return nil }
        let position = again[nextAgain]
        nextAgain += 1
        queued[position >> 6] &= ~(1 << UInt64(position & 63))
        return key(at: position)
    }

    /// Queues a relation again unless it is queued already (still ahead of the first pass, or listed again).
    mutating func requeue(_ key: AdditiveRelation.Key, in table: IndicatorTable) {
        let position = position(of: key)
        if position >= cursor, self.key(at: position, in: table) != nil { return }
        let bit: UInt64 = 1 << UInt64(position & 63)
        guard queued[position >> 6] & bit == 0 else { return }
        queued[position >> 6] |= bit
        again.append(position)
    }

    private func position(of key: AdditiveRelation.Key) -> Int {
        switch key {
        case .breakdown(let unit, let indicator, let breakdown):
            (unit * indicators + indicator) * stride + Breakdown.filters.firstIndex(of: breakdown)!
        case .children(let unit, let indicator, let category):
            (unit * indicators + indicator) * stride + Breakdown.filters.count + category
        }
    }

    /// The key at a position, whether or not the table has that relation.
    private func key(at position: Int) -> AdditiveRelation.Key {
        let (unitIndicator, offset) = position.quotientAndRemainder(dividingBy: stride)
        let (unit, indicator) = unitIndicator.quotientAndRemainder(dividingBy: indicators)
        if offset < Breakdown.filters.count {
            return .breakdown(unit: unit, indicator: indicator, Breakdown.filters[offset])
        }
        return .children(unit: unit, indicator: indicator, category: offset - Breakdown.filters.count)
    }

    /// The key at a position when the table has that relation.
    private func key(at position: Int, in table: IndicatorTable) -> AdditiveRelation.Key? {
        let key = key(at: position)
        return table.hasRelation(key) ? key : nil
    }
}
