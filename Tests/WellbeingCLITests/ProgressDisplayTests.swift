import Foundation
import Testing

/// The progress bar as a user sees it: drawn on a terminal (a pseudo-terminal made by `script`), absent
/// from pipes, under `--quiet` and on a dumb terminal.
@Suite("progress display")
struct ProgressDisplayTests {
    /// A return big enough for the bar to be drawn a few times, generated once per test.
    private static func generatedReturn(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("return.xml").path
        let result = try CommandRunner.run(["generate", "--pupils", "6000", "--schools", "12", "--las", "1",
                                            "--seed", "11", "--quiet", "--out", path])
        #expect(result.status == 0, "\(result.stderr)")
        return path
    }

    /// Runs `wellbeing ARGUMENTS` on a pseudo-terminal; what the terminal showed (stdout and stderr together).
    ///
    /// NO_COLOR and TERM are set only as `environment` says (TERM=xterm by default), whatever the test
    /// run's own environment holds.
    private static func onTerminal(_ arguments: [String], environment: [String: String] = [:]) throws
        -> CommandRunner.Result
    {
        let settings = ["TERM": "xterm"].merging(environment) { $1 }.map { "\($0)=\($1)" }
        let command = (["env", "-u", "NO_COLOR"] + settings + [CommandRunner.executable.path] + arguments)
            .map { "'\($0)'" }.joined(separator: " ")
        return try CommandRunner.run("script", ["-qec", command, "/dev/null"])
    }

    @Test("on a terminal, aggregate shows a bar with a share, MB read and an ETA, then the tables' steps")
    func barOnTerminal() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.generatedReturn(in: folder)
        let shown = try Self.onTerminal(["aggregate", file, "--out", folder.appendingPathComponent("out").path])
        #expect(shown.status == 0, "\(shown.stdout)")
        #expect(shown.stdout.contains("reading return.xml \u{1B}[36m["))
        // The bar's end (then the colour's reset), the share, and MB read of the file's size.
        #expect(shown.stdout.contains(/\](\x1B\[0m)? \d+%  [\d.]+\/4\.9 MB/))
        #expect(shown.stdout.contains("ETA "))
        #expect(shown.stdout.contains("writing out"))
        // Each redraw first takes the previous line away (cursor up, erase line).
        #expect(shown.stdout.contains("\u{1B}[1A\u{1B}[2K"))
        #expect(shown.stdout.contains("wrote "))
    }

    @Test("NO_COLOR keeps the bar but drops its colour")
    func noColour() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.generatedReturn(in: folder)
        let shown = try Self.onTerminal(["aggregate", file, "--out", folder.appendingPathComponent("out").path],
                                        environment: ["NO_COLOR": "1"])
        #expect(shown.status == 0, "\(shown.stdout)")
        #expect(shown.stdout.contains("reading return.xml ["))
        #expect(!shown.stdout.contains("\u{1B}[36m"))
    }

    @Test("with --quiet or TERM=dumb a terminal shows no bar", arguments: [
        (["--quiet"], "xterm"), ([], "dumb"),
    ])
    func quietOnTerminal(extra: [String], term: String) throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.generatedReturn(in: folder)
        let shown = try Self.onTerminal(["aggregate", file, "--out", folder.appendingPathComponent("out").path]
                                        + extra, environment: ["TERM": term])
        #expect(shown.status == 0, "\(shown.stdout)")
        #expect(!shown.stdout.contains("\u{1B}["))
        #expect(!shown.stdout.contains("ETA"))
    }

    @Test("into pipes, ingest prints its receipt and nothing else: no bar, no carriage returns")
    func pipesStayQuiet() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.generatedReturn(in: folder)
        let result = try CommandRunner.run(["ingest", "--db", folder.appendingPathComponent("store.sqlite").path, file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("\(file): stored as return "))
        #expect(result.stdout.split(separator: "\n").count == 1)
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\r"))
    }
}
