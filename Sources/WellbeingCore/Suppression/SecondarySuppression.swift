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
        var queue = table.additiveRelationKeys
        var queued = Set(queue)
        var next = 0
        var hidden = 0
        while next < queue.count {
            let key = queue[next]
            next += 1
            queued.remove(key)
            guard let shortfall = shortfall(in: key, of: table, chained: needs) else { continue }
            let choice = partner(among: shortfall.published, need: shortfall.need, in: table) ?? shortfall.total
            guard !table.status(choice).isSuppressed else { continue }
            table.setStatus(.secondary, choice)
            needs[choice] = shortfall.carried
            hidden += 1
            for affected in table.relationKeys(containing: choice) where queued.insert(affected).inserted {
                queue.append(affected)
            }
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
                let own = table.units[part.unit].cells
                let partLack = ProtectionNeed(
                    n: need.n - (room.n - own.n(category: part.category, indicator: part.indicator)),
                    count: need.count - (room.count - own.count(category: part.category, indicator: part.indicator)))
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
            let cells = table.units[cell.unit].cells
            var room = Double.infinity
            if need.n > 0 { room = Double(cells.n(category: cell.category, indicator: cell.indicator)) / Double(need.n) }
            if need.count > 0 {
                room = min(room, Double(cells.count(category: cell.category, indicator: cell.indicator)) / Double(need.count))
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
