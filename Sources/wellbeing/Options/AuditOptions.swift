import ArgumentParser

/// Whether an export's secondary suppression is driven and checked by the LP audit.
struct AuditOptions: ParsableArguments {
    @Flag(name: .long, help: ArgumentHelp(
        "Audit disclosure control with GLPK: hide further cells until every primary cell keeps its protection"
            + " interval against an attacker who combines every published relation, and write audit.json"
            + " (for administrators only; `wellbeing audit DIR` re-checks the folder from its files). Takes minutes"
            + " on large tables."))
    var audit = false
}
