import ArgumentParser
import Foundation
import WellbeingExport

/// Which optional parts of the export folder to write.
struct FormatOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The optional parts to write: json, xlsx, report-cards, all or none (comma-separate). The EES CSV,"
            + " its metadata, datapackage.json, the suppression summary and provenance are always written.",
        valueName: "LIST"))
    var formats = "all"

    /// Checks the list before any work starts, so a typo does not cost a national aggregation.
    func validate() throws {
        _ = try parsed()
    }

    /// The parts named; an unknown name is a usage error that lists the valid ones.
    func parsed() throws(CommandFailure) -> ExportFormats {
        var chosen: ExportFormats = []
        for name in formats.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            switch name {
            case "all": chosen.formUnion(.all)
            case "none": break
            default:
                guard let format = ExportFormats.names.first(where: { $0.name == name })?.format else {
                    let valid = (ExportFormats.names.map(\.name) + ["all", "none"]).joined(separator: ", ")
                    throw CommandFailure.invalid("--formats: unknown part \"\(name)\"; valid parts: \(valid)")
                }
                chosen.formUnion(format)
            }
        }
        return chosen
    }
}
