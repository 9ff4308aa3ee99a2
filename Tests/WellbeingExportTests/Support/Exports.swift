import Foundation
import Testing
import WellbeingCore
import WellbeingExport

/// Publications and export folders built from fixtures, as `wellbeing aggregate` builds them.
enum Exports {
    /// The fixtures of the golden aggregate export (Tests/WellbeingCLITests), several LAs, waves and scripts.
    static let golden = ["valid/hand-checkable.xml", "valid/bom-utf8.xml", "valid/utf16.xml", "valid/warnings.xml"]

    /// The publication of `fixtures`, with their SHA-256 in provenance and a fixed time.
    static func publication(_ fixtures: [String], generated: String = "2026-11-28T12:00:00Z") throws -> Publication {
        var aggregator = ReturnAggregator(catalogue: Pipeline.reference.catalogue)
        var inputs: [Provenance.Input] = []
        for fixture in fixtures {
            let report = try Pipeline.reader.read(file: fixturePath(fixture), into: &aggregator)
            let header = try #require(report.header)
            inputs.append(Provenance.Input(
                name: fixture, sha256: try #require(report.sha256), returnId: header.returnId,
                localAuthority: header.localAuthority.code, wave: header.wave.code, schools: report.schoolCount,
                pupils: report.acceptedPupilCount))
        }
        return try Publication(aggregation: aggregator.aggregation, catalogue: Pipeline.reference.catalogue,
                               policy: Pipeline.reference.policy, auditor: nil, inputs: inputs,
                               generated: generated)
    }

    /// Writes `publication` to a fresh folder; the caller removes it.
    static func folder(_ publication: Publication, filter: PublicationFilter = .everything) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wellbeing-export-\(UUID().uuidString)")
        try publication.write(to: url.path, filter: filter)
        return url
    }

    /// A file of an export folder as text.
    static func text(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}

/// Runs an independent Python checker and returns what it printed.
enum Python {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
                      errors: String(decoding: errors, as: UTF8.self))
    }

    /// `Checkers/compare_formats.py` on one format of an export folder.
    static func compareFormats(_ mode: String, folder: URL) throws -> (errors: [String], names: [String], cells: Int) {
        struct Report: Decodable { var errors: [String]; var names: [String]; var cells: Int }
        let script = packageRoot.appendingPathComponent("Tests/WellbeingExportTests/Checkers/compare_formats.py").path
        let result = try run(["python3", script, mode, folder.path, "Schemas/indicators-1.schema.json"])
        let report = try JSONDecoder().decode(Report.self, from: Data(result.output.utf8))
        return (report.errors, report.names, report.cells)
    }
}
