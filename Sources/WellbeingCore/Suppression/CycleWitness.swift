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
/// A cell its LA's breakdown cannot cover may still be proved with its
/// school's total (`CycleWitness+Families.swift`). Cells not proved either way
/// go to the LP as before.
///
/// A class, not a struct: every route's range closure captures it, and a
/// captured struct would be copied with every array of its table (measured: 7 %
/// of a national audit's CPU in retains and releases).
final class CycleWitness: Sendable {
    /// How far a cell's `n` and its other quantity (count or score sum) move together.
    struct Step: Equatable {
        var n: Int64
        var other: Int64
    }

    /// The values witnesses moved a cell to, for its `n` and its other quantity.
    struct Reach {
        var n: ClosedRange<Int64>?
        var other: ClosedRange<Int64>?

        /// The range for the quantity at `position` in the indicator's quantities.
        subscript(position: Int) -> ClosedRange<Int64>? {
            get { position == 0 ? n : other }
            set { if position == 0 { n = newValue } else { other = newValue } }
        }

        mutating func include(_ value: Int64, at position: Int) {
            self[position] = self[position].map { min($0.lowerBound, value)...max($0.upperBound, value) } ?? value...value
        }

        /// Both reaches together.
        func union(_ other: Reach) -> Reach {
            var joined = self
            for position in 0..<2 {
                if let range = other[position] {
                    joined.include(range.lowerBound, at: position)
                    joined.include(range.upperBound, at: position)
                }
            }
            return joined
        }
    }

    let model: AttackerModel

    init(model: AttackerModel) { self.model = model }

    /// What witnesses settle of a set of hidden cells.
    struct Settlement {
        /// Primary school cells with every end proved, and hidden cells whose home block then holds no primary cell
        /// left for an LP.
        var entries: [CellReference: AuditReport.Entry] = [:]
        /// Primary cells whose home block cannot move an end far enough (see `Proof.exposed`): its LP would only
        /// confirm it.
        var exposedAtHome: Set<CellReference> = []
    }

    /// Settles what witnesses can of the given hidden cells: in each cell's home block, then in its family.
    func settle(_ cells: Set<CellReference>) -> Settlement {
        let table = model.table
        var observed: [CellReference: Reach] = [:]
        var proved = Set<CellReference>()
        var settlement = Settlement()
        let primary = Dictionary(grouping: cells.filter { table.status($0).isPrimary }) {
            AuditBlock(home: $0, in: table)
        }
        // Blocks are independent: each is proved on whichever core is free, and what they saw merged after.
        let blocks = primary.keys.sorted().concurrentMap { block in
            var observed: [CellReference: Reach] = [:]
            var proofs: [(CellReference, Proof)] = []
            let candidates = primary[block]!.filter(isSchoolCategory).sorted()
            if let first = candidates.first {
                var graph = BlockGraph(around: first, witness: self)
                for cell in candidates { proofs.append((cell, prove(cell, in: &graph, observing: &observed))) }
            }
            return (proofs: proofs, observed: observed)
        }
        for block in blocks {
            observed.merge(block.observed) { $0.union($1) }
            for (cell, proof) in block.proofs {
                switch proof {
                case .proved: proved.insert(cell)
                case .exposed: settlement.exposedAtHome.insert(cell)
                case .unproved: break
                }
            }
        }
        proved.formUnion(settleInFamilies(primary.values.joined().filter { !proved.contains($0) }, observing: &observed))
        settlement.exposedAtHome.subtract(proved)
        // Home blocks whose LP still has a primary cell to prove; a cell exposed at home waits for a wider block.
        let unsettledBlocks = Set(primary.filter { _, members in
            members.contains { !proved.contains($0) && !settlement.exposedAtHome.contains($0) }
        }.keys)
        for cell in proved { settlement.entries[cell] = entry(cell, observed: observed[cell] ?? Reach()) }
        // A secondary cell needs no proof: its entry says how far the witnesses moved it, as an LP pass would.
        for cell in cells where !table.status(cell).isPrimary
            && !unsettledBlocks.contains(AuditBlock(home: cell, in: table))
        {
            settlement.entries[cell] = entry(cell, observed: observed[cell] ?? Reach())
        }
        return settlement
    }

    func isSchoolCategory(_ cell: CellReference) -> Bool {
        cell.category != 0 && model.table.units[cell.unit].children.isEmpty && model.table.units[cell.unit].parent != nil
    }

