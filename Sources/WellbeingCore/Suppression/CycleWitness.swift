/// Proves school cells protected without an LP where a cycle of hidden cells moves them far enough.
///
/// A school's category cell sits in two relations of its home block: its
/// school's breakdown (categories summing to the school's total) and its LA's
/// column (schools summing to the LA's cell). Moving it by `d`, another hidden
/// category of the same school by `−d`, the same category at another school of
/// the LA by `−d` and that school's other category by `+d` keeps every relation
/// of the table, and so does any longer alternating cycle through the LA's
/// schools and the breakdown's categories. If each cell of the cycle stays
/// within its own bounds (nothing negative, a count within its `n`, a score sum
/// within its range), the moved table is a solution the attacker cannot rule
/// out, so the moved value is feasible. One such cycle per end and quantity
/// proves a cell protected: that is most of the cells of a national table, and
/// each costs a walk over one LA's breakdown where an LP costs a simplex run.
/// Cells not proved this way go to the LP as before.
struct CycleWitness {
    /// How far a cell's `n` and its other quantity (count or score sum) move together.
    private struct Step {
        var n: Int64
        var other: Int64
    }

    let model: AttackerModel

    /// Entries for the given hidden cells that witnesses settle: primary school category cells with every end proved,
    /// and hidden cells whose home block then holds no primary cell left to solve.
    func settledEntries(for cells: Set<CellReference>) -> [CellReference: AuditReport.Entry] {
        let table = model.table
        var observed: [CellReference: [AuditQuantity: ClosedRange<Int64>]] = [:]
        var settled: [CellReference] = []
        var unsettledBlocks = Set<AuditBlock>()
        let primary = Dictionary(grouping: cells.filter { table.status($0).isPrimary }) {
            AuditBlock(home: $0, in: table)
        }
        for (block, members) in primary {
            let candidates = members.filter(isSchoolCategory).sorted()
            let graph = candidates.first.map { BlockGraph(around: $0, witness: self) }
            let proved = candidates.filter { prove($0, in: graph!, observing: &observed) }
            settled += proved
            if proved.count < members.count { unsettledBlocks.insert(block) }
        }
        var entries: [CellReference: AuditReport.Entry] = [:]
        for cell in settled { entries[cell] = entry(cell, observed: observed[cell] ?? [:]) }
        // A secondary cell needs no proof: its entry says how far the witnesses moved it, as an LP pass would.
        for cell in cells where !table.status(cell).isPrimary
            && !unsettledBlocks.contains(AuditBlock(home: cell, in: table))
        {
            entries[cell] = entry(cell, observed: observed[cell] ?? [:])
        }
        return entries
    }

    private func isSchoolCategory(_ cell: CellReference) -> Bool {
        let unit = model.table.units[cell.unit]
        return cell.category != 0 && unit.children.isEmpty && unit.parent != nil
    }

    /// Finds witnesses for both ends of every quantity of a primary cell, recording the values they reach.
    private func prove(_ cell: CellReference, in graph: BlockGraph,
                       observing observed: inout [CellReference: [AuditQuantity: ClosedRange<Int64>]]) -> Bool
    {
        let quantities = model.quantities(indicator: cell.indicator)
        for quantity in quantities {
            guard let required = model.required(quantity, of: cell) else { continue }
            let value = model.value(quantity, of: cell)
            for change in [required.upperBound - value, required.lowerBound - value] where change != 0 {
                guard let step = step(of: cell, moving: quantity, by: change),
                      let moves = witness(moving: cell, by: step, in: graph)
                else { return false }
                for (member, step) in moves {
                    for (q, delta) in zip(quantities, [step.n, step.other]) where delta != 0 {
                        let moved = model.value(q, of: member) + delta
                        let seen = observed[member]?[q] ?? moved...moved
                        observed[member, default: [:]][q] = min(seen.lowerBound, moved)...max(seen.upperBound, moved)
                    }
                }
            }
        }
        return true
    }

    /// How a cell's `n` and other quantity move together when one of them moves by `change`, or nil if they cannot.
    ///
    /// The other quantity follows only as far as the cell's own bounds make it:
    /// a count falls with an `n` that drops below it, an `n` rises with a count
    /// that passes it, a score sum stays within its range for the `n`.
    private func step(of cell: CellReference, moving quantity: AuditQuantity, by change: Int64) -> Step? {
        let quantities = model.quantities(indicator: cell.indicator)
        let n = model.value(.respondents, of: cell)
        guard quantities.count > 1 else { return n + change >= 0 ? Step(n: change, other: 0) : nil }
        let other = model.value(quantities[1], of: cell)
        if quantity == .respondents {
            guard n + change >= 0 else { return nil }
            let allowed = bounds(of: cell, n: n + change)
            guard !allowed.isEmpty else { return nil }
            return Step(n: change, other: min(max(other, allowed.lowerBound), allowed.upperBound - 1) - other)
        }
        let moved = other + change
        guard moved >= 0 else { return nil }
        // The nearest n whose bounds admit the moved value.
        var newN = n
        let direction: Int64 = bounds(of: cell, n: n).upperBound <= moved ? 1 : -1
        while !bounds(of: cell, n: newN).contains(moved) {
            newN += direction
            guard newN >= 0, abs(newN - n) <= Self.longestStep else { return nil }
        }
        return Step(n: newN - n, other: change)
    }

