import ArgumentParser

/// Whether an export's secondary suppression is driven and checked by the LP audit (on unless `--no-audit`).
struct AuditOptions: ParsableArguments {
    @Flag(name: .long, inversion: .prefixedNo, help: ArgumentHelp(
        "Audit disclosure control with GLPK (the default): hide further cells until every primary cell keeps its"
            + " protection interval against an attacker who combines every published relation; an export also"
            + " writes audit.json (for administrators only; `wellbeing audit DIR` re-checks the folder from its"
            + " files). --no-audit applies only the primary rules and the floor of secondary suppression: quicker,"
            + " but not safe to publish."))
    var audit = true
}