    /// What the witnesses of one primary cell showed.
    private enum Proof {
        /// Every end reached.
        case proved
        /// An end not reached that an LP over the home block might still reach.
        case unproved
        /// An end that no table agreeing with the home block reaches: a count end, any end of a cell alone in its
        /// school's row or its LA's column, or an upper end past what the row's or column's hidden cells hold.
        case exposed
    }

    /// Finds witnesses for both ends of every quantity of a primary cell, recording the values they reach.
    ///
    /// A count end is decided outright: within its home block a count can
    /// reach a value exactly when a joint flow of count and `n` reaches it
    /// (any table of counts that keeps the block's sums and stays non-negative
    /// is met by the `n`s moved with it, which then stay above their counts).
    /// A cell alone in its row or column is pinned by that relation, and none
    /// rises past the sum of its row's (or column's) hidden cells.
    private func prove(_ cell: CellReference, in graph: inout BlockGraph,
                       observing observed: inout [CellReference: Reach]) -> Proof
    {
        let quantities = model.quantities(indicator: cell.indicator)
        let ends = graph.ends[graph.index[cell]!]
        guard graph.incident[ends.row].count > 1, graph.incident[ends.column].count > 1 else { return .exposed }
        // The block holds each row's and column's sum: no cell in it can rise past what its hidden members hold.
        for quantity in quantities {
            guard let required = model.required(quantity, of: cell) else { continue }
            for node in [ends.row, ends.column] {
                let held = graph.incident[node].reduce(Int64(0)) { $0 + model.value(quantity, of: graph.edges[$1]) }
                if held < required.upperBound { return .exposed }
            }
        }
        // The count first: its verdict is exact, so a cell it fails goes straight to a wider block.
        for quantity in quantities.reversed() {
            guard let required = model.required(quantity, of: cell) else { continue }
            let value = model.value(quantity, of: cell)
            for change in [required.upperBound - value, required.lowerBound - value] where change != 0 {
                // A count and its n moving together keep every count within its n wherever a count-only move
                // would not; for a count end that form is the whole of what the block allows.
                var moves = step(of: cell, moving: quantity, by: change).flatMap { witness(moving: cell, by: $0, in: &graph) }
                if moves == nil, quantities.last == .count {
                    moves = witness(moving: cell, by: Step(n: change, other: change), in: &graph, carrying: [.joint])
                }
                // Whole pupils moved with their scores or counts, where one quantity cannot move without the other;
                // only for the few ends the moves above leave, as the bundles cost a look at England's cell.
                if moves == nil { moves = meanCycle(moving: cell, quantity: quantity, by: change, in: graph) }
                if moves == nil {
                    for bundle in bundles(of: cell, moving: quantity, by: change) where moves == nil {
                        moves = witness(moving: cell, by: bundle, in: &graph, carrying: [.bundle(bundle)])
                    }
                }
                guard let moves else {
                    return quantity == .count ? .exposed : .unproved
                }
                for (member, step) in moves {
                    for (position, (q, delta)) in zip(quantities, [step.n, step.other]).enumerated() where delta != 0 {
                        observed[member, default: Reach()].include(model.value(q, of: member) + delta, at: position)
                    }
                }
            }
        }
        return .proved
    }

