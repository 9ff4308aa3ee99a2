/// Witnesses in a school's family: its hidden total moves with the cell, against another school's.
///
/// A cell whose LA's breakdown cannot cover it (every other hidden cell of its
/// column or its school's row too near zero) may still be covered once the
/// school's total moves. If the school's total is hidden, raise it with the
/// cell, lower another school's hidden total by as much (the LA's total column
/// still adds up), and in every breakdown carry the change from the other
/// school's row to the school's row over hidden cells of the LA: in the cell's
/// own breakdown the cell already meets its row, so the change runs from the
/// other school's row to the cell's column. Each breakdown is a flow of its own
/// over the LA's schools and that breakdown's categories; together they keep
/// every relation of the table, so the values they reach are feasible.
/// Cells not proved this way go to the family block's LP as before.
extension CycleWitness {
    /// How many other schools a cell's total is tried against before the cell is left to the LP.
    private static let partnersTried = 16

    /// The primary school cells among `cells` that family witnesses prove, each end of each quantity reached.
    func settleInFamilies(_ cells: some Sequence<CellReference>, observing observed: inout [CellReference: Reach])
        -> Set<CellReference>
    {
        let table = model.table
        let candidates = cells.filter { cell in
            table.status(cell).isPrimary && table.units[cell.unit].children.isEmpty && table.units[cell.unit].parent != nil
                && table.status(CellReference(unit: cell.unit, category: 0, indicator: cell.indicator)).isSuppressed
        }
        let families = Dictionary(grouping: candidates) { AuditFamily(parent: table.units[$0.unit].parent!, indicator: $0.indicator) }
        var proved = Set<CellReference>()
        let results = families.keys.sorted().concurrentMap { family in
            var seen: [CellReference: Reach] = [:]
            let school = table.units[family.parent].children[0]
            var graphs = Breakdown.filters.compactMap { breakdown -> BlockGraph? in
                guard let slot = table.layout.slots(of: breakdown).first else { return nil }
                return BlockGraph(around: CellReference(unit: school, category: slot, indicator: family.indicator),
                                  witness: self)
            }
            let cells = families[family]!.sorted().filter { prove($0, in: &graphs, observing: &seen) }
            return (cells: cells, observed: seen)
        }
        for family in results {
            proved.formUnion(family.cells)
            observed.merge(family.observed) { $0.union($1) }
        }
        return proved
    }

    /// Finds a family witness for both ends of every quantity of a cell, recording the values they reach.
    private func prove(_ cell: CellReference, in graphs: inout [BlockGraph],
                       observing observed: inout [CellReference: Reach]) -> Bool
    {
        let quantities = model.quantities(indicator: cell.indicator)
        for (position, quantity) in quantities.enumerated().reversed() {
            guard let required = model.required(quantity, of: cell) else { continue }
            let value = model.value(quantity, of: cell)
            for change in [required.upperBound - value, required.lowerBound - value] where change != 0 {
                // n alone where it can; a count, or an n its count must follow, with its n; a score sum alone, or
                // with the n it needs moved first; then whole pupils (CycleWitness+Means.swift).
                let joint = quantities.last == .count
                var tries: [(Step, [Carry])] = position == 0 ? [(Step(n: change, other: 0), [.n])] : []
                if joint {
                    tries.append((Step(n: change, other: change), [.joint]))
                } else if quantities.count > 1 {
                    if position == 1 { tries.append((Step(n: 0, other: change), [.other])) }
                    if let step = step(of: cell, moving: quantity, by: change) { tries.append((step, [.n, .other])) }
                }
                tries += bundles(of: cell, moving: quantity, by: change).map { ($0, [.bundle($0)]) }
                var found: [(CellReference, Step)]?
                for (step, carries) in tries where found == nil {
                    found = witness(moving: cell, by: step, in: &graphs, carrying: carries)
                }
                guard let moves = found else { return false }
                for (member, step) in moves {
                    for (slot, (q, delta)) in zip(quantities, [step.n, step.other]).enumerated() where delta != 0 {
                        observed[member, default: Reach()].include(model.value(q, of: member) + delta, at: slot)
                    }
                }
            }
        }
        return true
    }

