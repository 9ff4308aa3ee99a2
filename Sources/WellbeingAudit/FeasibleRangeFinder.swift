internal import WellbeingCore

/// Finds how far each target of one attacker problem can move — as far as the audit needs, and no further.
///
/// Proving a cell protected needs no extremes, only solutions that reach both ends
/// of its protection interval. So the finder pushes every target still short of an
/// end at once: each is capped at that end (so none overshoots at the others'
/// expense) and weighted by its interval's width, the LP maximises (or minimises)
/// their sum, and the optimum is a witness for every end it reaches. This repeats
/// while it makes progress. Targets can trade off against each other, so each end
/// still short is then pushed alone, which reaches it whenever it can be reached.
/// Where the problem needs them (not when it only screens cells for a wider
/// block), the ends still short are solved to their extremes by the simplex
/// method: the exact shortfall an exposed cell reports.
/// One GLPK problem serves throughout — only bounds and objective change — so each
/// simplex solve starts from the last basis; large problems push with the
/// interior-point method first (see ``InteriorPointUse``).
struct FeasibleRangeFinder {
    private enum Side { case lower, upper }

    private let problem: AttackerProblem
    private let interiorPoint: InteriorPointUse
    private var targets: [AttackerProblem.Target] { problem.targets }
    private let lp: GLPKProblem
    /// Whether pushes use the interior-point method; once a push falls back on the simplex method, its basis makes
    /// the simplex method the cheaper one for the rest.
    private var pushesInterior: Bool
    private var ends: [FeasibleRange]
    /// How many pushes the interior-point method answered.
    private(set) var interiorPointSolves = 0
    /// Targets whose lower (upper) end has not yet reached the protection interval.
    private var short: (lower: [Int], upper: [Int])

    init(_ problem: AttackerProblem, interiorPoint: InteriorPointUse = .measured) {
        self.problem = problem
        self.interiorPoint = interiorPoint
        lp = GLPKProblem(problem)
        pushesInterior = problem.columnCount >= interiorPoint.minimumColumns
        // The true table is a solution, so every true value is a witness to start from.
        ends = problem.targets.map { target in
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
        // A joint push can stop where targets trade off against each other: each end still short is pushed alone,
        // which reaches it whenever it can be reached. Many lone pushes cost less from a simplex basis.
        if (short.lower.count + short.upper.count) * interiorPoint.columnsPerSolve > problem.columnCount {
            pushesInterior = false
        }
        for side in [Side.upper, .lower] {
            for target in shortList(side) where shortList(side).contains(target) {
                if case .failure(let error) = push(side, only: target) { return .failure(error) }
            }
        }
        // A screening problem's short ends are audited again in a wider block: its witnesses are enough.
        for side in [Side.upper, .lower] where problem.needsExtremes {
            for target in shortList(side) where shortList(side).contains(target) {
                if case .failure(let error) = extreme(target, side) { return .failure(error) }
            }
        }
        return .success(ends)
    }

    /// One joint push of every target short on `side` (or of `only` that one); true when it brought any end within
    /// reach.
    ///
    /// A lone push that stops short at a simplex optimum has found that end's extreme (the cap did not bind), which
    /// is marked where the problem needs extremes (elsewhere a block's extreme is not the attacker's).
    private mutating func push(_ side: Side, only: Int? = nil) -> Result<Bool, GLPKError> {
        let pushed = only.map { [$0] } ?? shortList(side)
        for (k, t) in pushed.enumerated() {
            let target = targets[t], required = target.required!
            // Slightly unequal weights break ties between targets: an interior point would stop in the middle of a
            // tie, where a vertex takes one of the targets to its end.
            let weight = (1 + 0.01 * Double(k) / Double(pushed.count))
                / Double(max(1, required.upperBound - required.lowerBound))
            switch side {
            case .upper: lp.setColumnBounds(target.column, lower: 0, upper: Double(required.upperBound))
            case .lower: lp.setColumnBounds(target.column, lower: Double(required.lowerBound), upper: .infinity)
            }
            lp.setObjectiveCoefficient(target.column, weight)
        }
        lp.setMaximizing(side == .upper)
        var outcome: Result<Void, GLPKError> = .success(())
        var atVertex = false
        if pushesInterior, let solution = interiorSolution() {
            interiorPointSolves += 1
            observe { solution[$0] }
        } else {
            pushesInterior = false
            outcome = lp.solve().map { _ in observe(lp.columnValue) }
            atVertex = true
        }
        for t in pushed {
            lp.setColumnBounds(targets[t].column, lower: 0, upper: .infinity)
            lp.setObjectiveCoefficient(targets[t].column, 0)
        }
        let before = short.lower.count + short.upper.count
        updateShortfalls()
        if let t = only, atVertex, problem.needsExtremes, case .success = outcome {
            if side == .upper, short.upper.contains(t) { ends[t].upper.isExtreme = true }
            if side == .lower, short.lower.contains(t) { ends[t].lower.isExtreme = true }
            updateShortfalls()
        }
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
                observe(lp.columnValue)
            }
            // Marked only when short: an end that reaches its requirement is a witness whatever the
            // problem, while the extreme of a block that holds cells fixed is not the attacker's.
            updateShortfalls()
            if side == .upper, short.upper.contains(t) { ends[t].upper.isExtreme = true }
            if side == .lower, short.lower.contains(t) { ends[t].lower.isExtreme = true }
            updateShortfalls()
        }
    }

    /// The interior-point optimum of the current objective, or nil (use the simplex method) when GLPK gives up or
    /// its point misses a constraint by more than the audit's tolerance.
    ///
    /// The point is checked against the problem itself, so a witness taken from it is a solution of the
    /// attacker's constraints to the same tolerance as a simplex vertex. Values a hair below zero read as zero.
    private func interiorSolution() -> [Double]? {
        guard lp.interiorPoint() else { return nil }
        var solution = (0..<problem.columnCount).map(lp.interiorColumnValue)
        for (column, value) in solution.enumerated() where value < 0 {
            guard value >= -FeasibleRange.tolerance(0) else { return nil }
            solution[column] = 0
        }
        for row in 0..<problem.rowCount {
            var activity = 0.0, scale = 1.0
            for (column, coefficient) in problem.terms(ofRow: row) {
                let term = coefficient * solution[column]
                activity += term
                scale = max(scale, term.magnitude)
            }
            // The audit's usual slack, plus a rounding error that grows with the terms summed: large terms that
            // cancel to a bound of 0 cannot meet it to 1e-6.
            let lower = problem.rowLower[row], upper = problem.rowUpper[row]
            if lower.isFinite, activity < lower - Self.slack(lower, scale) { return nil }
            if upper.isFinite, activity > upper + Self.slack(upper, scale) { return nil }
        }
        return solution
    }

    private static func slack(_ bound: Double, _ scale: Double) -> Double {
        FeasibleRange.tolerance(Int64(bound.magnitude.rounded())) + 1e-9 * scale
    }

    /// Widens every target's range to the values of a solution.
    private mutating func observe(_ solution: (Int) -> Double) {
        for (t, target) in targets.enumerated() {
            let value = solution(target.column)
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
