import ArgumentParser
import Foundation
import WellbeingCore
import WellbeingIngest
import WellbeingStorage

/// `wellbeing ingest`: validates returns and stores each one that is valid, whole, in the store.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Validate returns and store the valid ones (each all or nothing).",
        discussion: """
            Each file is read once: validated exactly as `validate` does while its
            pupils are written, pseudonymised, inside one transaction with its schools'
            partial sums. A return with any error is rolled back whole (nothing of it is
            stored), and so is one interrupted by a crash or kill. UPNs and pupil refs
            are stored only as keyed hashes (HMAC-SHA-256) under the store's secret,
            kept in PATH.secret next to the store: back the two up together.

            A school already stored for the same wave is superseded by the new return
            (the old rows are kept, not counted). The identical file again (same
            SHA-256) changes nothing and prints the original receipt.

            A receipt is printed for each file: store id, LA, wave, schools, pupils,
            warnings, SHA-256. Exit status: 0 when every file was stored (or already
            was), 1 when any was invalid, 2 when a file or the store cannot be read or
            written.

            Examples:
              wellbeing ingest returns/*.xml
              WELLBEING_DB=/srv/wellbeing/store.sqlite wellbeing ingest LA202-2026AUT.xml
            """
    )

    @Argument(help: ArgumentHelp("Return files (XML).", valueName: "FILE"))
    var files: [String]

    @Flag(name: .long, help: "No progress display.")
    var quiet = false

    @OptionGroup var store: StoreOptions
    @OptionGroup var read: ReadOptions

    func run() throws {
        let (reader, data) = try read.makeReader()
        let store = try store.open(catalogue: data.catalogue)
        let progress = TerminalProgress(quiet: quiet)
        defer { progress.finish() }
        progress.beginReading(files)
        var invalid = 0
        var unreadable = 0
        for file in files {
            do {
                if try !ingest(file, reader: reader, store: store, progress: progress) { invalid += 1 }
            } catch let error as ReturnReadError {
                unreadable += 1
                progress.pausing { printError("error: \(error.message)") }
            } catch let error as StoreError {
                unreadable += 1
                progress.pausing { printError("error: \(file): \(error.message)") }
            }
        }
        if unreadable > 0 { throw ExitCode(2) }
        if invalid > 0 {
            throw CommandFailure.invalid("\(invalid) of \(files.count) returns rejected and not stored. "
                                         + "Run `wellbeing validate FILE` for every error, fix them and try again.")
        }
    }

    /// Reads one file into the store and prints its receipt; false when it was invalid.
    private func ingest(_ file: String, reader: ReturnReader, store: SQLiteReturnStore, progress: TerminalProgress)
        throws -> Bool
    {
        var report: ValidationReport?
        let outcome = try store.submit { visitor in
            let read = try reader.read(file: file, into: &visitor, progress: progress)
            report = read
            return ReturnSubmission(name: file, sha256: read.sha256, isValid: read.isValid,
                                    warnings: read.warningCount)
        }
        var stored = true
        progress.pausing { stored = Self.printReceipt(file: file, outcome: outcome, report: report) }
        return stored
    }

    /// Prints what became of one file; false when it was rejected.
    private static func printReceipt(file: String, outcome: SubmissionOutcome, report: ValidationReport?) -> Bool {
        switch outcome {
        case .stored(let receipt):
            print("\(file): stored as return \(receipt.id): \(describe(receipt))")
        case .duplicate(let receipt):
            print("\(file): identical to return \(receipt.id), stored \(receipt.received); nothing changed: "
                  + describe(receipt))
        case .rejected:
            let errors = report?.errorCount ?? 0
            let first = report?.diagnostics.first { $0.severity == .error }.map { "; first: \($0)" } ?? ""
            printError("\(file): rejected, nothing stored: \(errors) error\(errors == 1 ? "" : "s")\(first)")
            return false
        }
        return true
    }

    /// A receipt on one line.
    static func describe(_ receipt: StoredReturn) -> String {
        let header = receipt.header
        return "\(header.returnId), LA \(header.localAuthority.code) \(header.localAuthority.name),"
            + " wave \(header.wave), \(receipt.schools) schools, \(receipt.pupils) pupils,"
            + " \(receipt.warnings) warning\(receipt.warnings == 1 ? "" : "s"), sha256 \(receipt.sha256)"
    }
}
