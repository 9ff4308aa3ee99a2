/// Runs the attacker's problems through an auditor and reads back one report entry per hidden cell.
struct DisclosureAudit {
    let model: AttackerModel
    let auditor: any DisclosureAuditor

    init(table: IndicatorTable, policy: SuppressionPolicy, means: PublishedMeans = .exact,
         auditor: any DisclosureAuditor) {
        model = AttackerModel(table: table, policy: policy, means: means)
        self.auditor = auditor
    }

    /// Every hidden cell of the table, in cell order.
    var hiddenCells: [CellReference] {
        var cells: [CellReference] = []
        for (u, unit) in model.table.units.enumerated() {
            let indicators = unit.cells.indicatorCount
            for (index, status) in unit.status.enumerated() where status.isSuppressed {
                cells.append(CellReference(unit: u, category: index / indicators, indicator: index % indicators))
            }
        }
        return cells.sorted()
    }

    /// Entries for the given hidden cells: first within each cell's home block, then exposures in the whole indicator.
    ///
    /// A home block (the cell's siblings and what lies below them) holds every
    /// other hidden cell at its true value, an attacker stronger than the real
    /// one, so a cell protected there is protected; its LPs are small. Only the
    /// cells exposed there are audited again against the whole indicator, where
    /// nothing hidden is held fixed and the relations split the hidden cells into
    /// independent components. Each pass's LPs go to the auditor in one call so
    /// it can spread them over every core. Cells of a mean whose published means
    /// are known only to their rounding go straight to the whole indicator
    /// (``AttackerModel/roundedMeanProblem(indicator:targets:)``).
    func entries(for cells: some Collection<CellReference>) throws(DisclosureError) -> [AuditReport.Entry] {
        let table = model.table
        var homes: [AuditBlock: Set<CellReference>] = [:]
        var wholeMeans: [Int: Set<CellReference>] = [:]
        for cell in cells {
            if model.auditsWhole(indicator: cell.indicator) {
                wholeMeans[cell.indicator, default: []].insert(cell)
            } else {
                homes[AuditBlock(home: cell, in: table), default: []].insert(cell)
            }
        }
        let local = try entries(solving: homes.keys.sorted().flatMap { block in
            model.problems(in: block) { homes[block]!.contains($0) }
        } + wholeMeans.keys.sorted().compactMap { indicator in
            model.roundedMeanProblem(indicator: indicator) { wholeMeans[indicator]!.contains($0) }
        })
        let exposed = Set(local.filter { !$0.isProtected && !model.auditsWhole(indicator: $0.cell.indicator) }
            .map(\.cell))
        guard !exposed.isEmpty else { return local }
        let whole = try entries(solving: Set(exposed.map(\.indicator)).sorted().flatMap { indicator in
            model.problems(in: .whole(indicator: indicator)) { exposed.contains($0) }
        })
        return local.filter { !exposed.contains($0.cell) } + whole
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
