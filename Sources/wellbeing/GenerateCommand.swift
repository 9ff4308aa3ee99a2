import ArgumentParser
import Foundation
import WellbeingCore
import WellbeingResources
import WellbeingSynthetic

/// `wellbeing generate`: realistic, seeded synthetic returns, one per LA.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write realistic synthetic returns (one per LA) for demos, tests and benchmarks.",
        discussion: """
            Pupils are shared over schools of every phase and size (including tiny
            schools of 3-15 respondents), in real LAs picked from the seed across the
            regions. Answers are correlated as in real surveys (bullied pupils feel less
            safe and score lower on well-being) and a few are missing. The same arguments
            always give byte-identical files.

            A return is one LA's batch, so --out names one file per LA:
              --out DIR (an existing directory, or any name not ending in .xml)
                  writes DIR/LA<code>-<wave>.xml for each LA;
              --out FILE.xml with one LA writes FILE.xml;
              --out FILE.xml with several LAs writes FILE-<code>.xml for each.
            The paths written are printed on standard output, one a line.

            Examples:
              wellbeing generate --pupils 5000 --schools 20 --las 2 --seed 1 --out returns/
              wellbeing generate --pupils 1000000 --schools 2000 --out big.xml
              wellbeing generate --pupils 800 --schools 6 --la 202 --out camden.xml
            """
    )

    @Option(help: "Respondents in the whole wave (every school gets at least one).")
    var pupils = 10_000

    @Option(help: "Schools in the whole wave, shared over the LAs.")
    var schools = 50

    @Option(help: "Local authorities, one return each, picked from the seed (default: 1, or one per --la).")
    var las: Int?

    @Option(name: .customLong("la"), parsing: .singleValue,
            help: ArgumentHelp("Use this LA (3-digit DfE code, e.g. 202); repeat for several. Sets --las.",
                               valueName: "CODE"))
    var laCodes: [String] = []

    @Option(help: "Seed of the random choices; the same seed gives the same bytes.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Where to write: a directory, or a file ending in .xml (see above).",
                               valueName: "PATH"))
    var out: String

    @Option(help: ArgumentHelp("Survey wave: year and AUT, SPR or SUM (the academic year follows).",
                               valueName: "WAVE"))
    var wave = "2026AUT"

    @Option(help: ArgumentHelp("Share of pupils with a UPN, 0 to 1.", valueName: "SHARE"))
    var upnShare = 0.7

    @Option(help: ArgumentHelp("Roughly the share of asked items left unanswered, 0 to 1.", valueName: "RATE"))
    var missingRate = 0.03

    @Flag(help: "Never give the same answer to all seven SWEMWBS items (no W203 warnings).")
    var noStraightLining = false

    @Flag(help: "No progress display.")
    var quiet = false

    func validate() throws {
        guard SurveyWave(code: wave) != nil else {
            throw ValidationError("--wave \"\(wave)\" is not a wave; use a year and AUT, SPR or SUM, e.g. 2026AUT")
        }
        if let las, !laCodes.isEmpty, las != laCodes.count {
            throw ValidationError(
                "--las \(las) disagrees with the \(laCodes.count) --la code(s); give one or the other")
        }
        guard !out.isEmpty else { throw ValidationError("--out needs a file or directory name") }
    }

    func run() throws {
        let reference: ShippedReferenceData
        do {
            reference = try ShippedReferenceData.load()
        } catch {
            throw CommandFailure.io(error.description)
        }
        let parameters = SyntheticWaveParameters(
            pupils: pupils, schools: schools, localAuthorityCount: las ?? max(1, laCodes.count), seed: seed,
            wave: SurveyWave(code: wave)!, upnShare: upnShare, missingRate: missingRate,
            allowsStraightLining: !noStraightLining, localAuthorityCodes: laCodes)
        let synthetic: SyntheticWave
        do {
            synthetic = try SyntheticWave(parameters, instrument: reference.catalogue.instrument,
                                          authorities: reference.localAuthorities)
        } catch {
            throw ValidationError(error.description)
        }

        let paths = try outputPaths(for: synthetic.returns)
        let progress = TerminalProgress(quiet: quiet)
        defer { progress.finish() }
        progress.begin("generating", total: pupils, unit: .count("pupils"))
        let start = ContinuousClock.now
        var done = 0
        for (index, path) in paths.enumerated() {
            let before = done
            try write(path: path) { sink in
                try synthetic.write(returnAt: index, to: &sink) { written in
                    progress.advance(by: before + written - done)
                    done = before + written
                }
            }
            progress.pausing { print(path) }
        }
        progress.finish()
        if progress.isShown {
            let figures = ProgressFigures(completed: done, total: nil, unit: .count("pupils"),
                                          elapsed: ContinuousClock.now - start)
            let taken = ProgressFigures.clock(figures.elapsed, rounding: .down)
            printError("\(done) pupils in \(paths.count) return(s) in \(taken)"
                       + (figures.rateText.map { " (\($0))" } ?? ""))
        }
    }

    /// One path per return, following the rules in the help.
    private func outputPaths(for returns: [SyntheticWave.Return]) throws -> [String] {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory)
        let wave = SurveyWave(code: wave)!.code
        if isDirectory.boolValue || !out.lowercased().hasSuffix(".xml") {
            if !exists {
                do {
                    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
                } catch {
                    throw CommandFailure.io("cannot create directory \(out): \(error.localizedDescription)")
                }
            }
            let directory = out.hasSuffix("/") ? out : out + "/"
            return returns.map { "\(directory)LA\($0.authority.code)-\(wave).xml" }
        }
        guard returns.count > 1 else { return [out] }
        let stem = String(out.dropLast(4))
        return returns.map { "\(stem)-\($0.authority.code).xml" }
    }

    /// Writes a file through a temporary name, so a failed run never leaves a half-written return behind.
    private func write(path: String, body: (inout FileSink) throws -> Void) throws {
        let partial = path + ".partial"
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: partial, contents: nil),
              let handle = FileHandle(forWritingAtPath: partial)
        else {
            throw CommandFailure.io("cannot write \(path): check the directory exists and is writable")
        }
        var sink = FileSink(handle: handle, path: path)
        do {
            try body(&sink)
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: partial)
            if let failure = error as? CommandFailure { throw failure }
            throw CommandFailure.io("cannot write \(path): \(error.localizedDescription)")
        }
    }
}

/// Hands the generator's megabyte chunks straight to a file.
private struct FileSink: ByteSink {
    let handle: FileHandle
    let path: String

    mutating func write(_ chunk: UnsafeRawBufferPointer) throws {
        do {
            try handle.write(contentsOf: chunk)
        } catch {
            throw CommandFailure.io("cannot write \(path): \(error.localizedDescription)")
        }
    }
}
