/// Chooses further cells to hide when the audit finds a primary cell exposed, losing as little as it can.
///
/// A hidden value can only move if every relation it sits in can absorb the
/// move, which takes a cycle of hidden cells: a school's cell moves with
/// another category at the same school, and both with the same two categories
/// at another school of the LA. For each exposed end the chooser finds the
/// cheapest such cycle through the cell in its geography's sibling table
/// (siblings × the cell's breakdown; for a total, a sibling's total with one
/// category per breakdown at both). Hidden cells cost nothing; a published cell
/// costs its `n`, half that when the same row is already hidden for another
/// indicator; a total is never used where a category will do. A cell the cycle
/// takes from must hold at least the protection wanted. With no cycle among
/// siblings (an only child, or a lone category) the parent cell is protected
/// instead; at the top, the cheapest published cell of each relation is taken.
/// Ties break on position, so the same table always gets the same pattern.
struct ComplementarySuppression {
    private enum Direction { case up, down }

    private let model: AttackerModel

    init(model: AttackerModel) { self.model = model }

    /// Hides cells for every exposed end of `exposed`.
    func cover(_ exposed: [AuditReport.Entry], in table: inout IndicatorTable) {
        for entry in exposed {
            for measure in entry.measures where !measure.isProtected {
                let required = measure.required!
                if measure.feasible.upper.value
                    < Double(required.upperBound) - FeasibleRange.tolerance(required.upperBound) {
                    open(entry.cell, measure.quantity, .up, need: required.upperBound - measure.value, in: &table)
                }
                if measure.feasible.lower.value
                    > Double(required.lowerBound) + FeasibleRange.tolerance(required.lowerBound) {
                    open(entry.cell, measure.quantity, .down, need: measure.value - required.lowerBound, in: &table)
                }
            }
        }
    }

    /// Opens, for every cell still exposed after its cycles, the nearest ancestor that does not yet carry its need.
    ///
    /// The fallback when the cycles through a cell's siblings are all hidden and
    /// still too tight (tiny siblings can absorb only a little, or a whole column
    /// counts nobody): the parent's cell frees the whole sibling relation at once,
    /// and carrying the cell's need it makes the floor find room for it among the
    /// parent's own relations. A parent already carrying the need passes it to
    /// its own parent. It costs more than a cycle, so it is used only for cells a
    /// round of cycles did not protect. At the top, the `breadth` cheapest
    /// published cells of each relation around the cell are hidden instead, parts
    /// before totals (a cell stuck round after round asks for more each time, so
    /// the rounds stay few).
    func widen(_ exposed: [AuditReport.Entry], in table: inout IndicatorTable,
               needs: inout [CellReference: ProtectionNeed], breadth: (CellReference) -> Int = { _ in 1 })
    {
        for entry in exposed {
            if let (up, need) = ancestorToOpen(for: entry.cell, in: table, needs: needs) {
                needs[up] = need
                hide([up], in: &table)
            } else {
                hide(nearest(entry.cell, breadth: breadth(entry.cell), in: table), in: &table)
            }
        }
    }

    /// Hides, for each category cell no cycle or ancestor has protected, partner categories at its unit and at every
    /// ancestor; returns the cells it hid something for.
    ///
    /// The cell then moves against its partners at every level at once, each
    /// unit's total and England's held (a vertical cycle), which needs no
    /// sibling with room anywhere: the way out for a column that counts nobody
    /// in the whole LA. Partners are taken cheapest first until, at every level,
    /// they have room together for the cell's protection (`n` beyond their
    /// count, and for a proportion count, to give); where even every category
    /// falls short, all are taken, the most room there is.
    func pairUp(_ exposed: [AuditReport.Entry], in table: inout IndicatorTable) -> Set<CellReference> {
        var paired = Set<CellReference>()
        for entry in exposed where entry.cell.category != 0 {
            let cell = entry.cell
            let need = ProtectionNeed(own: cell, in: table, policy: model.policy)
            let isProportion = table.catalogue.indicators[cell.indicator].kind == .proportion
            var chain = [cell.unit]
            while let parent = table.units[chain.last!].parent { chain.append(parent) }
            let slots = table.layout.slots(of: table.layout.categories[cell.category].breakdown)
                .filter { $0 != cell.category }
                .map { slot in chain.map { CellReference(unit: $0, category: slot, indicator: cell.indicator) } }
                .filter { partners in partners.allSatisfy { table.status($0) != .empty } }
                .sorted { $0.reduce(0) { $0 + cost($1, in: table) } < $1.reduce(0) { $0 + cost($1, in: table) } }
            var room = [ProtectionNeed](repeating: ProtectionNeed(n: 0, count: 0), count: chain.count)
            var chosen: [CellReference] = []
            for partners in slots where !room.allSatisfy({ $0.covers(need) }) {
                chosen += partners
                for (level, partner) in partners.enumerated() {
                    let n = Int(model.value(.respondents, of: partner))
                    let count = isProportion ? Int(model.value(.count, of: partner)) : 0
                    room[level] = ProtectionNeed(n: room[level].n + n - count, count: room[level].count + count)
                }
            }
            let own = chain.map { CellReference(unit: $0, category: cell.category, indicator: cell.indicator) }
            if hide(chosen + own, in: &table) > 0 { paired.insert(cell) }
        }
        return paired
    }

