import ArgumentParser
import Foundation
import WellbeingIngest

/// The `--schema` option and where the return XSD is found without it.
struct SchemaOptions: ParsableArguments {
    static let relativePath = "Schemas/wellbeing-return-1.0.xsd"

    @Option(name: .long, help: ArgumentHelp("The return XSD (default: $WELLBEING_SCHEMA, or \(relativePath) found"
                                            + " above the executable or the current directory).", valueName: "PATH"))
    var schema: String?

    /// Compiles the XSD; a missing or broken one is an I/O failure (exit 2) with the fix.
    func load() throws -> ReturnSchema {
        guard let path = schema ?? ProcessInfo.processInfo.environment["WELLBEING_SCHEMA"] ?? Self.locate() else {
            throw CommandFailure.io("cannot find \(Self.relativePath); pass --schema PATH or set WELLBEING_SCHEMA")
        }
        do {
            return try ReturnSchema(path: path)
        } catch {
            throw CommandFailure.io(error.message)
        }
    }

    /// The first `Schemas/wellbeing-return-1.0.xsd` in a directory above the executable or the current directory.
    static func locate() -> String? {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let starts = [executable.deletingLastPathComponent(),
                      URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        for start in starts {
            var directory = start.standardizedFileURL
            while true {
                let candidate = directory.appendingPathComponent(relativePath).path
                if FileManager.default.isReadableFile(atPath: candidate) { return candidate }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }
}
