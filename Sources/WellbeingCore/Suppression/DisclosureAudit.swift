/// Runs the attacker's problems through an auditor and reads back one report entry per hidden cell.
struct DisclosureAudit {
    let model: AttackerModel
    let auditor: any DisclosureAuditor
    let limits: ScreenLimits

    /// When a screen narrows a school cell's block to its neighbourhood.
    struct ScreenLimits {
        /// How many other schools a neighbourhood block keeps. Measured on one LA of 2,000 schools: blocks of about
        /// a thousand columns protect 702 of the 758 primary cells the witnesses left, and the other 56 are
        /// exposed in the whole LA as well.
        var neighbours = 24
        /// Hidden cells above which a block is wide (about 8 k columns, where an LP takes a second or more): a
        /// school cell without a pair is screened in its wide family and tree blocks only among its neighbours,
        /// and a wide home block's primary cells are screened among their neighbours before it.
        var wideCells = 4_000

        static let standard = ScreenLimits()
    }

    init(table: IndicatorTable, policy: SuppressionPolicy, means: PublishedMeans = .exact,
         auditor: any DisclosureAuditor, limits: ScreenLimits = .standard) {
        model = AttackerModel(table: table, policy: policy, means: means)
        self.auditor = auditor
        self.limits = limits
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

    /// Entries for the given hidden cells: each in its home block, then wider blocks for the cells still exposed.
    ///
    /// School cells are first offered to ``CycleWitness``, which proves most of
    /// them with a move of hidden cells found without an LP, in their LA's
    /// breakdown or with their school's total (pupils moved with their scores
    /// or counts where one quantity cannot move alone). In a big LA, a primary
    /// cell left over is first screened in its neighbourhood block (its school
    /// and the 24 schools hiding most of the same categories, every category;
    /// ``AuditBlock/init(neighbourhood:count:in:)``). The rest go to their
    /// home block (the cell's siblings and what lies below them, in its breakdown), which
    /// holds every other hidden cell at its true value, an attacker stronger
    /// than the real one, so a cell protected there is protected; its LPs are
    /// small. A cell the witnesses showed cannot move far enough in its home
    /// block skips it. Cells exposed there are screened again: a school cell
    /// in its neighbourhood block; a cell
    /// without a pair block in its family block (every category, so hidden
    /// totals move with every breakdown that shares them); a category cell in
    /// its tree block (every geography in its breakdown, totals fixed: a cell
    /// that moves only with categories far up the tree; its LPs are cheap, so
    /// it comes before the wider blocks it spares); then in its pair block (the
    /// parent's family narrowed to two branches, see
    /// ``AuditBlock/init(pair:partner:in:)``), then in its parent's family
    /// block (so a hidden parent moves too), and those still exposed are
    /// audited against the whole indicator, where nothing hidden is held fixed and the relations
    /// split the hidden cells into independent components. A school cell
    /// without a pair is screened in a family or tree block of more than 4,000
    /// hidden cells only among its neighbours. A problem a screen poses again (the
    /// same hidden cells, so the same LP) is not solved again. Screens stop at
    /// witnesses; only that last pass solves short ends to their extremes. Each
    /// pass's LPs go to the auditor in one call so it can spread them over every
    /// core.
    /// Cells of a mean whose published means are known only to their rounding go
    /// straight to the whole indicator
    /// (``AttackerModel/roundedMeanProblem(indicator:targets:)``).
    ///
    /// With `confirming` false the whole-indicator pass is left out and a cell
    /// still exposed in its widest screen is reported as exposed there:
    /// protection only hides more for it (safe), and is spared LPs that span a
    /// nation.
    func entries(for cells: some Collection<CellReference>, confirming: Bool = true) throws(DisclosureError)
        -> [AuditReport.Entry]
    {
        let table = model.table
        var results: [CellReference: AuditReport.Entry] = [:]
        var pending = Set(cells)
        let wholeMeans = Dictionary(grouping: pending.filter { model.auditsWhole(indicator: $0.indicator) },
                                    by: \.indicator).mapValues(Set.init)
        if !wholeMeans.isEmpty {
            for entry in try entries(solving: wholeMeans.keys.sorted().compactMap({ indicator in
                model.roundedMeanProblem(indicator: indicator) { wholeMeans[indicator]!.contains($0) }
            })) {
                results[entry.cell] = entry
                pending.remove(entry.cell)
            }
        }
        // Most school cells are proved by witnesses, moves of hidden cells that keep every relation, without an LP.
        let settlement = CycleWitness(model: model).settle(pending)
        for (cell, entry) in settlement.entries {
            results[cell] = entry
            pending.remove(cell)
        }
        let partners = AuditBlock.partners(for: pending, in: table)
        let pair = { (cell: CellReference) -> AuditBlock? in
            table.units[cell.unit].parent
                .flatMap { partners[AuditFamily(parent: $0, indicator: cell.indicator)] }
                .flatMap { AuditBlock(pair: cell, partner: $0, in: table) }
        }
        let neighbourhood = { (cell: CellReference) in
            AuditBlock(neighbourhood: cell, count: limits.neighbours, in: table)
        }
        var hiddenCounts: [AuditBlock: Int] = [:]
        let isWide = { (block: AuditBlock, limit: Int) -> Bool in
            if hiddenCounts[block] == nil { hiddenCounts[block] = block.hiddenCells(in: table).count }
            return hiddenCounts[block]! > limit
        }
        // Without a pair, a school cell's wider blocks hold all of a big LA's schools; in a wide one the cell is
        // screened among its neighbours alone (a block its neighbourhood screen may already have solved).
        let narrowed = { (block: AuditBlock, cell: CellReference) -> AuditBlock in
            guard pair(cell) == nil, let near = neighbourhood(cell), isWide(block, limits.wideCells) else {
                return block
            }
            return block.narrowed(to: near.neighbours)
        }
        // A screen answers nil for a cell it has nothing to add for; the cell waits for the next.
        let screens: [(CellReference) -> AuditBlock?] = [
            // In a wide home block a primary cell is screened among its neighbours first: once no primary cell is
            // left short there, the home LP only reads its secondary cells' positions, without a push.
            { cell in
                table.status(cell).isPrimary && isWide(AuditBlock(home: cell, in: table), limits.wideCells)
                    ? neighbourhood(cell) : nil
            },
            { settlement.exposedAtHome.contains($0) ? nil : AuditBlock(home: $0, in: table) },
            neighbourhood,
            // The pair block holds the family block and more, so a cell with a pair skips the family block.
            { pair($0) == nil ? narrowed(AuditBlock(family: $0, in: table), $0) : nil },
            // The tree block is cheap (totals held): it goes before the pair and parent family blocks it spares.
            { cell in AuditBlock(tree: cell, in: table).map { narrowed($0, cell) } },
            { pair($0) },
            { cell in
                table.units[cell.unit].parent.map {
                    narrowed(AuditBlock(family: CellReference(unit: $0, category: cell.category,
                                                              indicator: cell.indicator), in: table), cell)
                } ?? .whole(indicator: cell.indicator)
            },
        ]
        var widestScreen: [CellReference: AuditReport.Entry] = [:]
        // The cells of each problem already screened, and the targets judged in it.
        var screened: [[CellReference]: Set<CellReference>] = [:]
        for block in screens where !pending.isEmpty {
            var groups: [AuditBlock: Set<CellReference>] = [:]
            for cell in pending { if let block = block(cell) { groups[block, default: []].insert(cell) } }
            // Building a block's problems walks its relations: blocks are built on every core too.
            let targets = groups
            let problems = groups.keys.sorted().concurrentMap { [model] block in
                model.problems(in: block, screening: true) { targets[block]!.contains($0) }
            }.flatMap { $0 }.filter { problem in
                // A wider block whose component around a cell holds no more hidden cells poses the same problem again.
                !problem.targets.allSatisfy { screened[problem.cells]?.contains($0.cell) == true }
            }
            for problem in problems { screened[problem.cells, default: []].formUnion(problem.targets.map(\.cell)) }
            for entry in try entries(solving: problems) {
                if entry.isProtected {
                    results[entry.cell] = entry
                    pending.remove(entry.cell)
                } else {
                    widestScreen[entry.cell] = entry
                }
            }
        }
        guard confirming else {
            for cell in pending { results[cell] = widestScreen[cell] }
            return cells.compactMap { results[$0] }
        }
        if !pending.isEmpty {
            for entry in try entries(solving: Set(pending.map(\.indicator)).sorted().flatMap({ indicator in
                model.problems(in: .whole(indicator: indicator)) { pending.contains($0) }
            })) {
                results[entry.cell] = entry
            }
        }
        return cells.compactMap { results[$0] }
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
