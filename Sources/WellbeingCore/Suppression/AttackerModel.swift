/// The attacker of disclosure-control.md, as linear programs over the hidden cells of a table.
///
/// The attacker knows every published value and every additive relation, for
/// `n` and for the count (for a mean: for `n` and the score sum, `n × mean`);
/// that nothing is negative; that a count never exceeds its `n`; and that a
/// score sum lies between the lowest and highest possible score times `n`.
/// Published cells are constants at their exact values — for a mean that is
/// more than its 2-decimal rounding reveals, so the audit errs on the safe side —
/// unless `means` is ``PublishedMeans/rounded`` (see `AttackerModel+RoundedMeans.swift`).
/// The unknowns are the hidden cells' `n` and count (or score sum).
struct AttackerModel: Sendable {
    let table: IndicatorTable
    let policy: SuppressionPolicy
    /// What a published mean tells the attacker about its score sum.
    let means: PublishedMeans
    /// Per indicator: the lowest and highest score in hundredths, for means.
    let scoreRanges: [ClosedRange<Double>?]

    init(table: IndicatorTable, policy: SuppressionPolicy, means: PublishedMeans = .exact) {
        self.table = table
        self.policy = policy
        self.means = means
        scoreRanges = table.catalogue.indicators.map { Self.scoreRange(of: $0, in: table.catalogue) }
    }

    /// What the audit measures for an indicator's cells: `n`, then the count or score sum when there is one.
    func quantities(indicator: Int) -> [AuditQuantity] {
        switch table.catalogue.indicators[indicator].kind {
        case .proportion: [.respondents, .count]
        case .mean: [.respondents, .scoreSum]
        case .count: [.respondents]
        }
    }

    /// The true value of a quantity of a cell (score sums in hundredths).
    func value(_ quantity: AuditQuantity, of cell: CellReference) -> Int64 {
        // In place, not through a local copy of the cells, which would retain their arrays on every call.
        switch quantity {
        case .respondents: return Int64(table.units[cell.unit].cells.n(category: cell.category, indicator: cell.indicator))
        case .count: return Int64(table.units[cell.unit].cells.count(category: cell.category, indicator: cell.indicator))
        case .scoreSum: return table.units[cell.unit].cells.scoreSums(category: cell.category, indicator: cell.indicator).sum
        }
    }

    /// The protection interval `[max(0, x − p), x + p]` of a primary cell's quantity; nil for other cells.
    ///
    /// `p` is the policy's protection for `x`; for a score sum in hundredths the
    /// floor of one pupil reads as one whole score point (100).
    func required(_ quantity: AuditQuantity, of cell: CellReference) -> ClosedRange<Int64>? {
        guard table.status(cell).isPrimary else { return nil }
        let x = value(quantity, of: cell)
        var p = Int64(policy.protection(for: Int(x)))
        if quantity == .scoreSum { p = max(p, 100 * Int64(policy.secondary.minimumProtection)) }
        return max(0, x - p)...(x + p)
    }

    /// The problems of one block: one per group of linked hidden cells that holds a target.
    ///
    /// A screening block's problems skip the extremes of short ends: its exposed cells are audited again.
    func problems(in block: AuditBlock, screening: Bool = false, targets isTarget: (CellReference) -> Bool)
        -> [AttackerProblem]
    {
        let cells = block.hiddenCells(in: table)
        guard cells.contains(where: isTarget) else { return [] }
        var position = [CellReference: Int](minimumCapacity: cells.count)
        for (i, cell) in cells.enumerated() { position[cell] = i }

        var links = UnionFind(count: cells.count)
        var seen = Set<AdditiveRelation.Key>()
        var relations: [(relation: AdditiveRelation, member: Int)] = []
        for cell in cells {
            for key in table.relationKeys(containing: cell) where seen.insert(key).inserted {
                let relation = table.relation(key)
                let members = ([relation.total] + relation.parts).compactMap { position[$0] }
                for member in members.dropFirst() { links.union(members[0], member) }
                relations.append((relation, members[0]))
            }
        }

        var group: [Int: Int] = [:]
        var groups: [(cells: [Int], relations: [AdditiveRelation])] = []
        for i in cells.indices {
            let root = links.find(i)
            if group[root] == nil {
                group[root] = groups.count
                groups.append(([], []))
            }
            groups[group[root]!].cells.append(i)
        }
        for (relation, member) in relations { groups[group[links.find(member)]!].relations.append(relation) }
        return groups.compactMap { members, relations in
            guard members.contains(where: { isTarget(cells[$0]) }) else { return nil }
            var problem = problem(cells: members.map { cells[$0] }, relations: relations, targets: isTarget)
            problem.cells = members.map { cells[$0] }.sorted()
            problem.needsExtremes = !screening
            return problem
        }
    }

    /// One group's LP: columns for each cell's quantities, a row per relation and quantity, the cells' own bounds.
    private func problem(cells: [CellReference], relations: [AdditiveRelation],
                         targets isTarget: (CellReference) -> Bool) -> AttackerProblem
    {
        let indicator = cells[0].indicator
        let quantities = quantities(indicator: indicator)
        var problem = AttackerProblem()
        var columns: [CellReference: [Int]] = [:]
        for cell in cells { columns[cell] = quantities.map { _ in problem.addColumn() } }

        for relation in relations {
            for (q, quantity) in quantities.enumerated() {
                // Σ parts − total = 0, with every known member moved to the right-hand side.
                var terms: [(column: Int, coefficient: Double)] = []
                var known: Int64 = 0
                if let column = columns[relation.total]?[q] {
                    terms.append((column, -1))
                } else {
                    known -= value(quantity, of: relation.total)
                }
                for part in relation.parts {
                    if let column = columns[part]?[q] { terms.append((column, 1)) } else { known += value(quantity, of: part) }
                }
                problem.addRow(terms, lower: Double(-known), upper: Double(-known))
            }
        }

        for cell in cells {
            let column = columns[cell]!
            switch quantities.last {
            case .count:
                problem.addRow([(column[1], 1), (column[0], -1)], lower: -.infinity, upper: 0)
            case .scoreSum:
                if let range = scoreRanges[indicator] {
                    problem.addRow([(column[1], 1), (column[0], -range.upperBound)], lower: -.infinity, upper: 0)
                    problem.addRow([(column[1], 1), (column[0], -range.lowerBound)], lower: 0, upper: .infinity)
                }
            default:
                break
            }
            guard isTarget(cell) else { continue }
            for (q, quantity) in quantities.enumerated() {
                problem.addTarget(.init(cell: cell, quantity: quantity, column: column[q],
                                        value: value(quantity, of: cell), required: required(quantity, of: cell)))
            }
        }
        return problem
    }

    /// The lowest and highest value of a mean indicator's score, in hundredths; nil for other indicators.
    private static func scoreRange(of indicator: IndicatorDefinition, in catalogue: Catalogue) -> ClosedRange<Double>? {
        guard indicator.kind == .mean, let id = indicator.score,
              let score = catalogue.scores.first(where: { $0.id == id }) else { return nil }
        if let table = score.table, let lowest = table.values.min(), let highest = table.values.max() {
            return (lowest * 100).rounded()...(highest * 100).rounded()
        }
        let items = score.items.compactMap { catalogue.instrument.index(of: $0) }.map { catalogue.instrument.items[$0].values }
        return Double(100 * items.reduce(0) { $0 + $1.lowerBound })...Double(100 * items.reduce(0) { $0 + $1.upperBound })
    }
}