    /// How a cell's `n` and other quantity move together when one of them moves by `change`, or nil if they cannot.
    ///
    /// The other quantity follows only as far as the cell's own bounds make it:
    /// a count falls with an `n` that drops below it, an `n` rises with a count
    /// that passes it, a score sum stays within its range for the `n`.
    func step(of cell: CellReference, moving quantity: AuditQuantity, by change: Int64) -> Step? {
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
    func bounds(of cell: CellReference, n: Int64) -> Range<Int64> {
        guard let range = model.scoreRanges[cell.indicator] else { return 0..<(n + 1) }
        let lowest = Int64((range.lowerBound * Double(n)).rounded(.up))
        let highest = Int64((range.upperBound * Double(n)).rounded(.down))
        return lowest..<max(lowest, highest + 1)
    }

    /// How far `n` may move to carry a score sum before the search leaves the cell to the LP.
    static let longestStep: Int64 = 64

    /// One home block as a graph: its school rows, category columns and hidden cells as edges, with their room.
    struct BlockGraph {
        var rows: [Int]
        var columns: [Int]
        var edges: [CellReference] = []
        /// Edge e joins row node `ends[e].row` and column node `ends[e].column` (columns after the rows).
        var ends: [(row: Int, column: Int)] = []
        var incident: [[Int]]
        var index: [CellReference: Int] = [:]
        /// The edge at row r and column c (`r × columns.count + c`, columns counted from 0), or −1.
        var edgeAt: [Int] = []
        /// How far each edge's `n` may fall and rise, its other quantity held.
        var roomN: [(down: Int64, up: Int64)] = []
        /// Working space of ``CycleWitness/flow(of:from:to:in:range:)``, kept between flows so that each costs
        /// only the edges it reaches, not the whole block.
        var flows: [Int64] = []
        var ranges: [ClosedRange<Int64>?] = []
        /// Edges whose flow or range the last flow set.
        var touched: [Int] = []
        var via: [Int] = []
        var queue: [Int] = []

        init(around cell: CellReference, witness: CycleWitness) {
            let table = witness.model.table
            rows = table.units[table.units[cell.unit].parent!].children
            columns = Array(table.layout.slots(of: table.layout.categories[cell.category].breakdown))
            incident = Array(repeating: [], count: rows.count + columns.count)
            edgeAt = Array(repeating: -1, count: rows.count * columns.count)
            for (r, row) in rows.enumerated() {
                for (c, column) in columns.enumerated() {
                    let edge = CellReference(unit: row, category: column, indicator: cell.indicator)
                    guard table.status(edge).isSuppressed else { continue }
                    index[edge] = edges.count
                    edgeAt[r * columns.count + c] = edges.count
                    incident[r].append(edges.count)
                    incident[rows.count + c].append(edges.count)
                    ends.append((r, rows.count + c))
                    edges.append(edge)
                    roomN.append(witness.room(of: edge, n: true, after: Step(n: 0, other: 0)))
                }
            }
            flows = Array(repeating: 0, count: edges.count)
            ranges = Array(repeating: nil, count: edges.count)
            via = Array(repeating: -1, count: incident.count)
        }

        /// The node of a school's row.
        func node(ofRow unit: Int) -> Int? { rows.firstIndex(of: unit) }

        /// The node of a category's column.
        func node(ofColumn category: Int) -> Int? { columns.firstIndex(of: category).map { rows.count + $0 } }

        /// Moves by edge as moves of cells, in edge order.
        func moved(_ moves: [Int: Step]) -> [(CellReference, Step)] {
            moves.keys.sorted().map { (edges[$0], moves[$0]!) }
        }
    }

    /// Moves of other hidden cells that balance `cell` moved by `step` in its school and its LA's column, or nil.
    ///
    /// A move of the cell must be met in its row (its school's breakdown) and in
    /// its column (its LA's category), which is a flow from its row to its column
    /// over the other hidden cells of the block (see ``route(_:from:to:in:carrying:skipping:moves:)``).
    /// `carries` are routed in turn: by default `n` first, the other quantity
    /// held, then the other quantity within the bounds the new `n`s allow.
    /// ``Carry/joint`` moves a count and its `n` as one (the step's two parts
    /// equal), so a cell can fall as far as its count and rise without limit:
    /// every count stays within its `n`. ``Carry/bundle(_:)`` moves whole
    /// copies of the step.
    private func witness(moving cell: CellReference, by step: Step, in graph: inout BlockGraph,
                         carrying carries: [Carry] = [.n, .other]) -> [(CellReference, Step)]?
    {
        guard fits(cell, n: step.n, other: step.other), let own = graph.index[cell] else { return nil }
        var moves: [Int: Step] = [:]
        for carry in carries {
            let amount = carry.amount(of: step)
            guard amount == 0 || route(amount, from: graph.ends[own].row, to: graph.ends[own].column, in: &graph,
                                       carrying: carry, skipping: own, moves: &moves)
            else { return nil }
        }
        return [(cell, step)] + graph.moved(moves)
    }

    /// Which quantities a route moves.
    enum Carry: Equatable {
        /// `n` alone, the other quantity held.
        case n
        /// The other quantity alone, within the bounds of the `n`s already moved.
        case other
        /// A count and its `n` by the same amount.
        case joint
        /// Whole copies of one move of both quantities (pupils with their scores or counts); routed as a flow of one.
        case bundle(Step)

        /// What a route of this carry moves when a cell moves by `step`.
        func amount(of step: Step) -> Int64 {
            switch self {
            case .n, .joint: step.n
            case .other: step.other
            case .bundle: 1
            }
        }
    }

    /// Moves hidden cells of a graph so that a change of `amount` leaves the row `source` and reaches node `sink`.
    ///
    /// A flow over the graph's edges: a cell the flow crosses row → column
    /// moves by `−amount`'s sign, one it crosses column → row by its sign, and
    /// every node it passes through gains as much as it loses. So the source
    /// row's cells move by `−amount` in all, and the sink's by `−amount` if it
    /// is a column, `+amount` if a row; every other row and column is as it was.
    /// Each cell stays within its room for what the route carries; `skipping`
    /// is an edge held still. Augmenting paths are found breadth first, in
    /// layout and sibling order, so the same table always gives the same
    /// witnesses. Adds the moves to `moves` (by edge) and returns true, or
    /// returns false when no flow carries the whole amount.
    func route(_ amount: Int64, from source: Int, to sink: Int, in graph: inout BlockGraph, carrying carry: Carry,
               skipping held: Int?, moves: inout [Int: Step]) -> Bool
    {
        let sign: Int64 = amount > 0 ? 1 : -1
        let edges = graph.edges, roomN = graph.roomN
        let previous = moves
        guard let flows = flow(of: amount.magnitude, from: source, to: sink, in: &graph, range: { e in
            guard e != held else { return 0...0 }
            let room = room(of: edges[e], carrying: carry, roomN: roomN[e], after: previous[e] ?? Step(n: 0, other: 0))
            return sign > 0 ? -room.up...room.down : -room.down...room.up
        }) else {
            return false
        }
        for (e, flow) in flows {
            var move = moves[e] ?? Step(n: 0, other: 0)
            switch carry {
            case .n: move.n -= sign * flow
            case .other: move.other -= sign * flow
            case .joint:
                move.n -= sign * flow
                move.other -= sign * flow
            case .bundle(let bundle):
                move.n -= sign * flow * bundle.n
                move.other -= sign * flow * bundle.other
            }
            moves[e] = move
        }
        return true
    }

    /// How far an edge may fall and rise in what a route carries, after `moved`; `roomN` is its room for `n` alone.
    func room(of edge: CellReference, carrying carry: Carry, roomN: (down: Int64, up: Int64), after moved: Step)
        -> (down: Int64, up: Int64)
    {
        switch carry {
        case .joint: (model.value(.count, of: edge), Self.unlimited)
        case .n: roomN
        case .other: room(of: edge, n: false, after: moved)
        case .bundle(let bundle):
            (fits(edge, n: moved.n - bundle.n, other: moved.other - bundle.other) ? 1 : 0,
             fits(edge, n: moved.n + bundle.n, other: moved.other + bundle.other) ? 1 : 0)
        }
    }

    /// How far an edge may fall and rise in one quantity, the other at its value after `moved`.
    func room(of edge: CellReference, n isN: Bool, after moved: Step) -> (down: Int64, up: Int64) {
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
    static let unlimited: Int64 = 1 << 40

    /// A flow of `amount` from `source` (a row node) to `sink` (a column node) within each edge's range, or nil.
    ///
    /// Edmonds–Karp: shortest augmenting paths, each edge's flow kept within
    /// `range(e)`; the flows returned are by edge, zero where none passed.
    func flow(of amount: UInt64, from source: Int, to sink: Int, in graph: inout BlockGraph,
                      range: (Int) -> ClosedRange<Int64>) -> [(edge: Int, flow: Int64)]?
    {
        for e in graph.touched {
            graph.flows[e] = 0
            graph.ranges[e] = nil
        }
        graph.touched.removeAll(keepingCapacity: true)
        // Each edge's range is asked for only when a search first reaches the edge.
        func residual(_ e: Int, forward: Bool, in graph: inout BlockGraph) -> Int64 {
            let bounds: ClosedRange<Int64>
            if let known = graph.ranges[e] {
                bounds = known
            } else {
                bounds = range(e)
                graph.ranges[e] = bounds
                graph.touched.append(e)
            }
            return forward ? bounds.upperBound - graph.flows[e] : graph.flows[e] - bounds.lowerBound
        }
        // Most witnesses are one short path: row → column (→ row → column), or row → column → row. Looking for
        // one first visits a few cells where the search below visits most of the block.
        let whole = Int64(amount)
        if source < graph.rows.count {
            let columns = graph.columns.count
            let sinkIsRow = sink < graph.rows.count
            for first in graph.incident[source] where residual(first, forward: true, in: &graph) >= whole {
                let column = graph.ends[first].column - graph.rows.count
                var path: [(edge: Int, forward: Bool)]?
                if !sinkIsRow, graph.ends[first].column == sink {
                    path = [(first, true)]
                } else if sinkIsRow {
                    let back = graph.edgeAt[sink * columns + column]
                    if back >= 0, back != first, residual(back, forward: false, in: &graph) >= whole {
                        path = [(first, true), (back, false)]
                    }
                } else {
                    for last in graph.incident[sink] where last != first {
                        let row = graph.ends[last].row
                        let back = graph.edgeAt[row * columns + column]
                        guard row != source, back >= 0, residual(last, forward: true, in: &graph) >= whole,
                              residual(back, forward: false, in: &graph) >= whole
                        else { continue }
                        path = [(first, true), (back, false), (last, true)]
                        break
                    }
                }
                guard let path else { continue }
                for (e, forward) in path { graph.flows[e] += forward ? whole : -whole }
                return path.map { ($0.edge, graph.flows[$0.edge]) }
            }
        }
        var remaining = whole
        defer {
            for node in graph.queue { graph.via[node] = -1 }
            graph.queue.removeAll(keepingCapacity: true)
        }
        while remaining > 0 {
            for node in graph.queue { graph.via[node] = -1 }
            graph.queue.removeAll(keepingCapacity: true)
            graph.via[source] = Int.max
            graph.queue.append(source)
            var head = 0
            while head < graph.queue.count, graph.via[sink] < 0 {
                let node = graph.queue[head]
                head += 1
                for e in graph.incident[node] {
                    let forward = graph.ends[e].row == node
                    let next = forward ? graph.ends[e].column : graph.ends[e].row
                    guard graph.via[next] < 0, residual(e, forward: forward, in: &graph) > 0 else { continue }
                    graph.via[next] = e
                    graph.queue.append(next)
                }
            }
            guard graph.via[sink] >= 0 else { return nil }
            var bottleneck = remaining
            var node = sink
            while node != source {
                let e = graph.via[node]
                let forward = graph.ends[e].column == node
                bottleneck = min(bottleneck, residual(e, forward: forward, in: &graph))
                node = forward ? graph.ends[e].row : graph.ends[e].column
            }
            node = sink
            while node != source {
                let e = graph.via[node]
                let forward = graph.ends[e].column == node
                graph.flows[e] += forward ? bottleneck : -bottleneck
                node = forward ? graph.ends[e].row : graph.ends[e].column
            }
            remaining -= bottleneck
        }
        return graph.touched.compactMap { graph.flows[$0] != 0 ? ($0, graph.flows[$0]) : nil }
    }

    /// True when a cell moved by `n` and `other` stays within its own bounds.
    func fits(_ cell: CellReference, n: Int64, other: Int64) -> Bool {
        let quantities = model.quantities(indicator: cell.indicator)
        let newN = model.value(.respondents, of: cell) + n
        guard newN >= 0 else { return false }
        guard quantities.count > 1 else { return true }
        return bounds(of: cell, n: newN).contains(model.value(quantities[1], of: cell) + other)
    }

    /// A report entry whose ranges run from the true value out to the values the cycles reached.
    func entry(_ cell: CellReference, observed: Reach) -> AuditReport.Entry {
        let measures = model.quantities(indicator: cell.indicator).enumerated().map { position, quantity in
            let value = model.value(quantity, of: cell)
            let reached = observed[position].map { min($0.lowerBound, value)...max($0.upperBound, value) } ?? value...value
            return AuditReport.Measure(
                quantity: quantity, value: value,
                feasible: FeasibleRange(lower: .init(value: Double(reached.lowerBound), isExtreme: false),
                                        upper: .init(value: Double(reached.upperBound), isExtreme: false)),
                required: model.required(quantity, of: cell))
        }
        return AuditReport.Entry(cell: cell, status: model.table.status(cell), measures: measures)
    }
}
