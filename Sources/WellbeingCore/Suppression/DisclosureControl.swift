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
        SecondarySuppression(policy: policy).apply(to: &table)
    }

    /// Protects a table in place against the attacker of disclosure-control.md and returns the passing audit.
    ///
    /// Primary rules, then the floor, then rounds of audit and complementary
    /// suppression: each round audits the primary cells still exposed, hides
    /// cells for each (cycles first; a cell still exposed after its cycles gets
    /// an ancestor opened, carrying its need), and reapplies the floor, until
    /// every primary cell keeps its protection interval. Hiding more only widens
    /// what the attacker cannot rule out, so a cell once protected stays
    /// protected and is not audited again.
    /// Throws ``DisclosureError/Code/unprotectable`` when a round can hide
    /// nothing more (nothing may then be published), or
    /// ``DisclosureError/Code/solverFailure``.
    public func protect(_ table: inout IndicatorTable, auditor: some DisclosureAuditor) throws(DisclosureError)
        -> AuditReport
    {
        protect(&table)
        var audit = DisclosureAudit(table: table, policy: policy, auditor: auditor)
        var entries: [CellReference: AuditReport.Entry] = [:]
        var pending = audit.hiddenCells
        var previouslyExposed = Set<CellReference>()
        var roundsStuck: [CellReference: Int] = [:]
        var needs: [CellReference: ProtectionNeed] = [:]
        let floor = SecondarySuppression(policy: policy)
        while true {
            for entry in try audit.entries(for: pending, confirming: false) { entries[entry.cell] = entry }
            let exposed = pending.compactMap { entries[$0] }.filter { !$0.isProtected }
            guard !exposed.isEmpty else { break }
            let before = (table: table, needs: needs)
            let complement = ComplementarySuppression(model: audit.model)
            // A cell that cycles did not protect last round gets an ancestor opened instead of another cycle; once
            // every ancestor carries its need, a partner category hidden all the way up with it.
            var stuck = exposed.filter { previouslyExposed.contains($0.cell) }
            let exhausted = stuck.filter { !complement.canWiden($0.cell, in: table, needs: needs) }
            let paired = complement.pairUp(exhausted, in: &table)
            stuck.removeAll { paired.contains($0.cell) }
            complement.cover(exposed.filter { !previouslyExposed.contains($0.cell) }, in: &table)
            for entry in stuck { roundsStuck[entry.cell, default: 0] += 1 }
            complement.widen(stuck, in: &table, needs: &needs) { 1 << min(roundsStuck[$0, default: 1] - 1, 8) }
            if Self.newlyHidden(from: before.table, to: table).isEmpty && needs == before.needs {
                complement.widen(exposed, in: &table, needs: &needs)
            }
            previouslyExposed = Set(exposed.map(\.cell))
            floor.apply(to: &table, needs: &needs)
            guard !Self.newlyHidden(from: before.table, to: table).isEmpty || needs != before.needs else {
                // Nothing more to hide: only the whole indicator can say whether these cells are really exposed.
                let confirmed = try audit.entries(for: exposed.map(\.cell))
                for entry in confirmed { entries[entry.cell] = entry }
                let stillExposed = confirmed.filter { !$0.isProtected }.map(\.cell)
                guard !stillExposed.isEmpty else { break }
                throw DisclosureError(.unprotectable, "\(stillExposed.count) primary cells stay exposed and no further"
                                      + " cell can be hidden to protect them", cells: Array(stillExposed.prefix(10)))
            }
            audit = DisclosureAudit(table: table, policy: policy, auditor: auditor)
            pending = exposed.map(\.cell)
        }
        // Cells hidden in later rounds are secondary: their entries say how far they can move.
        let unaudited = audit.hiddenCells.filter { entries[$0] == nil }
        for entry in try audit.entries(for: unaudited, confirming: false) { entries[entry.cell] = entry }
        return AuditReport(policyVersion: policy.version, entries: Array(entries.values))
    }

    /// Audits a table as it stands (disclosure-control.md, "Audit"): every hidden cell, every primary cell judged.
    public func audit(_ table: IndicatorTable, auditor: some DisclosureAuditor) throws(DisclosureError) -> AuditReport {
        let audit = DisclosureAudit(table: table, policy: policy, auditor: auditor)
        return AuditReport(policyVersion: policy.version, entries: try audit.entries(for: audit.hiddenCells))
    }

    /// Builds and protects one table per wave of an aggregation, without an audit.
    public func protectedTables(for aggregation: WaveAggregation, catalogue: Catalogue) -> [IndicatorTable] {
        aggregation.waves.map { wave in
            var table = IndicatorTable(catalogue: catalogue, wave: wave, schools: aggregation.schools[wave]!.values)
            protect(&table)
            return table
        }
    }

    /// Builds, protects and audits one table per wave of an aggregation: what every export publishes.
    ///
    /// Throws when any wave's table cannot be protected, so that nothing is published.
    public func protectedTables(for aggregation: WaveAggregation, catalogue: Catalogue,
                                auditor: some DisclosureAuditor) throws(DisclosureError)
        -> [(table: IndicatorTable, audit: AuditReport)]
    {
        var protected: [(table: IndicatorTable, audit: AuditReport)] = []
        for wave in aggregation.waves {
            var table = IndicatorTable(catalogue: catalogue, wave: wave, schools: aggregation.schools[wave]!.values)
            let report = try protect(&table, auditor: auditor)
            protected.append((table, report))
        }
        return protected
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