    /// Moves balancing `cell` and its school's total moved by `step`, against another school of its LA, or nil.
    ///
    /// A total is its own school's total: every breakdown carries its change
    /// from the other school's row. Each of `carries` is routed in turn, `n`
    /// before the other quantity, so a score sum moves within the bounds of
    /// the `n`s already moved.
    private func witness(moving cell: CellReference, by step: Step, in graphs: inout [BlockGraph],
                         carrying carries: [Carry]) -> [(CellReference, Step)]?
    {
        let table = model.table
        let total = CellReference(unit: cell.unit, category: 0, indicator: cell.indicator)
        let against = Step(n: -step.n, other: -step.other)
        guard fits(cell, n: step.n, other: step.other), fits(total, n: step.n, other: step.other) else { return nil }
        let own = graphs.firstIndex { $0.index[cell] != nil }
        let held = own.flatMap { graphs[$0].index[cell] }
        let amounts = carries.map { $0.amount(of: step) }
        // Where each breakdown's change must arrive: the school's row, or the cell's column in its own breakdown.
        let sinks = graphs.indices.map { g in g == own ? graphs[g].node(ofColumn: cell.category) : graphs[g].node(ofRow: cell.unit) }
        // A sink no hidden cell can move at (the school's row rises with a rising cell, the cell's column falls) fails
        // every partner. Checked for the first route only: later ones move cells the first has moved.
        let first = (carry: carries[0], amount: amounts[0])
        for g in graphs.indices where first.amount != 0 {
            guard let sink = sinks[g], canMove(at: sink, in: graphs[g], rising: (g != own) == (first.amount > 0),
                                              carrying: first.carry, skipping: g == own ? held : nil)
            else { return nil }
        }
        var tried = 0
        for partner in table.units[table.units[cell.unit].parent!].children where partner != cell.unit {
            let partnerTotal = CellReference(unit: partner, category: 0, indicator: cell.indicator)
            guard table.status(partnerTotal).isSuppressed, fits(partnerTotal, n: against.n, other: against.other)
            else { continue }
            let sources = graphs.map { $0.node(ofRow: partner) }
            guard graphs.indices.allSatisfy({ g in
                sources[g].map {
                    first.amount == 0 || canMove(at: $0, in: graphs[g], rising: first.amount < 0, carrying: first.carry,
                                                 skipping: g == own ? held : nil)
                } ?? false
            }) else { continue }
            tried += 1
            guard tried <= Self.partnersTried else { return nil }
            var moves: [(CellReference, Step)] = (cell == total ? [] : [(cell, step)]) + [(total, step), (partnerTotal, against)]
            for g in graphs.indices {
                var byEdge: [Int: Step] = [:]
                guard zip(carries, amounts).allSatisfy({ carry, amount in
                    amount == 0 || route(amount, from: sources[g]!, to: sinks[g]!, in: &graphs[g], carrying: carry,
                                         skipping: g == own ? held : nil, moves: &byEdge)
                }) else {
                    moves = []
                    break
                }
                moves += graphs[g].moved(byEdge)
            }
            if !moves.isEmpty { return moves }
        }
        return nil
    }

    /// True when some hidden cell at `node`, other than `held`, has room to rise (or fall) in what is carried.
    private func canMove(at node: Int, in graph: BlockGraph, rising: Bool, carrying carry: Carry, skipping held: Int?)
        -> Bool
    {
        graph.incident[node].contains { e in
            guard e != held else { return false }
            let room = room(of: graph.edges[e], carrying: carry, roomN: graph.roomN[e], after: Step(n: 0, other: 0))
            return (rising ? room.up : room.down) > 0
        }
    }
}
