/// A part of one indicator's table that the audit solves as one: some hidden cells, every other cell known.
///
/// Giving the attacker the true values of hidden cells outside the block only
/// makes the attacker stronger, so a cell protected within its block is
/// protected in the whole table. A cell is first audited in its *home* block:
/// its geography's siblings and everything below them, in the cell's breakdown
/// (every category, for a total). That is where the cycles that protect it run
/// (a school's cell is covered by other schools of its LA), and it keeps each
/// LP small; the whole indicator is the block used to confirm an exposure.
struct AuditBlock: Hashable, Sendable, Comparable {
    var indicator: Int
    /// The unit whose descendants the block covers.
    var scope: Int
    /// The breakdown whose categories the block covers; nil for every category, totals included.
    var breakdown: Breakdown?
    /// Whether the scope's own cells are in the block (only when the cell audited is at the top).
    var includesScope: Bool
    /// The two children of the scope whose descendants are in the block; the other children bring only their own
    /// cells. Nil for every child's descendants.
    var pair: Pair?
    /// The schools whose cells are in the block, in unit order; other schools' cells are held at their true values.
    /// Nil for every school.
    var neighbours: [Int]?

    /// Two children of a block's scope: the audited cell's branch and the one chosen to move against it.
    struct Pair: Hashable, Sendable {
        var own: Int
        var partner: Int
    }

    /// The home block of a hidden cell.
    init(home cell: CellReference, in table: IndicatorTable) {
        indicator = cell.indicator
        breakdown = cell.category == 0 ? nil : table.layout.categories[cell.category].breakdown
        if let parent = table.units[cell.unit].parent {
            scope = parent
            includesScope = false
        } else {
            scope = cell.unit
            includesScope = true
        }
    }

    /// A hidden cell's family block: its geography's siblings and everything below them, in every category.
    ///
    /// Where the home block holds a hidden total at its true value, the family
    /// block lets it move with the other breakdowns that share it.
    init(family cell: CellReference, in table: IndicatorTable) {
        self.init(home: CellReference(unit: cell.unit, category: 0, indicator: cell.indicator), in: table)
    }

    /// A hidden cell's parent's family block narrowed to two branches, or nil where the parent is at the top.
    ///
    /// The parent's family block for a school cell spans a whole region; most
    /// cells that need their LA to move are covered by one other LA moving
    /// against it. This block keeps the parent's branch and `partner`'s whole,
    /// and only the own cells of the parent's other siblings (their
    /// descendants held at their true values): a fraction of the region.
    init?(pair cell: CellReference, partner: Int, in table: IndicatorTable) {
        guard let parent = table.units[cell.unit].parent else { return nil }
        self.init(family: CellReference(unit: parent, category: cell.category, indicator: cell.indicator), in: table)
        guard !includesScope else { return nil }
        pair = Pair(own: parent, partner: partner)
    }

    /// For each family (a parent and an indicator) of the given cells' parents, the parent's sibling with the most
    /// hidden cells among its children: the branch most likely to move against it.
    static func partners(for cells: some Sequence<CellReference>, in table: IndicatorTable) -> [AuditFamily: Int] {
        var hidden: [AuditFamily: Int] = [:]
        func hiddenBelow(_ unit: Int, _ indicator: Int) -> Int {
            let family = AuditFamily(parent: unit, indicator: indicator)
            if let known = hidden[family] { return known }
            let count = table.units[unit].children.reduce(0) { sum, child in
                sum + (0..<table.layout.count).count { table.units[child].status(category: $0, indicator: indicator).isSuppressed }
            }
            hidden[family] = count
            return count
        }
        var partners: [AuditFamily: Int] = [:]
        for cell in cells {
            guard let parent = table.units[cell.unit].parent, let scope = table.units[parent].parent else { continue }
            let family = AuditFamily(parent: parent, indicator: cell.indicator)
            guard partners[family] == nil else { continue }
            // Most hidden first, then the first in sibling order: the same table always gets the same partner.
            let siblings = table.units[scope].children.filter { $0 != parent }
            if let best = siblings.max(by: { hiddenBelow($0, cell.indicator) < hiddenBelow($1, cell.indicator) }) {
                partners[family] = siblings.first { hiddenBelow($0, cell.indicator) == hiddenBelow(best, cell.indicator) }
            }
        }
        return partners
    }

