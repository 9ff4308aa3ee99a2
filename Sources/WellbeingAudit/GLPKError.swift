internal import CGLPK
internal import WellbeingCore

/// A GLPK run that gave no usable answer, with GLPK's own return code or solution status.
struct GLPKError: Error, CustomStringConvertible {
    /// GLPK's return code from `glp_simplex`, or its solution status when the run ended without an optimum.
    var code: Int32
    var description: String

    /// The simplex method stopped with a non-zero return code.
    static func simplexFailed(_ code: Int32) -> GLPKError {
        let reason = switch code {
        case GLP_EBADB: "the basis is invalid"
        case GLP_ESING: "the basis matrix is singular"
        case GLP_ECOND: "the basis matrix is ill-conditioned"
        case GLP_EFAIL: "the solver failed"
        case GLP_EITLIM: "the iteration limit was reached"
        case GLP_ETMLIM: "the time limit was reached"
        default: "return code \(code)"
        }
        return GLPKError(code: code, description: "GLPK simplex: \(reason)")
    }

    /// The simplex method ended, but not at an optimum or an unbounded ray.
    static func unexpectedStatus(_ status: Int32) -> GLPKError {
        let reason = status == GLP_NOFEAS
            // The true table always satisfies the attacker's constraints, so this is numerical trouble.
            ? "reports no feasible solution for constraints the true table satisfies"
            : "ended with solution status \(status)"
        return GLPKError(code: status, description: "GLPK simplex \(reason)")
    }

    /// The same failure as the core's error value.
    var disclosureError: DisclosureError {
        DisclosureError(.solverFailure, "the disclosure audit could not be completed: \(description)")
    }
}
