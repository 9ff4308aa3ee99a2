/// How far a hidden cell must be able to move: what the cells hidden with it must have room to give.
///
/// A primary cell needs its own protection (disclosure-control.md: `p` of its
/// `n` and, for a proportion, of its count); a cell hidden to protect another
/// carries that cell's need, so the chain of cells that lets the primary move
/// has room all along.
struct ProtectionNeed: Sendable, Hashable {
    var n: Int
    var count: Int

    init(n: Int, count: Int) {
        self.n = n
        self.count = count
    }

    /// A primary cell's own need under a policy.
    init(own cell: CellReference, in table: IndicatorTable, policy: SuppressionPolicy) {
        let isProportion = table.catalogue.indicators[cell.indicator].kind == .proportion
        n = policy.protection(for: table.units[cell.unit].cells.n(category: cell.category, indicator: cell.indicator))
        count = isProportion
            ? policy.protection(for: table.units[cell.unit].cells.count(category: cell.category, indicator: cell.indicator)) : 0
    }

    /// The larger need in each quantity.
    func union(_ other: ProtectionNeed) -> ProtectionNeed {
        ProtectionNeed(n: max(n, other.n), count: max(count, other.count))
    }

    /// True when `other` asks for nothing more than this.
    func covers(_ other: ProtectionNeed) -> Bool { n >= other.n && count >= other.count }
}