    /// The values a cell's second quantity (count or score sum) may take with `n` respondents.
    private func bounds(of cell: CellReference, n: Int64) -> Range<Int64> {
        guard let range = model.scoreRanges[cell.indicator] else { return 0..<(n + 1) }
        let lowest = Int64((range.lowerBound * Double(n)).rounded(.up))
        let highest = Int64((range.upperBound * Double(n)).rounded(.down))
        return lowest..<max(lowest, highest + 1)
    }

    /// How far `n` may move to carry a score sum before the search leaves the cell to the LP.
    private static let longestStep: Int64 = 64

    /// One home block as a graph: its school rows, category columns and hidden cells as edges, with their room.
    private struct BlockGraph {
        var rows: [Int]
        var columns: [Int]
        var edges: [CellReference] = []
        /// Edge e joins row node `ends[e].row` and column node `ends[e].column` (columns after the rows).
        var ends: [(row: Int, column: Int)] = []
        var incident: [[Int]]
        var index: [CellReference: Int] = [:]
        /// How far each edge's `n` may fall and rise, its other quantity held.
        var roomN: [(down: Int64, up: Int64)] = []

        init(around cell: CellReference, witness: CycleWitness) {
            let table = witness.model.table
            rows = table.units[table.units[cell.unit].parent!].children
            columns = Array(table.layout.slots(of: table.layout.categories[cell.category].breakdown))
            incident = Array(repeating: [], count: rows.count + columns.count)
            for (r, row) in rows.enumerated() {
                for (c, column) in columns.enumerated() {
                    let edge = CellReference(unit: row, category: column, indicator: cell.indicator)
                    guard table.status(edge).isSuppressed else { continue }
                    index[edge] = edges.count
                    incident[r].append(edges.count)
                    incident[rows.count + c].append(edges.count)
                    ends.append((r, rows.count + c))
                    edges.append(edge)
                    roomN.append(witness.room(of: edge, n: true, after: Step(n: 0, other: 0)))
                }
            }
        }
    }

    /// Moves of other hidden cells that balance `cell` moved by `step` in its school and its LA's column, or nil.
    ///
    /// A move of the cell must be met in its row (its school's breakdown) and in
    /// its column (its LA's category), which is a flow from its row to its column
    /// over the other hidden cells of the block: a cell the flow crosses row →
    /// column moves against the cell, one it crosses column → row moves with it,
    /// and every row and column it passes through gains as much as it loses.
    /// `n` flows first, the other quantity held; then the other quantity, within
    /// the bounds the new `n`s allow. Augmenting paths are found breadth first,
    /// in layout and sibling order, so the same table always gives the same
    /// witnesses.
    private func witness(moving cell: CellReference, by step: Step, in graph: BlockGraph)
        -> [(CellReference, Step)]?
    {
        guard fits(cell, n: step.n, other: step.other), let own = graph.index[cell] else { return nil }
        var moves: [Int: Step] = [:]
        for isN in [true, false] {
            let amount = isN ? step.n : step.other
            guard amount != 0 else { continue }
            // An edge's flow row → column moves it by −sign × flow.
            let sign: Int64 = amount > 0 ? 1 : -1
            let range = { (e: Int) -> ClosedRange<Int64> in
                guard e != own else { return 0...0 }
                let room = isN ? graph.roomN[e]
                    : self.room(of: graph.edges[e], n: false, after: moves[e] ?? Step(n: 0, other: 0))
                return sign > 0 ? -room.up...room.down : -room.down...room.up
            }
            guard let flows = flow(of: amount.magnitude, from: graph.ends[own].row, to: graph.ends[own].column,
                                   in: graph, range: range)
            else { return nil }
            for (e, flow) in flows where flow != 0 {
                var move = moves[e] ?? Step(n: 0, other: 0)
                if isN { move.n -= sign * flow } else { move.other -= sign * flow }
                moves[e] = move
            }
        }
        return [(cell, step)] + moves.keys.sorted().map { (graph.edges[$0], moves[$0]!) }
    }

