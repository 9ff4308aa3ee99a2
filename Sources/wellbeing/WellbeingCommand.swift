import ArgumentParser
import WellbeingCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The `wellbeing` command: pupil well-being returns in, School Report Card indicators out.
@main
struct WellbeingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wellbeing",
        abstract: "Turn pupil well-being survey returns into suppressed School Report Card indicators.",
        discussion: """
            Typical use:
              wellbeing demo
              wellbeing generate --pupils 5000 --schools 20 --las 2 --seed 1 --out returns/
              wellbeing validate returns/*.xml
              wellbeing aggregate returns/*.xml --out export/ && wellbeing audit export/
            """,
        version: SoftwareVersion.current,
        subcommands: [ValidateCommand.self, AggregateCommand.self, IngestCommand.self, PublishCommand.self,
                      ReturnsCommand.self, AuditCommand.self, GenerateCommand.self, ServeCommand.self, TokenCommand.self,
                      DemoCommand.self]
    )

    /// Runs the command; usage mistakes exit 2 (not ArgumentParser's 64), as the spec's exit codes say.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            printError(failure.description)
            Glibc.exit(failure.exitCode.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { print(message) } else { printError(message) }
            }
            Glibc.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    let line = message.hasSuffix("\n") ? message : message + "\n"
    FileHandle.standardError.write(Data(line.utf8))
}
