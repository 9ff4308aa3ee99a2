internal import WellbeingCore

/// Finds how far each target of one attacker problem can move — as far as the audit needs, and no further.
///
/// Proving a cell protected needs no extremes, only solutions that reach both ends
/// of its protection interval. So the finder pushes every target still short of an
/// end at once: each is capped at that end (so none overshoots at the others'
/// expense) and weighted by its interval's width, the LP maximises (or minimises)
/// their sum, and the optimal vertex is a witness for every end it reaches. This
/// repeats while it makes progress; the ends still short are then solved one at a
/// time to their extremes, which is the exact shortfall an exposed cell reports
/// (skipped for a problem that only screens cells for a wider block).
/// One GLPK problem serves throughout — only bounds and objective change — so each
/// solve starts from the last basis.
struct FeasibleRangeFinder {
    private enum Side { case lower, upper }

    private let targets: [AttackerProblem.Target]
    private let needsExtremes: Bool
    private let lp: GLPKProblem
    private var ends: [FeasibleRange]
    /// Targets whose lower (upper) end has not yet reached the protection interval.
    private var short: (lower: [Int], upper: [Int])

    init(_ problem: AttackerProblem) {
        targets = problem.targets
        needsExtremes = problem.needsExtremes
        lp = GLPKProblem(problem)
        // The true table is a solution, so every true value is a witness to start from.
        ends = targets.map { target in
            let value = Double(target.value)
            return FeasibleRange(lower: .init(value: value, isExtreme: false),
                                 upper: .init(value: value, isExtreme: false))
        }
        short = ([], [])
        updateShortfalls()
    }

    /// The feasible range of every target, in the problem's order.
    mutating func run() -> Result<[FeasibleRange], GLPKError> {
        var progress = true
        while progress && !(short.lower.isEmpty && short.upper.isEmpty) {
            progress = false
            for side in [Side.upper, .lower] where !shortList(side).isEmpty {
                switch push(side) {
                case .success(let advanced): progress = progress || advanced
                case .failure(let error): return .failure(error)
                }
            }
        }
        // A screening problem's short ends are audited again in a wider block: its witnesses are enough.
        for side in [Side.upper, .lower] where needsExtremes {
            for target in shortList(side) where shortList(side).contains(target) {
                if case .failure(let error) = extreme(target, side) { return .failure(error) }
            }
        }
        return .success(ends)
    }

    /// One joint push of every target short on `side`; true when it brought any end within reach.
    private mutating func push(_ side: Side) -> Result<Bool, GLPKError> {
        let pushed = shortList(side)
        for t in pushed {
            let target = targets[t], required = target.required!
            let width = Double(max(1, required.upperBound - required.lowerBound))
            switch side {
            case .upper: lp.setColumnBounds(target.column, lower: 0, upper: Double(required.upperBound))
            case .lower: lp.setColumnBounds(target.column, lower: Double(required.lowerBound), upper: .infinity)
            }
            lp.setObjectiveCoefficient(target.column, 1 / width)
        }
        lp.setMaximizing(side == .upper)
        let outcome = lp.solve()
        if case .success = outcome { observe() }
        for t in pushed {
            lp.setColumnBounds(targets[t].column, lower: 0, upper: .infinity)
            lp.setObjectiveCoefficient(targets[t].column, 0)
        }
        let before = short.lower.count + short.upper.count
        updateShortfalls()
        return outcome.map { _ in short.lower.count + short.upper.count < before }
    }

    /// Solves one target's end to its extreme.
    private mutating func extreme(_ t: Int, _ side: Side) -> Result<Void, GLPKError> {
        let column = targets[t].column
        lp.setObjectiveCoefficient(column, 1)
        lp.setMaximizing(side == .upper)
        defer { lp.setObjectiveCoefficient(column, 0) }
        return lp.solve().map { outcome in
            if outcome == .unbounded, side == .upper {
                ends[t].upper = .init(value: .infinity, isExtreme: true)
            } else {
                observe()
            }
            // Marked only when short: an end that reaches its requirement is a witness whatever the
            // problem, while the extreme of a block that holds cells fixed is not the attacker's.
            updateShortfalls()
            if side == .upper, short.upper.contains(t) { ends[t].upper.isExtreme = true }
            if side == .lower, short.lower.contains(t) { ends[t].lower.isExtreme = true }
            updateShortfalls()
        }
    }

    /// Widens every target's range to the current solution's values.
    private mutating func observe() {
        for (t, target) in targets.enumerated() {
            let value = lp.columnValue(target.column)
            if value < ends[t].lower.value { ends[t].lower.value = value }
            if value > ends[t].upper.value { ends[t].upper.value = value }
        }
    }

    private mutating func updateShortfalls() {
        short.lower = targets.indices.filter { t in
            guard let required = targets[t].required, !ends[t].lower.isExtreme else { return false }
            return ends[t].lower.value > Double(required.lowerBound) + FeasibleRange.tolerance(required.lowerBound)
        }
        short.upper = targets.indices.filter { t in
            guard let required = targets[t].required, !ends[t].upper.isExtreme else { return false }
            return ends[t].upper.value < Double(required.upperBound) - FeasibleRange.tolerance(required.upperBound)
        }
    }

    private func shortList(_ side: Side) -> [Int] {
        side == .upper ? short.upper : short.lower
    }
}