    /// True when ``widen(_:in:needs:)`` would open an ancestor for `cell`, not just hide cells next to it.
    func canWiden(_ cell: CellReference, in table: IndicatorTable, needs: [CellReference: ProtectionNeed]) -> Bool {
        ancestorToOpen(for: cell, in: table, needs: needs) != nil
    }

    /// The nearest ancestor cell that is published or does not yet carry `cell`'s need, with the need it should carry.
    private func ancestorToOpen(for cell: CellReference, in table: IndicatorTable,
                                needs: [CellReference: ProtectionNeed]) -> (CellReference, ProtectionNeed)?
    {
        let need = ProtectionNeed(own: cell, in: table, policy: model.policy)
        var ancestor = table.units[cell.unit].parent
        while let unit = ancestor {
            let up = CellReference(unit: unit, category: cell.category, indicator: cell.indicator)
            let held = needs[up] ?? (table.status(up).isPrimary
                ? ProtectionNeed(own: up, in: table, policy: model.policy) : ProtectionNeed(n: 0, count: 0))
            if !table.status(up).isSuppressed || !held.covers(need) { return (up, held.union(need)) }
            ancestor = table.units[unit].parent
        }
        return nil
    }

    /// Gives one cell room to move by `need` in one direction; returns how many cells it hid.
    @discardableResult
    private func open(_ exposed: CellReference, _ quantity: AuditQuantity, _ direction: Direction, need: Int64,
                      in table: inout IndicatorTable) -> Int
    {
        var cell = exposed
        var hidden = 0
        while let parent = table.units[cell.unit].parent {
            if cell.category == 0 {
                if let cycle = totalCycle(cell, parent: parent, quantity, direction, need: need, in: table) {
                    let added = hide(cycle, in: &table)
                    if added > 0 { return hidden + added }
                }
            } else {
                // A cycle of hidden cells the audit found too tight has spent the cells it takes from: avoid them.
                var spent = Set<CellReference>()
                while let cycle = categoryCycle(cell, parent: parent, quantity, direction, need: need, avoiding: spent,
                                                in: table) {
                    let added = hide(cycle.map(\.cell), in: &table)
                    if added > 0 { return hidden + added }
                    let taken = cycle.filter(\.takes).map(\.cell)
                    guard !spent.isSuperset(of: taken) else { break }
                    spent.formUnion(taken)
                }
            }
            // No usable cycle among siblings: the cell moves only with its parent, so protect the parent.
            cell = CellReference(unit: parent, category: cell.category, indicator: cell.indicator)
            hidden += hide([cell], in: &table)
        }
        return hidden + hide(nearest(cell, breadth: 1, in: table), in: &table)
    }

    /// The cheapest cycle through a category cell in its siblings × breakdown table, or nil.
    ///
    /// Rows are siblings (their breakdown relation), columns are categories (the
    /// parent's relation for that category), cells are edges. Moving the cell
    /// up, its row needs another cell to give way and its column needs a cell
    /// to give way too, so the path runs from its row to its column, taking
    /// from cells when it goes row → column and adding to them when it goes
    /// column → row (the other way round for a move down).
    private func categoryCycle(_ cell: CellReference, parent: Int, _ quantity: AuditQuantity, _ direction: Direction,
                               need: Int64, avoiding spent: Set<CellReference>, in table: IndicatorTable)
        -> [(cell: CellReference, takes: Bool)]?
    {
        let rows = table.units[parent].children
        let columns = Array(table.layout.slots(of: table.layout.categories[cell.category].breakdown))
        guard let source = rows.firstIndex(of: cell.unit), let goal = columns.firstIndex(of: cell.category) else {
            return nil
        }
        // Nodes: rows 0..<rows.count, then columns.
        let nodeCount = rows.count + columns.count
        var distance = [Double](repeating: .infinity, count: nodeCount)
        var via = [(cell: CellReference, takes: Bool)?](repeating: nil, count: nodeCount)
        var previous = [Int](repeating: -1, count: nodeCount)
        var done = [Bool](repeating: false, count: nodeCount)
        distance[source] = 0
        var queue = NodeQueue()
        queue.push(source, at: 0)
        let target = rows.count + goal
        while true {
            guard let (reached, node) = queue.pop() else { return nil }
            guard !done[node], reached == distance[node] else { continue }
            if node == target { break }
            done[node] = true
            let fromRow = node < rows.count
            // Going row → column takes from the cell when moving up, adds to it when moving down.
            let takes = fromRow == (direction == .up)
            for other in 0..<(fromRow ? columns.count : rows.count) {
                let (r, c) = fromRow ? (node, other) : (other, node - rows.count)
                let edge = CellReference(unit: rows[r], category: columns[c], indicator: cell.indicator)
                let next = fromRow ? rows.count + c : r
                guard !done[next], edge != cell, table.status(edge) != .empty,
                      !takes || (model.value(quantity, of: edge) >= need && !spent.contains(edge)) else { continue }
                let candidate = distance[node] + cost(edge, in: table)
                if candidate < distance[next] {
                    distance[next] = candidate
                    via[next] = (edge, takes)
                    previous[next] = node
                    queue.push(next, at: candidate)
                }
            }
        }
        var path: [(cell: CellReference, takes: Bool)] = []
        var node = target
        while node != source, let edge = via[node] {
            path.append(edge)
            node = previous[node]
        }
        return path.reversed()
    }

