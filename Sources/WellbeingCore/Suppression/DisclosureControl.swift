/// The whole of disclosure control for a set of tables: primary rules, then complementary cells.
public struct DisclosureControl: Sendable {
    public let policy: SuppressionPolicy

    public init(policy: SuppressionPolicy) { self.policy = policy }

    /// Applies the primary rules and the floor of secondary suppression, without an audit.
    ///
    /// The floor leaves no relation with a lone hidden cell, which stops plain
    /// subtraction but not an attacker who combines relations; only
    /// ``protect(_:auditor:)`` guarantees the protection interval.
    public func protect(_ table: inout IndicatorTable) {
        PrimarySuppression(policy: policy).apply(to: &table)
        SecondarySuppression().apply(to: &table)
    }

    /// Protects a table in place against the attacker of disclosure-control.md and returns the passing audit.
    ///
    /// Primary rules, then the floor, then rounds of audit and complementary
    /// suppression: each round audits the blocks whose cells changed, hides
    /// cells for every exposed primary cell, and reapplies the floor, until
    /// every primary cell keeps its protection interval. Throws
    /// ``DisclosureError/Code/unprotectable`` when a round can hide nothing more
    /// (nothing may then be published), or ``DisclosureError/Code/solverFailure``.
    public func protect(_ table: inout IndicatorTable, auditor: some DisclosureAuditor) throws(DisclosureError)
        -> AuditReport
    {
        protect(&table)
        var entries: [CellReference: AuditReport.Entry] = [:]
        var audit = DisclosureAudit(table: table, policy: policy, auditor: auditor)
        var blocks = audit.homeBlocks
        while true {
            for entry in try audit.entries(homeIn: blocks) { entries[entry.cell] = entry }
            let exposed = entries.values.filter { !$0.isProtected }.sorted { $0.cell < $1.cell }
            guard !exposed.isEmpty else { break }
            let before = table
            ComplementarySuppression(model: audit.model).cover(exposed, in: &table)
            SecondarySuppression().apply(to: &table)
            let changed = Self.newlyHidden(from: before, to: table)
            guard !changed.isEmpty else {
                throw DisclosureError(.unprotectable, "\(exposed.count) primary cells stay exposed and no further cell"
                                      + " can be hidden to protect them", cells: Array(exposed.prefix(10).map(\.cell)))
            }
            audit = DisclosureAudit(table: table, policy: policy, auditor: auditor)
            blocks = Set(changed.flatMap { AuditBlock.blocks(containing: $0, in: table) })
        }
        return AuditReport(policyVersion: policy.version, entries: Array(entries.values))
    }

    /// Audits a table as it stands (disclosure-control.md, "Audit"): every hidden cell, every primary cell judged.
    ///
    /// Each cell is first audited within its home block; an exposure found there
    /// is confirmed against the whole indicator, so every exposed cell the report
    /// names can really be narrowed that far.
    public func audit(_ table: IndicatorTable, auditor: some DisclosureAuditor) throws(DisclosureError) -> AuditReport {
        let audit = DisclosureAudit(table: table, policy: policy, auditor: auditor)
        var entries: [CellReference: AuditReport.Entry] = [:]
        for entry in try audit.entries(homeIn: audit.homeBlocks) { entries[entry.cell] = entry }
        for entry in try audit.confirm(entries.values.filter { !$0.isProtected }) { entries[entry.cell] = entry }
        return AuditReport(policyVersion: policy.version, entries: Array(entries.values))
    }

    /// Builds and protects one table per wave of an aggregation.
    public func protectedTables(for aggregation: WaveAggregation, catalogue: Catalogue) -> [IndicatorTable] {
        aggregation.waves.map { wave in
            var table = IndicatorTable(catalogue: catalogue, wave: wave, schools: aggregation.schools[wave]!.values)
            protect(&table)
            return table
        }
    }

    /// The cells hidden in `after` but not in `before`.
    private static func newlyHidden(from before: IndicatorTable, to after: IndicatorTable) -> [CellReference] {
        var cells: [CellReference] = []
        for (u, unit) in after.units.enumerated() where unit.status != before.units[u].status {
            let indicators = unit.cells.indicatorCount
            for (index, status) in unit.status.enumerated()
            where status.isSuppressed && !before.units[u].status[index].isSuppressed {
                cells.append(CellReference(unit: u, category: index / indicators, indicator: index % indicators))
            }
        }
        return cells
    }
}
