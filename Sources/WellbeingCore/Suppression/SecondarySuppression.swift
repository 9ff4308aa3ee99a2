/// Complementary suppression: hides further cells so that no primary cell is left alone in a relation.
///
/// This is the floor every output gets: in every additive relation with
/// exactly one hidden cell, hide a second — the published part with the
/// smallest `n` (never the total while a part will do) — and repeat until no
/// relation has a lone hidden cell. A total hidden in one breakdown is hidden
/// in all, because it is one cell. Ties break on position, so the same table
/// always gets the same pattern.
public struct SecondarySuppression: Sendable {
    public init() {}

    /// Applies the rule to a table whose primary cells are already marked; returns the cells it hid.
    @discardableResult
    public func apply(to table: inout IndicatorTable) -> Int {
        // A worklist, not repeated sweeps: hiding a cell can only unbalance the relations that cell sits in.
        var queue = table.additiveRelationKeys
        var queued = Set(queue)
        var next = 0
        var hidden = 0
        while next < queue.count {
            let key = queue[next]
            next += 1
            queued.remove(key)
            var hiddenMembers = 0
            var smallest: (n: Int, cell: CellReference)?
            let total = table.forEachPart(of: key) { part in
                if table.status(part).isSuppressed {
                    hiddenMembers += 1
                } else if smallest.map({ (table.n(part), part) < ($0.n, $0.cell) }) ?? true {
                    smallest = (table.n(part), part)
                }
            }
            if table.status(total).isSuppressed { hiddenMembers += 1 }
            guard hiddenMembers == 1 else { continue }
            let choice = smallest?.cell ?? total
            guard !table.status(choice).isSuppressed else { continue }
            table.setStatus(.secondary, choice)
            hidden += 1
            for affected in table.relationKeys(containing: choice) where queued.insert(affected).inserted {
                queue.append(affected)
            }
        }
        return hidden
    }
}
