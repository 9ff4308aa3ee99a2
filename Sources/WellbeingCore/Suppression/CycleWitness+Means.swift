/// Whole-pupil moves, where a cell's `n` and its score sum (or count) must move together.
///
/// Routing `n` with every score sum held, then the sums within the new `n`s,
/// fails where a cell has too few respondents to lose one and keep its sum
/// (a school with one pupil in a category cannot fall to none and keep a
/// score), or too few to carry a higher sum. Moving pupils with their scores
/// does: every cell of a route gains or loses the same bundle of `a`
/// respondents and `δ` of score sum (``Carry/bundle(_:)``), which keeps every
/// relation for both quantities at once, and each cell need only hold one
/// bundle more or less within its own bounds. Around a cycle of four hidden
/// cells (the cell, another hidden category of its school, the cell's
/// category at another school and that school's other category) the bundle
/// can be fitted to the cycle: each cell's bounds leave an interval of `δ` for
/// a given `a`, and of `a` for a given `δ`, and a cycle whose intervals meet
/// is a witness. Longer routes carry a bundle fixed beforehand.
extension CycleWitness {
    /// Moves of a 4-cycle through a mean's cell that move its `quantity` by `change`, or nil.
    func meanCycle(moving cell: CellReference, quantity: AuditQuantity, by change: Int64, in graph: BlockGraph)
        -> [(CellReference, Step)]?
    {
        guard model.scoreRanges[cell.indicator] != nil, let own = graph.index[cell] else { return nil }
        let (row, column) = graph.ends[own]
        let columns = graph.columns.count
        for partner in graph.incident[row] where partner != own {
            let partnerColumn = graph.ends[partner].column - graph.rows.count
            for across in graph.incident[column] where across != own {
                let opposite = graph.edgeAt[graph.ends[across].row * columns + partnerColumn]
                guard opposite >= 0 else { continue }
                let cycle = [(own, Int64(1)), (partner, -1), (across, -1), (opposite, 1)].map { (graph.edges[$0], $1) }
                guard let step = fittedStep(of: cycle, moving: quantity, by: change) else { continue }
                return cycle.map { member, sign in (member, Step(n: sign * step.n, other: sign * step.other)) }
            }
        }
        return nil
    }

    /// The move `(a, δ)` that a cycle's members take with their signs to move `quantity` by `change` or further, or nil.
    ///
    /// Reaching past an end proves it too (every value between the true one
    /// and a feasible one is feasible), so an `n` end may move a pupil more,
    /// and a score-sum end any number of pupils whose scores carry the sum at
    /// least as far. For each `a`, every member's bounds leave an interval of
    /// `δ`; the first `a` whose intervals meet gives the `δ` nearest the change.
    private func fittedStep(of cycle: [(cell: CellReference, sign: Int64)], moving quantity: AuditQuantity,
                            by change: Int64) -> Step?
    {
        let sign: Int64 = change > 0 ? 1 : -1
        let pupils: [Int64] = quantity == .respondents ? [change, change + sign]
            : [0] + (1...Self.pupilsMoved).flatMap { [$0 * sign, -$0 * sign] }
        for a in pupils {
            if let delta = fittedSum(of: cycle, pupils: a, towards: quantity == .respondents ? nil : change) {
                return Step(n: a, other: delta)
            }
        }
        return nil
    }

    /// The score sum `δ` a cycle's members can take with `a` pupils (at least `change` that way, if given), the one
    /// nearest the change (or zero), or nil.
    private func fittedSum(of cycle: [(cell: CellReference, sign: Int64)], pupils a: Int64, towards change: Int64?)
        -> Int64?
    {
        var free = change.map { $0 > 0 ? $0...Int64.max : Int64.min...$0 } ?? Int64.min...Int64.max
        for (cell, direction) in cycle {
            let n = model.value(.respondents, of: cell) + direction * a
            let bounds = bounds(of: cell, n: n)
            guard n >= 0, !bounds.isEmpty else { return nil }
            // The sums this cell may take at its moved n, as a range of δ.
            let sum = model.value(.scoreSum, of: cell)
            let shifted = (bounds.lowerBound - sum)...(bounds.upperBound - 1 - sum)
            let allowed = direction > 0 ? shifted : -shifted.upperBound...(-shifted.lowerBound)
            guard allowed.overlaps(free) else { return nil }
            free = max(free.lowerBound, allowed.lowerBound)...min(free.upperBound, allowed.upperBound)
        }
        let delta = min(max(change ?? 0, free.lowerBound), free.upperBound)
        return cycle.allSatisfy { fits($0.cell, n: $0.sign * a, other: $0.sign * delta) } ? delta : nil
    }

    /// How many pupils a score-sum end's cycle may move, either way.
    private static let pupilsMoved: Int64 = 4

    /// Bundles that move `quantity` of a cell by `change`, likeliest first.
    ///
    /// A mean's `n` end moves `change` pupils scoring the cell's own mean, or
    /// England's; its score-sum end moves as many pupils of England's mean
    /// score as the change is worth, or one more or fewer, at least one (a sum
    /// alone is tried before bundles). A proportion's `n` end moves `change`
    /// pupils of whom some are in the numerator, in the cell's own proportion
    /// or England's, or just one: where a cell can lose its pupils only with
    /// the few it counts. A count end needs none (its joint move is exact).
    func bundles(of cell: CellReference, moving quantity: AuditQuantity, by change: Int64) -> [Step] {
        let quantities = model.quantities(indicator: cell.indicator)
        guard quantities.count > 1, quantity == .respondents || quantity == .scoreSum else { return [] }
        let england = CellReference(unit: 0, category: 0, indicator: cell.indicator)
        let other = quantities[1]
        let n = model.value(.respondents, of: cell)
        let typical = Self.ratio(model.value(other, of: england), model.value(.respondents, of: england))
        let own = n > 0 ? Self.ratio(model.value(other, of: cell), n) : typical
        let sign: Int64 = change > 0 ? 1 : -1
        var steps: [Step] = []
        if quantity == .respondents {
            steps = [own, typical].map { Step(n: change, other: Int64((Double(change) * $0).rounded())) }
            if other == .count {
                // Some of the pupils counted: none is `n` alone and all the joint move, both tried before.
                steps.append(Step(n: change, other: sign))
                steps.removeAll { $0.other == 0 || $0.other == change }
            }
        } else if typical > 0 {
            let pupils = Int64((Double(change) / typical).rounded())
            steps = [pupils, pupils + sign, pupils - sign].filter { $0 * sign > 0 }.map { Step(n: $0, other: change) }
        }
        var distinct: [Step] = []
        for step in steps where !distinct.contains(step) && fits(cell, n: step.n, other: step.other) {
            distinct.append(step)
        }
        return distinct
    }

    /// Per respondent: a mean score in hundredths, or a proportion.
    private static func ratio(_ total: Int64, _ n: Int64) -> Double {
        n > 0 ? Double(total) / Double(n) : 0
    }
}
