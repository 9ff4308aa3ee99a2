import ArgumentParser
import WellbeingExport

/// Options that write a subset of the export: some levels, indicators, breakdowns or LAs.
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Only these levels: national, regional, local-authority, school (repeat or comma-separate).",
        valueName: "LEVEL"))
    var level: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only these indicators, by catalogue id, e.g. WB03.", valueName: "ID"))
    var indicator: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Only these breakdowns: total, sex, year_group, fsm_status, sen_status, ethnicity_major.",
        valueName: "NAME"))
    var breakdown: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Only the LA and school rows of these local authorities (3-digit code, ONS code or name).",
        valueName: "LA"))
    var la: [String] = []

    /// The filter these options describe; a value the publication does not hold is invalid input (exit 1).
    func filter(for publication: Publication) throws(CommandFailure) -> PublicationFilter {
        do {
            return try PublicationFilter(levels: level, indicators: indicator, breakdowns: breakdown,
                                         localAuthorities: la, validIn: publication)
        } catch {
            throw CommandFailure.invalid("--\(error.dimension.rawValue): \(error)")
        }
    }
}