    /// A school cell's family block narrowed to its school and the `count` schools most able to move against it.
    ///
    /// A school whose total is hidden moves its categories with every
    /// breakdown, so its cell may need its whole LA in every category; an
    /// LA's family block can hold tens of thousands of columns. Most such
    /// cells are covered by a few schools that hide the same categories:
    /// this block keeps the schools hiding most of the cell's school's hidden
    /// cells (ties in unit order) and holds the rest at their true values.
    /// Nil where the LA has no more than `count` other schools (the family block is as small).
    init?(neighbourhood cell: CellReference, count: Int, in table: IndicatorTable) {
        guard table.units[cell.unit].children.isEmpty, let parent = table.units[cell.unit].parent,
              table.units[parent].children.count > count + 1 else { return nil }
        self.init(family: cell, in: table)
        neighbours = Self.neighbours(of: cell, count: count, in: table)
    }

    /// This block with only the given schools' cells free (see ``neighbours``).
    func narrowed(to schools: [Int]?) -> AuditBlock {
        var block = self
        block.neighbours = schools
        return block
    }

    /// A school cell's school and the `count` other schools of its LA hiding most of its school's hidden cells.
    private static func neighbours(of cell: CellReference, count: Int, in table: IndicatorTable) -> [Int] {
        let parent = table.units[cell.unit].parent!
        let school = table.units[cell.unit]
        let hidden = (0..<table.layout.count).filter { school.status(category: $0, indicator: cell.indicator).isSuppressed }
        let others = table.units[parent].children.filter { $0 != cell.unit }
        let shared = others.map { other in
            hidden.count { table.units[other].status(category: $0, indicator: cell.indicator).isSuppressed }
        }
        let chosen = others.indices.sorted { shared[$0] != shared[$1] ? shared[$0] > shared[$1] : $0 < $1 }
            .prefix(count).map { others[$0] }
        return (chosen + [cell.unit]).sorted()
    }

    /// A category cell's tree block: every geography, in the cell's breakdown; nil for a total.
    ///
    /// The last screen before the whole indicator: a cell kept exposed in its
    /// parent's family block often moves only with categories far up the tree
    /// (a column that counts nobody in the whole LA), which this block reaches
    /// with the totals, a fifth of the hidden cells, held fixed.
    init?(tree cell: CellReference, in table: IndicatorTable) {
        guard cell.category != 0 else { return nil }
        self.init(indicator: cell.indicator, scope: 0, breakdown: table.layout.categories[cell.category].breakdown,
                  includesScope: true)
    }

    /// Every cell of one indicator (unit 0 is England): confirming an exposure holds nothing fixed.
    static func whole(indicator: Int) -> AuditBlock {
        AuditBlock(indicator: indicator, scope: 0, breakdown: nil, includesScope: true)
    }

    private init(indicator: Int, scope: Int, breakdown: Breakdown?, includesScope: Bool) {
        self.indicator = indicator
        self.scope = scope
        self.breakdown = breakdown
        self.includesScope = includesScope
    }

    /// The hidden cells of the block, scope first and then depth first, categories in layout order.
    func hiddenCells(in table: IndicatorTable) -> [CellReference] {
        let slots = breakdown.map { Array(table.layout.slots(of: $0)) } ?? Array(0..<table.layout.count)
        var cells: [CellReference] = []
        var stack = includesScope ? [scope] : table.units[scope].children.reversed()
        while let unit = stack.popLast() {
            if let neighbours, table.units[unit].children.isEmpty, !neighbours.contains(unit) { continue }
            for slot in slots where table.units[unit].status(category: slot, indicator: indicator).isSuppressed {
                cells.append(CellReference(unit: unit, category: slot, indicator: indicator))
            }
            if let pair, unit != pair.own, unit != pair.partner, table.units[unit].parent == scope { continue }
            stack.append(contentsOf: table.units[unit].children.reversed())
        }
        return cells
    }

    static func < (lhs: Self, rhs: Self) -> Bool {
        let (left, right) = (lhs.sortKey, rhs.sortKey)
        return left != right ? left < right : (lhs.neighbours ?? []).lexicographicallyPrecedes(rhs.neighbours ?? [])
    }

    private var sortKey: (Int, Int, Int, Int, Int, Int) {
        (indicator, scope, breakdown.map { Breakdown.filters.firstIndex(of: $0)! } ?? -1, includesScope ? 1 : 0,
         pair?.own ?? -1, pair?.partner ?? -1)
    }
}

/// A unit and an indicator: the cells of one unit's children for one indicator.
struct AuditFamily: Hashable, Sendable, Comparable {
    var parent: Int
    var indicator: Int

    static func < (lhs: Self, rhs: Self) -> Bool { (lhs.parent, lhs.indicator) < (rhs.parent, rhs.indicator) }
}
