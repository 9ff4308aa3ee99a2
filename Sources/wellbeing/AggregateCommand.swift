import ArgumentParser
import Foundation
import WellbeingCore
import WellbeingExport
import WellbeingIngest

/// `wellbeing aggregate`: returns in, export folder out, in one streaming pass and without a database.
struct AggregateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aggregate",
        abstract: "Build the suppressed indicator tables from returns, without a database.",
        discussion: """
            Reads every return once (streaming), validates it exactly as `validate` does, folds its \
            pupils into per-school sums, builds every indicator at School, Local authority, Regional \
            and National level with every breakdown, applies disclosure control, and writes the \
            export folder: indicators.csv, indicators.meta.csv, datapackage.json, indicators.json, \
            indicators.xlsx, suppression-summary.csv and provenance.json.

            --level, --indicator, --breakdown and --la write a subset of the rows. The tables are \
            protected whole first, so a subset never shows a cell the whole export hides.

            A return with any error is rejected whole. If any input is rejected nothing is written \
            and the exit status is 1 (run `wellbeing validate FILE` to see every error). A school \
            that appears in two returns of the same wave counts from the later file on the command \
            line, as a resubmission would.

            Examples:
              wellbeing aggregate returns/*.xml --out export/
              wellbeing aggregate returns/*.xml --out camden/ --la 202 --level school,local-authority
            """
    )

    @Argument(help: ArgumentHelp("Return files (XML).", valueName: "FILE"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The export folder to write (created if missing).", valueName: "DIR"))
    var out: String

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @OptionGroup(title: "Subset") var filter: FilterOptions
    @OptionGroup var formats: FormatOptions

    @OptionGroup var read: ReadOptions
    @OptionGroup var protection: AuditOptions

    func run() throws {
        let (reader, data) = try read.makeReader()
        var aggregator = ReturnAggregator(catalogue: data.catalogue)
        var inputs: [Provenance.Input] = []
        var rejected = 0
        let progress = TerminalProgress(quiet: quiet)
        defer { progress.finish() }
        progress.beginReading(files)
        for file in files {
            let report: ValidationReport
            do {
                report = try reader.read(file: file, into: &aggregator, progress: progress)
            } catch {
                throw CommandFailure.io(error.message)
            }
            guard report.isValid, let header = report.header, let sha256 = report.sha256 else {
                rejected += 1
                progress.pausing {
                    printError("\(file): rejected: \(report.errorCount) error\(report.errorCount == 1 ? "" : "s")"
                               + (report.diagnostics.first { $0.severity == .error }.map { ", first: \($0)" } ?? ""))
                }
                continue
            }
            inputs.append(Provenance.Input(
                name: file, sha256: sha256, returnId: header.returnId, localAuthority: header.localAuthority.code,
                wave: header.wave.code, schools: report.schoolCount, pupils: report.acceptedPupilCount))
            if !quiet {
                progress.pausing {
                    printError("\(file): \(header.localAuthority.name) \(header.wave): \(report.schoolCount) schools, "
                               + "\(report.acceptedPupilCount) pupils counted, \(report.warningCount) warnings")
                }
            }
        }
        guard rejected == 0 else {
            throw CommandFailure.invalid("\(rejected) of \(files.count) returns rejected; nothing was written. "
                                         + "Run `wellbeing validate FILE` for every error, fix them and try again.")
        }
        let aggregation = aggregator.aggregation
        progress.begin("building and protecting \(aggregation.schoolCount) schools' tables", total: nil,
                       unit: .count("schools"))
        let publication = try Publication(aggregation: aggregation, reference: data, audited: protection.audit,
                                          inputs: inputs)
        try publication.writeFolder(to: out, filter: filter, formats: formats, progress: progress)
        progress.finish()
        if !quiet { printError("wrote \(out): \(publication.summaryLine)") }
    }
}
