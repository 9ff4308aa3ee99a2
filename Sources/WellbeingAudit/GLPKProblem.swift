internal import CGLPK

/// One GLPK problem object behind thin, index-checked calls: the only place this target touches GLPK's C API.
///
/// GLPK aborts the process on a bad index, so every call checks its indices
/// first (a programming error, hence `precondition`). GLPK's environment is per
/// thread, so a problem is created, solved and freed on one thread and its
/// pointer never leaves this type.
final class GLPKProblem {
    private let pointer: OpaquePointer
    let rowCount: Int
    let columnCount: Int
    private var parameters: glp_smcp

    /// An empty problem with the given numbers of rows and columns, every bound open.
    init(rows: Int, columns: Int) {
        pointer = glp_create_prob()
        rowCount = rows
        columnCount = columns
        if rows > 0 { glp_add_rows(pointer, Int32(rows)) }
        if columns > 0 { glp_add_cols(pointer, Int32(columns)) }
        parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        // Warm starts need the basis of the last solve, which the presolver would discard.
        parameters.presolve = GLP_OFF
    }

    deinit { glp_delete_prob(pointer) }

    /// Sets `lower ≤ row ≤ upper` (0-based row; infinite bounds are open).
    func setRowBounds(_ row: Int, lower: Double, upper: Double) {
        precondition((0..<rowCount).contains(row), "GLPK row out of range")
        let (type, low, high) = Self.boundType(lower, upper)
        glp_set_row_bnds(pointer, Int32(row + 1), type, low, high)
    }

    /// Sets `lower ≤ column ≤ upper` (0-based column; infinite bounds are open).
    func setColumnBounds(_ column: Int, lower: Double, upper: Double) {
        precondition((0..<columnCount).contains(column), "GLPK column out of range")
        let (type, low, high) = Self.boundType(lower, upper)
        glp_set_col_bnds(pointer, Int32(column + 1), type, low, high)
    }

    /// Loads the constraint matrix from 0-based (row, column, value) triplets.
    func loadMatrix(rows: [Int], columns: [Int], values: [Double]) {
        precondition(rows.count == columns.count && rows.count == values.count, "GLPK triplets differ in length")
        precondition(rows.allSatisfy { (0..<rowCount).contains($0) }, "GLPK matrix row out of range")
        precondition(columns.allSatisfy { (0..<columnCount).contains($0) }, "GLPK matrix column out of range")
        // GLPK's arrays are 1-based: slot 0 is never read.
        let ia = [Int32(0)] + rows.map { Int32($0 + 1) }
        let ja = [Int32(0)] + columns.map { Int32($0 + 1) }
        let ar = [0.0] + values
        glp_load_matrix(pointer, Int32(values.count), ia, ja, ar)
    }

    /// Sets the objective coefficient of a 0-based column.
    func setObjectiveCoefficient(_ column: Int, _ coefficient: Double) {
        precondition((0..<columnCount).contains(column), "GLPK column out of range")
        glp_set_obj_coef(pointer, Int32(column + 1), coefficient)
    }

    func setMaximizing(_ maximize: Bool) {
        glp_set_obj_dir(pointer, maximize ? GLP_MAX : GLP_MIN)
    }

    /// Runs the simplex method from the current basis; returns GLPK's code (0 when it ran to an end).
    func simplex() -> Int32 {
        glp_simplex(pointer, &parameters)
    }

    /// Runs GLPK's interior-point method; true when it ended at an optimum, read with ``interiorColumnValue(_:)``.
    ///
    /// It neither needs nor leaves a basis, so the simplex method's warm start is untouched.
    func interiorPoint() -> Bool {
        var parameters = glp_iptcp()
        glp_init_iptcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        return glp_interior(pointer, &parameters) == 0 && glp_ipt_status(pointer) == GLP_OPT
    }

    /// The value of a 0-based column in the last interior-point solution.
    func interiorColumnValue(_ column: Int) -> Double {
        precondition((0..<columnCount).contains(column), "GLPK column out of range")
        return glp_ipt_col_prim(pointer, Int32(column + 1))
    }

    /// Replaces the basis with one built by Bixby's crash procedure from the constraint matrix and bounds.
    func crashBasis() {
        glp_cpx_basis(pointer)
    }

    /// Replaces the basis with GLPK's advanced initial basis (after a failure on a bad one).
    func resetBasis() {
        glp_adv_basis(pointer, 0)
    }

    /// The status of the last basic solution (`GLP_OPT`, `GLP_UNBND`, …).
    var status: Int32 { glp_get_status(pointer) }

    /// The value of a 0-based column in the last basic solution.
    func columnValue(_ column: Int) -> Double {
        precondition((0..<columnCount).contains(column), "GLPK column out of range")
        return glp_get_col_prim(pointer, Int32(column + 1))
    }

    private static func boundType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): (GLP_FR, 0, 0)
        case (true, false): (GLP_LO, lower, 0)
        case (false, true): (GLP_UP, 0, upper)
        case (true, true): (lower == upper ? GLP_FX : GLP_DB, lower, upper)
        }
    }
}

/// Turns GLPK's terminal output off for the calling thread and frees its environment when `body` ends.
func withGLPKEnvironment<T>(_ body: () throws -> T) rethrows -> T {
    glp_term_out(GLP_OFF)
    defer { glp_free_env() }
    return try body()
}
