/// What an audit measures about a hidden cell.
public enum AuditQuantity: String, Sendable, Hashable, Codable, CaseIterable {
    /// Respondents, `n`.
    case respondents = "n"
    /// Pupils in a proportion's numerator.
    case count
    /// A mean's sum of scores, in hundredths (`n × mean × 100`).
    case scoreSum = "score_sum"
}

/// One linear program of the audit: the attacker's unknowns in a block of hidden cells and what binds them.
///
/// Columns are non-negative unknowns (a hidden cell's `n`, and its count or score
/// sum); rows are constraints `lower ≤ Σ coefficient × column ≤ upper` built from
/// the additive relations and each cell's own bounds. Targets are the columns
/// whose feasible range the audit reports. The problem is plain data: any LP
/// solver can answer it (see ``DisclosureAuditor``).
public struct AttackerProblem: Sendable {
    /// A column whose feasible range is wanted.
    public struct Target: Sendable, Hashable {
        public var cell: CellReference
        public var quantity: AuditQuantity
        public var column: Int
        /// The true value, which is always feasible.
        public var value: Int64
        /// The protection interval a primary cell must keep, `[max(0, x − p), x + p]`; nil for a secondary cell.
        public var required: ClosedRange<Int64>?
    }

    public private(set) var columnCount = 0
    /// Row `r` holds the terms `rowStarts[r]..<rowStarts[r + 1]` (compressed sparse rows).
    public private(set) var rowStarts: [Int] = [0]
    public private(set) var termColumns: [Int] = []
    public private(set) var termCoefficients: [Double] = []
    /// Row bounds; `-infinity` or `infinity` where a side is open.
    public private(set) var rowLower: [Double] = []
    public private(set) var rowUpper: [Double] = []
    public internal(set) var targets: [Target] = []
    /// The hidden cells whose quantities are the columns, sorted: within one table, the same cells make the same problem.
    public internal(set) var cells: [CellReference] = []
    /// Whether an end short of its requirement must be solved to its extreme (the exact shortfall).
    ///
    /// False when the problem only screens cells for a wider block (a cell short
    /// there is audited again), so the auditor may stop at its witnesses.
    public internal(set) var needsExtremes = true

    public init() {}

    public var rowCount: Int { rowLower.count }

    /// Adds a non-negative unknown and returns its column.
    public mutating func addColumn() -> Int {
        columnCount += 1
        return columnCount - 1
    }

    /// Adds the constraint `lower ≤ Σ coefficient × column ≤ upper` (equal bounds make an equation).
    public mutating func addRow(_ terms: [(column: Int, coefficient: Double)], lower: Double, upper: Double) {
        precondition(lower <= upper, "a row's lower bound cannot exceed its upper bound")
        for term in terms {
            precondition((0..<columnCount).contains(term.column), "row term refers to a missing column")
            termColumns.append(term.column)
            termCoefficients.append(term.coefficient)
        }
        rowStarts.append(termColumns.count)
        rowLower.append(lower)
        rowUpper.append(upper)
    }

    public mutating func addTarget(_ target: Target) {
        precondition((0..<columnCount).contains(target.column), "target refers to a missing column")
        targets.append(target)
    }

    /// The terms of row `r`.
    public func terms(ofRow r: Int) -> Zip2Sequence<ArraySlice<Int>, ArraySlice<Double>> {
        zip(termColumns[rowStarts[r]..<rowStarts[r + 1]], termCoefficients[rowStarts[r]..<rowStarts[r + 1]])
    }
}
