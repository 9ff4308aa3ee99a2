import Foundation
import Testing

/// Runs the built `wellbeing` executable (or a script) as a child process, as a user would.
enum CommandRunner {
    /// The `wellbeing` executable built alongside this test bundle.
    static let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("wellbeing").path

    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `executable` with `arguments` in `directory` and waits for it.
    static func run(_ executable: String, _ arguments: [String], in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        // Standard error goes to a file, so that neither stream can fill up and stall the child.
        let errorsURL = directory.appendingPathComponent(".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errorsURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errorsURL) }
        let errors = try FileHandle(forWritingTo: errorsURL)
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errors.close()
        return Result(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
                      errors: try String(contentsOf: errorsURL, encoding: .utf8))
    }

    /// Runs `wellbeing` with `arguments` in `directory`.
    static func wellbeing(_ arguments: [String], in directory: URL) throws -> Result {
        try run(executable, arguments, in: directory)
    }

    /// Runs `wellbeing` with `arguments` in `directory` and expects it to succeed.
    @discardableResult
    static func succeeding(_ arguments: [String], in directory: URL) throws -> Result {
        let result = try wellbeing(arguments, in: directory)
        #expect(result.status == 0, "wellbeing \(arguments.joined(separator: " ")): \(result.errors)")
        return result
    }
}
