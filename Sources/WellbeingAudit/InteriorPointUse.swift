/// When the audit's LPs are pushed with GLPK's interior-point method instead of its simplex method.
///
/// The simplex method's first solve of a large block spends most of its time
/// finding any feasible basis (8 s from a crash basis on a region's 52 k
/// columns, against 0.5 s for the interior point), while its later solves start
/// from the last basis and cost little. So a large problem pushes with the
/// interior point, and turns to the simplex method once it needs more solves
/// than that first basis costs.
public struct InteriorPointUse: Sendable, Hashable {
    /// Problems with at least this many columns start with the interior-point method.
    public var minimumColumns: Int
    /// About how many columns make the simplex method's first solve cost as much as one interior-point solve.
    public var columnsPerSolve: Int

    public init(minimumColumns: Int, columnsPerSolve: Int) {
        self.minimumColumns = minimumColumns
        self.columnsPerSolve = columnsPerSolve
    }

    /// Measured on national blocks, against the simplex method from a crash basis: break-even near 20 k columns
    /// (from 12 k to 20 k either may win); a first simplex solve costs 7 to 16 interior-point solves from 20 k to
    /// 52 k columns.
    public static let measured = InteriorPointUse(minimumColumns: 20_000, columnsPerSolve: 2_500)
    /// Every push with the interior-point method (while it succeeds); extremes still come from the simplex method.
    public static let always = InteriorPointUse(minimumColumns: 0, columnsPerSolve: 0)
    /// The simplex method throughout.
    public static let never = InteriorPointUse(minimumColumns: .max, columnsPerSolve: 0)
}
