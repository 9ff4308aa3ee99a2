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
        let relations = table.additiveRelations
        var hidden = 0
        var changed = true
        while changed {
            changed = false
            for relation in relations {
                let members = [relation.total] + relation.parts
                guard members.count(where: { table.status($0).isSuppressed }) == 1 else { continue }
                let candidates = relation.parts.filter { !table.status($0).isSuppressed }
                let choice = candidates.min { (table.n($0), $0) < (table.n($1), $1) } ?? relation.total
                guard !table.status(choice).isSuppressed else { continue }
                table.setStatus(.secondary, choice)
                hidden += 1
                changed = true
            }
        }
        return hidden
    }
}
