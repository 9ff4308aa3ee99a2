extension AttackerModel {
    /// Whether an indicator's hidden cells are audited against the whole indicator at once: a mean
    /// whose published means are known only to their rounding.
    ///
    /// Every published score sum is then an unknown of its own, bounded by its
    /// rounding and tied to its neighbours by every relation, so the relations no
    /// longer split the hidden cells into small groups, and holding a published
    /// cell fixed (as a home block would) needs a value the files do not give.
    func auditsWhole(indicator: Int) -> Bool {
        means == .rounded && table.catalogue.indicators[indicator].kind == .mean
    }

    /// The attacker's LP for one mean indicator whose published means are known only to their rounding.
    ///
    /// Columns: each hidden cell's `n` and score sum, and each published cell's
    /// score sum (its `n` is published exactly), bounded to the interval its
    /// rounded mean allows (``PublishedMeans/roundedInterval(sum:n:)``). Rows:
    /// every relation of the indicator — for `n` where a hidden cell sits in it,
    /// for the score sum always, since a relation of published cells alone still
    /// narrows their sums — and each hidden cell's score sum between the lowest
    /// and highest score times `n`. Nil when no hidden cell is a target.
    func roundedMeanProblem(indicator: Int, targets isTarget: (CellReference) -> Bool) -> AttackerProblem? {
        var problem = AttackerProblem()
        var respondentsColumn: [CellReference: Int] = [:]
        var sumColumn: [CellReference: Int] = [:]
        var hidden: [CellReference] = []
        for (u, unit) in table.units.enumerated() {
            for category in 0..<table.layout.count {
                let status = unit.status(category: category, indicator: indicator)
                guard status != .empty else { continue }
                let cell = CellReference(unit: u, category: category, indicator: indicator)
                let sum = problem.addColumn()
                sumColumn[cell] = sum
                if status.isSuppressed {
                    respondentsColumn[cell] = problem.addColumn()
                    hidden.append(cell)
                } else {
                    let bounds = PublishedMeans.roundedInterval(sum: value(.scoreSum, of: cell), n: table.n(cell))
                    problem.addRow([(sum, 1)], lower: bounds.lowerBound, upper: bounds.upperBound)
                }
            }
        }
        guard hidden.contains(where: isTarget) else { return nil }

        for key in table.additiveRelationKeys where key.indicator == indicator {
            let relation = table.relation(key)
            // Σ parts − total = 0, for the score sums (all unknown) and for n (published n moved to the right).
            var sums: [(column: Int, coefficient: Double)] = [(sumColumn[relation.total]!, -1)]
            var respondents: [(column: Int, coefficient: Double)] = []
            var known: Int64 = 0
            if let column = respondentsColumn[relation.total] {
                respondents.append((column, -1))
            } else {
                known -= Int64(table.n(relation.total))
            }
            for part in relation.parts {
                sums.append((sumColumn[part]!, 1))
                if let column = respondentsColumn[part] {
                    respondents.append((column, 1))
                } else {
                    known += Int64(table.n(part))
                }
            }
            problem.addRow(sums, lower: 0, upper: 0)
            if !respondents.isEmpty { problem.addRow(respondents, lower: Double(-known), upper: Double(-known)) }
        }

        for cell in hidden {
            let n = respondentsColumn[cell]!, sum = sumColumn[cell]!
            if let range = scoreRanges[indicator] {
                problem.addRow([(sum, 1), (n, -range.upperBound)], lower: -.infinity, upper: 0)
                problem.addRow([(sum, 1), (n, -range.lowerBound)], lower: 0, upper: .infinity)
            }
            guard isTarget(cell) else { continue }
            for (quantity, column) in [(AuditQuantity.respondents, n), (.scoreSum, sum)] {
                problem.addTarget(.init(cell: cell, quantity: quantity, column: column,
                                        value: value(quantity, of: cell), required: required(quantity, of: cell)))
            }
        }
        return problem
    }
}

extension AdditiveRelation.Key {
    /// The indicator whose cells the relation links.
    var indicator: Int {
        switch self {
        case .breakdown(_, let indicator, _), .children(_, let indicator, _): indicator
        }
    }
}
