/// An LP solver that tells how far an attacker can narrow each hidden value of a table.
///
/// The core states the attacker's problems (``AttackerProblem``, one per block
/// of linked hidden cells) and judges the answers; an auditor only solves. For
/// every target it returns a ``FeasibleRange``: for a target with a required
/// interval, each end either reaches the requirement (a witness) or is the
/// extreme value of that end (so a shortfall is exact) — unless the problem
/// does not need extremes (``AttackerProblem/needsExtremes``), when a short end
/// may be any value it saw; for any other target, whatever values it saw. The GLPK implementation lives in `WellbeingAudit`.
public protocol DisclosureAuditor: Sendable {
    /// The feasible range of every target of every problem, in the order given.
    func ranges(of problems: [AttackerProblem]) throws(DisclosureError) -> [[FeasibleRange]]
}
