/// Running sums for every (category, indicator) cell of one geography.
///
/// This is the hinge of the pipeline: pupils fold into a school's accumulator
/// one at a time, and accumulators merge (school → LA → region → England, or
/// one return into another) by adding. Everything is an integer — scores are
/// in hundredths — so merging in any order gives identical results.
public struct CellAccumulator: Sendable, Hashable {
    public let categoryCount: Int
    public let indicatorCount: Int
    /// `n` and `count` per cell, interleaved: cell c → [2c] = n, [2c + 1] = count.
    public private(set) var counts: [UInt32]
    /// Sum and sum of squares of hundredths per cell of a mean indicator (others stay 0).
    public private(set) var sums: [Int64]
    /// Which indicators are means (their cells carry sums).
    private let meanSlot: [Int]

    /// An empty accumulator shaped for a catalogue and category layout.
    public init(categoryCount: Int, kinds: [IndicatorDefinition.Kind]) {
        self.categoryCount = categoryCount
        self.indicatorCount = kinds.count
        var slots: [Int] = []
        var next = 0
        for kind in kinds {
            if kind == .mean { slots.append(next); next += 1 } else { slots.append(-1) }
        }
        meanSlot = slots
        counts = Array(repeating: 0, count: 2 * categoryCount * kinds.count)
        sums = Array(repeating: 0, count: 2 * categoryCount * next)
    }

    /// An accumulator of this shape holding stored sums; nil when their lengths do not fit the shape.
    init?(categoryCount: Int, kinds: [IndicatorDefinition.Kind], counts: [UInt32], sums: [Int64]) {
        self.init(categoryCount: categoryCount, kinds: kinds)
        guard counts.count == self.counts.count, sums.count == self.sums.count else { return nil }
        self.counts = counts
        self.sums = sums
    }

    @inline(__always)
    func cell(category: Int, indicator: Int) -> Int { category * indicatorCount + indicator }

    /// Respondents in the denominator of a cell.
    public func n(category: Int, indicator: Int) -> Int {
        Int(counts[2 * cell(category: category, indicator: indicator)])
    }

    /// Pupils in the numerator of a proportion cell (equals `n` for a count).
    public func count(category: Int, indicator: Int) -> Int {
        Int(counts[2 * cell(category: category, indicator: indicator) + 1])
    }

    /// Sum and sum of squares of a mean cell's scores, in hundredths.
    public func scoreSums(category: Int, indicator: Int) -> (sum: Int64, sumOfSquares: Int64) {
        let slot = meanSlot[indicator]
        guard slot >= 0 else { return (0, 0) }
        let base = 2 * (category * meanSlotCount + slot)
        return (sums[base], sums[base + 1])
    }

    private var meanSlotCount: Int { sums.count / max(1, 2 * categoryCount) }

    /// Adds one pupil's outcome for one indicator to the cells of its categories.
    @inline(__always)
    public mutating func add(_ outcome: IndicatorOutcome, indicator: Int, categories: (Int, Int, Int?, Int, Int, Int)) {
        switch outcome {
        case .excluded:
            return
        case .counted(let inNumerator):
            let step: UInt32 = inNumerator ? 1 : 0
            bump(categories.0, indicator, step)
            bump(categories.1, indicator, step)
            if let year = categories.2 { bump(year, indicator, step) }
            bump(categories.3, indicator, step)
            bump(categories.4, indicator, step)
            bump(categories.5, indicator, step)
        case .score(let value):
            let slot = meanSlot[indicator]
            let square = value * value
            let stride = meanSlotCount
            func addScore(_ category: Int) {
                counts[2 * cell(category: category, indicator: indicator)] += 1
                let base = 2 * (category * stride + slot)
                sums[base] += value
                sums[base + 1] += square
            }
            addScore(categories.0)
            addScore(categories.1)
            if let year = categories.2 { addScore(year) }
            addScore(categories.3)
            addScore(categories.4)
            addScore(categories.5)
        }
    }

    @inline(__always)
    private mutating func bump(_ category: Int, _ indicator: Int, _ step: UInt32) {
        let index = 2 * cell(category: category, indicator: indicator)
        counts[index] += 1
        counts[index + 1] += step
    }

    /// Adds another accumulator of the same shape (school into LA, LA into region, …).
    public mutating func merge(_ other: CellAccumulator) {
        precondition(other.counts.count == counts.count && other.sums.count == sums.count,
                     "accumulators of different catalogues cannot merge")
        for i in counts.indices { counts[i] += other.counts[i] }
        for i in sums.indices { sums[i] += other.sums[i] }
    }

    /// Sets one cell's sums outright, for a table rebuilt from published files where no pupil is at hand.
    ///
    /// The sum of squares is left alone: a rebuilt table feeds the audit, never a standard deviation.
    mutating func set(category: Int, indicator: Int, n: Int, count: Int, scoreSum: Int64) {
        let index = 2 * cell(category: category, indicator: indicator)
        counts[index] = UInt32(n)
        counts[index + 1] = UInt32(count)
        let slot = meanSlot[indicator]
        if slot >= 0 { sums[2 * (category * meanSlotCount + slot)] = scoreSum }
    }

    /// True when no pupil has been added.
    public var isEmpty: Bool { counts.allSatisfy { $0 == 0 } }
}