    /// The cheapest cycle through a total: a sibling's total, and in every breakdown one category at both.
    private func totalCycle(_ cell: CellReference, parent: Int, _ quantity: AuditQuantity, _ direction: Direction,
                            need: Int64, in table: IndicatorTable) -> [CellReference]?
    {
        // Moving the total up, the sibling's total and the sibling's categories give way (down: the cell's own).
        func usable(_ cell: CellReference, takes: Bool) -> Bool {
            table.status(cell) != .empty && (!takes || model.value(quantity, of: cell) >= need)
        }
        var best: (cost: Double, cells: [CellReference])?
        for sibling in table.units[parent].children where sibling != cell.unit {
            let total = CellReference(unit: sibling, category: 0, indicator: cell.indicator)
            guard usable(total, takes: direction == .up) else { continue }
            var cells = [total]
            var cost = cost(total, in: table)
            for breakdown in Breakdown.filters {
                let pairs = table.layout.slots(of: breakdown).compactMap { slot -> (Double, [CellReference])? in
                    let own = CellReference(unit: cell.unit, category: slot, indicator: cell.indicator)
                    let theirs = CellReference(unit: sibling, category: slot, indicator: cell.indicator)
                    guard usable(own, takes: direction == .down), usable(theirs, takes: direction == .up) else {
                        return nil
                    }
                    return (self.cost(own, in: table) + self.cost(theirs, in: table), [own, theirs])
                }
                guard let cheapest = pairs.min(by: { $0.0 < $1.0 }) else { cost = .infinity; break }
                cost += cheapest.0
                cells += cheapest.1
            }
            if cost < (best?.cost ?? .infinity) { best = (cost, cells) }
        }
        return best?.cells
    }

    /// For a cell with no siblings: the cheapest published cell of each relation it sits in, else further out.
    private func nearest(_ cell: CellReference, breadth: Int, in table: IndicatorTable) -> [CellReference] {
        var frontier = [cell]
        var seen: Set<CellReference> = [cell]
        while !frontier.isEmpty {
            var chosen: [CellReference] = []
            var hiddenMembers: [CellReference] = []
            for member in frontier {
                for key in table.relationKeys(containing: member) {
                    let relation = table.relation(key)
                    // Parts before the total: a total only where no part is published.
                    let candidates = relation.parts.filter { !table.status($0).isSuppressed }
                        + (table.status(relation.total).isSuppressed ? [] : [relation.total])
                    chosen += candidates.sorted { cost($0, in: table) < cost($1, in: table) }.prefix(breadth)
                    for other in [relation.total] + relation.parts
                    where table.status(other).isSuppressed && seen.insert(other).inserted {
                        hiddenMembers.append(other)
                    }
                }
            }
            if !chosen.isEmpty { return chosen }
            // Far out, a published cell helps little and the search would walk every hidden cell linked to this one.
            guard seen.count < Self.searchLimit else { return [] }
            frontier = hiddenMembers
        }
        return []
    }

    /// What hiding a cell costs readers: nothing if hidden, else its `n`, halved when hidden for another indicator.
    private func cost(_ cell: CellReference, in table: IndicatorTable) -> Double {
        let status = table.status(cell)
        guard !status.isSuppressed else { return 0 }
        var cost = Double(table.n(cell))
        if table.isHiddenForAnotherIndicator(cell) { cost /= 2 }
        if cell.category == 0 { cost *= Self.totalPenalty }
        return cost
    }

    /// Hidden cells `nearest` looks through before giving up.
    private static let searchLimit = 256

    /// How much dearer a total is than a category of the same size: a total is used only where nothing else will do.
    private static let totalPenalty = 1_000.0

    /// Marks the published cells among `cells` as secondary; returns how many.
    @discardableResult
    private func hide(_ cells: [CellReference], in table: inout IndicatorTable) -> Int {
        var hidden = 0
        for cell in cells where table.status(cell) == .published {
            table.setStatus(.secondary, cell)
            hidden += 1
        }
        return hidden
    }
}