    /// How far an edge may fall and rise in one quantity, the other at its value after `moved`.
    private func room(of edge: CellReference, n isN: Bool, after moved: Step) -> (down: Int64, up: Int64) {
        let quantities = model.quantities(indicator: edge.indicator)
        let n = model.value(.respondents, of: edge) + moved.n
        guard quantities.count > 1 else { return isN ? (n, Self.unlimited) : (0, 0) }
        let other = model.value(quantities[1], of: edge) + moved.other
        guard isN else {
            let allowed = bounds(of: edge, n: n)
            return (max(0, other - allowed.lowerBound), max(0, allowed.upperBound - 1 - other))
        }
        guard let range = model.scoreRanges[edge.indicator] else { return (max(0, n - other), Self.unlimited) }
        // The n whose score range holds the sum: from sum ÷ highest score up to sum ÷ lowest score.
        var lowest = range.upperBound > 0 ? Int64((Double(other) / range.upperBound).rounded(.up)) : 0
        while lowest > 0, bounds(of: edge, n: lowest - 1).contains(other) { lowest -= 1 }
        while lowest < n, !bounds(of: edge, n: lowest).contains(other) { lowest += 1 }
        var highest = range.lowerBound > 0 ? min(n + Self.longestStep, Int64(Double(other) / range.lowerBound)) : n + Self.longestStep
        while highest > n, !bounds(of: edge, n: highest).contains(other) { highest -= 1 }
        return (max(0, n - lowest), max(0, highest - n))
    }

    /// Room treated as endless: more than any protection asks.
    private static let unlimited: Int64 = 1 << 40

    /// A flow of `amount` from `source` (a row node) to `sink` (a column node) within each edge's range, or nil.
    ///
    /// Edmonds–Karp: shortest augmenting paths, each edge's flow kept within
    /// `range(e)`; the flows returned are by edge, zero where none passed.
    private func flow(of amount: UInt64, from source: Int, to sink: Int, in graph: BlockGraph,
                      range: (Int) -> ClosedRange<Int64>) -> [Int: Int64]?
    {
        var flows: [Int: Int64] = [:]
        var ranges: [Int: ClosedRange<Int64>] = [:]
        func bounds(_ e: Int) -> ClosedRange<Int64> {
            if let known = ranges[e] { return known }
            let found = range(e)
            ranges[e] = found
            return found
        }
        func residual(_ e: Int, forward: Bool) -> Int64 {
            let current = flows[e] ?? 0
            return forward ? bounds(e).upperBound - current : current - bounds(e).lowerBound
        }
        var remaining = Int64(amount)
        while remaining > 0 {
            var via = [Int](repeating: -1, count: graph.incident.count)
            via[source] = Int.max
            var queue = [source]
            var head = 0
            while head < queue.count, via[sink] < 0 {
                let node = queue[head]
                head += 1
                for e in graph.incident[node] {
                    let forward = graph.ends[e].row == node
                    let next = forward ? graph.ends[e].column : graph.ends[e].row
                    guard via[next] < 0, residual(e, forward: forward) > 0 else { continue }
                    via[next] = e
                    queue.append(next)
                }
            }
            guard via[sink] >= 0 else { return nil }
            var path: [(edge: Int, forward: Bool)] = []
            var node = sink
            while node != source {
                let e = via[node]
                let forward = graph.ends[e].column == node
                path.append((e, forward))
                node = forward ? graph.ends[e].row : graph.ends[e].column
            }
            let bottleneck = path.reduce(remaining) { min($0, residual($1.edge, forward: $1.forward)) }
            for (e, forward) in path { flows[e, default: 0] += forward ? bottleneck : -bottleneck }
            remaining -= bottleneck
        }
        return flows
    }

    /// True when a cell moved by `n` and `other` stays within its own bounds.
    private func fits(_ cell: CellReference, n: Int64, other: Int64) -> Bool {
        let quantities = model.quantities(indicator: cell.indicator)
        let newN = model.value(.respondents, of: cell) + n
        guard newN >= 0 else { return false }
        guard quantities.count > 1 else { return true }
        return bounds(of: cell, n: newN).contains(model.value(quantities[1], of: cell) + other)
    }

    /// A report entry whose ranges run from the true value out to the values the cycles reached.
    private func entry(_ cell: CellReference, observed: [AuditQuantity: ClosedRange<Int64>]) -> AuditReport.Entry {
        let measures = model.quantities(indicator: cell.indicator).map { quantity in
            let value = model.value(quantity, of: cell)
            let reached = observed[quantity].map { min($0.lowerBound, value)...max($0.upperBound, value) } ?? value...value
            return AuditReport.Measure(
                quantity: quantity, value: value,
                feasible: FeasibleRange(lower: .init(value: Double(reached.lowerBound), isExtreme: false),
                                        upper: .init(value: Double(reached.upperBound), isExtreme: false)),
                required: model.required(quantity, of: cell))
        }
        return AuditReport.Entry(cell: cell, status: model.table.status(cell), measures: measures)
    }
}
