import ArgumentParser
import Foundation
import WellbeingCore
import WellbeingExport
import WellbeingStorage

/// `wellbeing publish`: the export folder from everything the store counts now.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Build the suppressed indicator tables from the stored returns.",
        discussion: """
            Reads each counted school's stored partial sums (never a pupil row): for
            every wave and school, the most recent accepted return that contains it and
            is not withdrawn. Then builds every indicator at every level, applies
            disclosure control and writes the export folder exactly as `aggregate` does:
            `aggregate` over the returns in force, in the order they were stored, writes
            the same files (provenance.json differs only in its time).

            --level, --indicator, --breakdown and --la write a subset of the rows, protected as
            part of the whole.

            Examples:
              wellbeing publish --db store.sqlite --out export/
              wellbeing publish --db store.sqlite --out wb03/ --indicator WB03 --breakdown total,sex
            """
    )

    @Option(name: .long, help: ArgumentHelp("The export folder to write (created if missing).", valueName: "DIR"))
    var out: String

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    @OptionGroup(title: "Subset") var filter: FilterOptions
    @OptionGroup var formats: FormatOptions

    @OptionGroup var store: StoreOptions
    @OptionGroup var reference: ReferenceOptions
    @OptionGroup var protection: AuditOptions

    func run() throws {
        let data = try reference.load()
        let progress = TerminalProgress(quiet: quiet)
        defer { progress.finish() }
        progress.begin("reading the stored school sums", total: nil, unit: .count("schools"))
        let snapshot: StoreSnapshot
        do {
            snapshot = try store.open(catalogue: data.catalogue).snapshot()
        } catch let error as StoreError {
            throw CommandFailure.io(error.message)
        }
        guard !snapshot.returns.isEmpty else {
            throw CommandFailure.invalid("the store \(store.path) holds no returns in force; "
                                         + "store some with `wellbeing ingest FILE` first")
        }
        progress.begin("building and protecting \(snapshot.aggregation.schoolCount) schools' tables", total: nil,
                       unit: .count("schools"))
        let publication = try Publication(snapshot: snapshot, reference: data, audited: protection.audit)
        try publication.writeFolder(to: out, filter: filter, formats: formats, progress: progress)
        progress.finish()
        let returns = snapshot.returns.count
        if !quiet {
            printError("wrote \(out) from \(returns) return\(returns == 1 ? "" : "s"): \(publication.summaryLine)")
        }
    }
}
