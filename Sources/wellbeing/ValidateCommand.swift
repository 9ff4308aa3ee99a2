import ArgumentParser
import Foundation
import WellbeingCore
import WellbeingIngest

/// `wellbeing validate`: checks returns against the format without storing anything.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check returns against the return format; store nothing.",
        discussion: """
            Every error and warning is listed (up to 1,000 a file, then a count of the rest),
            in file order, then a summary line per file. Exit status: 0 when every file is
            valid, 1 when any is invalid, 2 when a file or the schema cannot be read.

            --format text prints one line per diagnostic:
              FILE:LINE:COLUMN: CODE SEVERITY [school URN, pupil REF]: message
            --format json prints one array, one object per file:
              {"file", "valid", "sha256", "schools", "pupils", "errors", "warnings", "truncated",
               "diagnostics": [{"code", "severity", "line", "column", "school", "pupil", "message"}]}
            with keys sorted and null where a value does not apply.

            Examples:
              wellbeing validate returns/LA202-2026AUT.xml
              wellbeing validate --format json returns/*.xml > report.json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: ArgumentHelp("Return files (XML).", valueName: "FILE"))
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format = Format.text

    @OptionGroup var read: ReadOptions

    func run() throws {
        let reader = try read.makeReader().reader
        var reports: [ValidationReport] = []
        var unreadable = false
        for file in files {
            do {
                let report = try reader.validate(file: file)
                reports.append(report)
                if format == .text { print(Self.text(report)) }
            } catch {
                unreadable = true
                printError("error: \(error.message)")
            }
        }
        if format == .json { print(try Self.json(reports)) }
        if unreadable { throw ExitCode(2) }
        if reports.contains(where: { !$0.isValid }) { throw ExitCode(1) }
    }

    /// One line per diagnostic, then the file's summary.
    static func text(_ report: ValidationReport) -> String {
        var lines = report.diagnostics.map { diagnostic in
            var place = report.file
            if let location = diagnostic.location { place += ":\(location.line):\(location.column)" }
            let about = [diagnostic.schoolURN.map { "school \($0)" }, diagnostic.pupilRef.map { "pupil \($0)" }]
                .compactMap { $0 }
            let subject = about.isEmpty ? "" : " [\(about.joined(separator: ", "))]"
            let code = "\(diagnostic.code.rawValue) \(diagnostic.severity.rawValue)"
            return "\(place): \(code)\(subject): \(diagnostic.message)"
        }
        let verdict = report.isValid ? "valid" : "INVALID"
        var summary = "\(report.file): \(verdict): \(count(report.schoolCount, "school")),"
            + " \(count(report.pupilCount, "pupil")) (\(report.acceptedPupilCount) counted),"
            + " \(count(report.errorCount, "error")), \(count(report.warningCount, "warning"))"
        if report.truncatedCount > 0 { summary += " (\(report.truncatedCount) more not listed)" }
        if let sha256 = report.sha256 { summary += "; sha256 \(sha256)" }
        lines.append(summary)
        return lines.joined(separator: "\n")
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    static func json(_ reports: [ValidationReport]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(reports.map(FileReport.init)), as: UTF8.self)
    }

    /// The JSON shape of one file's report.
    private struct FileReport: Encodable {
        var file: String
        var valid: Bool
        var sha256: String?
        var schools: Int
        var pupils: Int
        var errors: Int
        var warnings: Int
        var truncated: Int
        var diagnostics: [Entry]

        enum CodingKeys: String, CodingKey {
            case file, valid, sha256, schools, pupils, errors, warnings, truncated, diagnostics
        }

        struct Entry: Encodable {
            var code: String
            var severity: String
            var line: Int?
            var column: Int?
            var school: String?
            var pupil: String?
            var message: String

            enum CodingKeys: String, CodingKey { case code, severity, line, column, school, pupil, message }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(code, forKey: .code)
                try container.encode(severity, forKey: .severity)
                try container.encode(line, forKey: .line)
                try container.encode(column, forKey: .column)
                try container.encode(school, forKey: .school)
                try container.encode(pupil, forKey: .pupil)
                try container.encode(message, forKey: .message)
            }
        }

        init(_ report: ValidationReport) {
            file = report.file
            valid = report.isValid
            sha256 = report.sha256
            schools = report.schoolCount
            pupils = report.pupilCount
            errors = report.errorCount
            warnings = report.warningCount
            truncated = report.truncatedCount
            diagnostics = report.diagnostics.map { diagnostic in
                Entry(code: diagnostic.code.rawValue, severity: diagnostic.severity.rawValue,
                      line: diagnostic.location?.line, column: diagnostic.location?.column,
                      school: diagnostic.schoolURN, pupil: diagnostic.pupilRef, message: diagnostic.message)
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(valid, forKey: .valid)
            try container.encode(sha256, forKey: .sha256)
            try container.encode(schools, forKey: .schools)
            try container.encode(pupils, forKey: .pupils)
            try container.encode(errors, forKey: .errors)
            try container.encode(warnings, forKey: .warnings)
            try container.encode(truncated, forKey: .truncated)
            try container.encode(diagnostics, forKey: .diagnostics)
        }
    }
}
