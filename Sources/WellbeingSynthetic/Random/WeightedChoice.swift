/// A fixed set of outcomes with relative weights, drawn with one random number.
struct WeightedChoice: Sendable {
    /// Cumulative thresholds in 64-bit space; outcome `i` is drawn when the draw is below `thresholds[i]`.
    private let thresholds: [UInt64]

    /// Weights need not sum to one; zero-weight outcomes are never drawn.
    init(weights: [Double]) {
        let total = weights.reduce(0, +)
        precondition(total > 0 && weights.allSatisfy { $0 >= 0 }, "weights must be non-negative with a positive sum")
        var running = 0.0
        var thresholds: [UInt64] = []
        for weight in weights.dropLast() {
            running += weight
            thresholds.append(Probability(running / total).threshold)
        }
        thresholds.append(.max)
        self.thresholds = thresholds
    }

    /// The index of a drawn outcome.
    @inline(__always)
    func draw(using random: inout SeededRandom) -> Int {
        let value = random.next()
        var index = 0
        // The last threshold is .max, so the scan always stops inside the array.
        while value >= thresholds[index] && index < thresholds.count - 1 { index += 1 }
        return index
    }
}
