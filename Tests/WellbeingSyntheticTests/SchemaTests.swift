import Foundation
import Testing
import WellbeingSynthetic

/// The project's XSD, found from this file's place in the checkout.
private let schemaPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Schemas/wellbeing-return-1.0.xsd").path
private let xmllintPath = "/usr/bin/xmllint"

@Suite("Generated returns conform to the XSD")
struct SchemaTests {
    @Test("xmllint validates every return against the schema",
          .enabled(if: FileManager.default.isExecutableFile(atPath: xmllintPath), "needs xmllint"),
          .enabled(if: FileManager.default.fileExists(atPath: schemaPath), "needs the XSD"),
          arguments: [(4_000, 25, 2, UInt64(1)), (300, 40, 1, UInt64(2))])
    func xmllintAcceptsTheReturns(pupils: Int, schools: Int, las: Int, seed: UInt64) throws {
        let wave = try SyntheticWave.make(pupils: pupils, schools: schools, las: las, seed: seed)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("wellbeing-synthetic-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (index, bytes) in try wave.allBytes().enumerated() {
            let url = directory.appendingPathComponent("return-\(index).xml")
            try Data(bytes).write(to: url)
            paths.append(url.path)
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllintPath)
        process.arguments = ["--noout", "--stream", "--schema", schemaPath] + paths
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
    }
}
