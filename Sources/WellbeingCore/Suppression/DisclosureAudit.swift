/// Runs the attacker's problems through an auditor and reads back one report entry per hidden cell.
struct DisclosureAudit {
    let model: AttackerModel
    let auditor: any DisclosureAuditor

    /// Blocks per call to the auditor: enough to keep every core busy, few enough to bound memory.
    private static let blocksPerBatch = 512

    init(table: IndicatorTable, policy: SuppressionPolicy, auditor: any DisclosureAuditor) {
        model = AttackerModel(table: table, policy: policy)
        self.auditor = auditor
    }

    /// The home block of every hidden cell.
    var homeBlocks: Set<AuditBlock> {
        var blocks = Set<AuditBlock>()
        let table = model.table
        for (u, unit) in table.units.enumerated() {
            for (index, status) in unit.status.enumerated() where status.isSuppressed {
                let cell = CellReference(unit: u, category: index / unit.cells.indicatorCount,
                                         indicator: index % unit.cells.indicatorCount)
                blocks.insert(AuditBlock(home: cell, in: table))
            }
        }
        return blocks
    }

    /// Entries for the hidden cells whose home is one of `blocks`, each audited within its home block.
    func entries(homeIn blocks: Set<AuditBlock>) throws(DisclosureError) -> [AuditReport.Entry] {
        let table = model.table
        let ordered = blocks.sorted()
        var entries: [AuditReport.Entry] = []
        let clock = ContinuousClock(); var build = Duration.zero, solve = Duration.zero; var cols = 0, rows = 0, probs = 0
        for start in stride(from: 0, to: ordered.count, by: Self.blocksPerBatch) {
            let t0 = clock.now
            let problems = ordered[start..<min(start + Self.blocksPerBatch, ordered.count)].flatMap { block in
                model.problems(in: block) { AuditBlock(home: $0, in: table) == block }
            }
            let t1 = clock.now
            entries += try self.entries(solving: problems)
            build += t1 - t0; solve += clock.now - t1
            probs += problems.count; cols += problems.reduce(0) { $0 + $1.columnCount }; rows += problems.reduce(0) { $0 + $1.rowCount }
        }
        print("DEBUG audit build", build, "solve", solve, "problems", probs, "cols", cols, "rows", rows)
        return entries
    }

    /// The same cells audited within their whole indicator, where nothing hidden is held fixed: exact exposures.
    func confirm(_ exposed: [AuditReport.Entry]) throws(DisclosureError) -> [AuditReport.Entry] {
        let cells = Set(exposed.map(\.cell))
        let problems = Set(cells.map(\.indicator)).sorted().flatMap { indicator in
            model.problems(in: .whole(indicator: indicator)) { cells.contains($0) }
        }
        return try entries(solving: problems)
    }

    private func entries(solving problems: [AttackerProblem]) throws(DisclosureError) -> [AuditReport.Entry] {
        let ranges = try auditor.ranges(of: problems)
        var entries: [AuditReport.Entry] = []
        for (problem, found) in zip(problems, ranges) {
            guard found.count == problem.targets.count else {
                throw DisclosureError(.solverFailure, "the auditor answered \(found.count) of \(problem.targets.count) targets")
            }
            for (target, feasible) in zip(problem.targets, found) {
                let measure = AuditReport.Measure(quantity: target.quantity, value: target.value, feasible: feasible,
                                                  required: target.required)
                // A cell's quantities are consecutive targets of the same problem.
                if entries.last?.cell == target.cell {
                    entries[entries.count - 1].measures.append(measure)
                } else {
                    entries.append(AuditReport.Entry(cell: target.cell, status: model.table.status(target.cell),
                                                     measures: [measure]))
                }
            }
        }
        return entries
    }
}
