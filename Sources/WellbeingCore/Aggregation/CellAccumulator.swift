/// Running sums for every (category, indicator) cell of one geography.
///
/// This is the hinge of the pipeline: pupils fold into a school's accumulator
/// one at a time, and accumulators merge (school → LA → region → England, or
/// one return into another) by adding. Everything is an integer — scores are
/// in hundredths — so merging in any order gives identical results.
///
/// A finished accumulator can keep its counts in 16 bits (``narrow()``): a
/// table holds one per school for as long as it lives, and a school's counts
/// fit, so this halves the largest part of a table's memory.
public struct CellAccumulator: Sendable, Hashable {
    public let categoryCount: Int
    public let indicatorCount: Int
    /// `n` and `count` per cell, interleaved: cell c → [2c] = n, [2c + 1] = count; empty while narrowed.
    private var wideCounts: [UInt32]
    /// The same counts in 16 bits once narrowed, else empty.
    private var narrowCounts: [UInt16] = []
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
        wideCounts = Array(repeating: 0, count: 2 * categoryCount * kinds.count)
        sums = Array(repeating: 0, count: 2 * categoryCount * next)
    }

    /// An accumulator of this shape holding stored sums; nil when their lengths do not fit the shape.
    init?(categoryCount: Int, kinds: [IndicatorDefinition.Kind], counts: [UInt32], sums: [Int64]) {
        self.init(categoryCount: categoryCount, kinds: kinds)
        guard counts.count == wideCounts.count, sums.count == self.sums.count else { return nil }
        wideCounts = counts
        self.sums = sums
    }

    /// `n` and `count` per cell, interleaved: cell c → [2c] = n, [2c + 1] = count.
    public var counts: [UInt32] { narrowCounts.isEmpty ? wideCounts : narrowCounts.map(UInt32.init) }

    @inline(__always)
    private func count(at index: Int) -> Int {
        narrowCounts.isEmpty ? Int(wideCounts[index]) : Int(narrowCounts[index])
    }

    /// Keeps the counts in 16 bits when every one fits; adding to the accumulator later widens them again.
    public mutating func narrow() {
        guard narrowCounts.isEmpty, !wideCounts.isEmpty, let largest = wideCounts.max(), largest <= UInt16.max
        else { return }
        narrowCounts = wideCounts.map { UInt16(truncatingIfNeeded: $0) }
        wideCounts = []
    }

    /// Back to 32-bit counts before anything is added.
    @inline(__always)
    private mutating func widen() {
        guard !narrowCounts.isEmpty else { return }
        wideCounts = narrowCounts.map(UInt32.init)
        narrowCounts = []
    }

    @inline(__always)
    func cell(category: Int, indicator: Int) -> Int { category * indicatorCount + indicator }

    /// Respondents in the denominator of a cell.
    public func n(category: Int, indicator: Int) -> Int {
        count(at: 2 * cell(category: category, indicator: indicator))
    }

    /// Pupils in the numerator of a proportion cell (equals `n` for a count).
    public func count(category: Int, indicator: Int) -> Int {
        count(at: 2 * cell(category: category, indicator: indicator) + 1)
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
        widen()
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
                wideCounts[2 * cell(category: category, indicator: indicator)] += 1
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
        wideCounts[index] += 1
        wideCounts[index + 1] += step
    }

    /// Adds another accumulator of the same shape (school into LA, LA into region, …).
    public mutating func merge(_ other: CellAccumulator) {
        widen()
        precondition(other.wideCounts.count + other.narrowCounts.count == wideCounts.count
                     && other.sums.count == sums.count, "accumulators of different catalogues cannot merge")
        if other.narrowCounts.isEmpty {
            for i in wideCounts.indices { wideCounts[i] += other.wideCounts[i] }
        } else {
            for i in wideCounts.indices { wideCounts[i] += UInt32(other.narrowCounts[i]) }
        }
        for i in sums.indices { sums[i] += other.sums[i] }
    }

    /// Sets one cell's sums outright, for a table rebuilt from published files where no pupil is at hand.
    ///
    /// The sum of squares is left alone: a rebuilt table feeds the audit, never a standard deviation.
    mutating func set(category: Int, indicator: Int, n: Int, count: Int, scoreSum: Int64) {
        widen()
        let index = 2 * cell(category: category, indicator: indicator)
        wideCounts[index] = UInt32(n)
        wideCounts[index + 1] = UInt32(count)
        let slot = meanSlot[indicator]
        if slot >= 0 { sums[2 * (category * meanSlotCount + slot)] = scoreSum }
    }

    /// True when no pupil has been added.
    public var isEmpty: Bool { wideCounts.allSatisfy { $0 == 0 } && narrowCounts.allSatisfy { $0 == 0 } }

    /// Equal when every count and sum is, however the counts are kept.
    public static func == (lhs: CellAccumulator, rhs: CellAccumulator) -> Bool {
        lhs.categoryCount == rhs.categoryCount && lhs.meanSlot == rhs.meanSlot && lhs.sums == rhs.sums
            && (lhs.narrowCounts.isEmpty == rhs.narrowCounts.isEmpty
                ? lhs.wideCounts == rhs.wideCounts && lhs.narrowCounts == rhs.narrowCounts
                : lhs.counts == rhs.counts)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(categoryCount)
        hasher.combine(meanSlot)
        hasher.combine(counts)
        hasher.combine(sums)
    }
}
