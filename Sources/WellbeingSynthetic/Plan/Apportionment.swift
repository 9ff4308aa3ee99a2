/// Splits a whole number into parts proportional to weights, exactly (largest remainder).
enum Apportionment {
    /// Parts summing to `total`, each within `minimum...maximum`, otherwise as close to
    /// proportional to `weights` as whole numbers allow. Ties go to the earlier part,
    /// so the result is deterministic.
    ///
    /// Requires `weights.count * minimum <= total <= weights.count * maximum`.
    static func split(_ total: Int, weights: [Double], minimum: Int = 0, maximum: Int = .max) -> [Int] {
        let count = weights.count
        precondition(count > 0 && count * minimum <= total, "not enough to give every part its minimum")
        precondition(maximum == .max || total <= count * maximum, "too much for every part's maximum")
        var parts = Array(repeating: minimum, count: count)
        var open = Array(0..<count)
        var remaining = total - count * minimum
        // A part that would pass its maximum is capped and leaves the split; the
        // rest is shared again among the others.
        while remaining > 0 {
            let weightSum = open.reduce(0.0) { $0 + max(weights[$1], 0) }
            var shares: [(index: Int, fraction: Double)] = []
            var given = 0
            for index in open {
                let exact = weightSum > 0 ? Double(remaining) * max(weights[index], 0) / weightSum
                    : Double(remaining) / Double(open.count)
                let whole = Int(exact)
                parts[index] += whole
                given += whole
                shares.append((index, exact - Double(whole)))
            }
            shares.sort { $0.fraction != $1.fraction ? $0.fraction > $1.fraction : $0.index < $1.index }
            for share in shares.prefix(remaining - given) { parts[share.index] += 1 }
            remaining = 0
            var stillOpen: [Int] = []
            for index in open {
                if parts[index] > maximum {
                    remaining += parts[index] - maximum
                    parts[index] = maximum
                } else if parts[index] < maximum {
                    stillOpen.append(index)
                }
            }
            open = stillOpen
        }
        return parts
    }
}
