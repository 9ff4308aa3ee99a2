import Foundation
import Testing

@Suite("wellbeing aggregate")
struct AggregateCommandTests {
    static let inputs = ["Fixtures/valid/hand-checkable.xml", "Fixtures/valid/bom-utf8.xml",
                         "Fixtures/valid/utf16.xml", "Fixtures/valid/warnings.xml"]
    static let golden = CommandRunner.packageRoot.appendingPathComponent("Fixtures/golden/aggregate")

    /// Every text file of the folder; indicators.xlsx (zip, binary) is checked cell by cell with openpyxl
    /// in WellbeingExportTests instead.
    @Test("the export folder matches the golden files (re-record with RECORD_GOLDEN=1)", arguments: [
        "indicators.csv", "indicators.meta.csv", "suppression-summary.csv", "provenance.json", "datapackage.json",
        "indicators.json",
    ])
    func golden(file: String) throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CommandRunner.run(["aggregate", "--quiet"] + Self.inputs + ["--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        var produced = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
        if file.hasSuffix(".json") {
            // The time of generation is the one thing allowed to differ between runs.
            produced = produced.replacing(/"(generated|created)" : "[^"]+"/) { "\"\($0.1)\" : \"(time)\"" }
        }
        let goldenFile = Self.golden.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.golden, withIntermediateDirectories: true)
            try produced.write(to: goldenFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: goldenFile, encoding: .utf8)
        #expect(produced == expected, "\(file) differs from Fixtures/golden/aggregate/\(file)")
    }

    @Test("names with accents, apostrophes and non-Latin scripts survive into the CSV")
    func names() throws {
        let csv = try String(contentsOf: Self.golden.appendingPathComponent("indicators.csv"), encoding: .utf8)
        #expect(csv.contains(",Kentish Town Girls' & Boys' School,"))
        #expect(csv.contains(",Ελληνικό Σχολείο Αγίου Γεωργίου,"))
        #expect(csv.contains(",曼徹斯特中文學校,"))
        #expect(csv.contains(",Ysgol Gŵyr a Chaerdydd,"))
        #expect(!csv.contains("&#"), "a character reference leaked into a name")
    }

    @Test("every suppressed value is c, and no row says why")
    func symbols() throws {
        let csv = try String(contentsOf: Self.golden.appendingPathComponent("indicators.csv"), encoding: .utf8)
        #expect(!csv.contains("P1") && !csv.contains("P2") && !csv.contains("P3"))
        let rows = csv.split(separator: "\n").dropFirst()
        #expect(rows.contains { $0.contains(",c,") })
        for row in rows {
            // Measures are numbers or the symbols c, z, x; never blank.
            let measures = row.split(separator: ",", omittingEmptySubsequences: false).suffix(11)
            for (i, value) in measures.enumerated() where i != 9 {
                #expect(value == "c" || value == "z" || value == "x" || Double(value) != nil, "bad measure \(value)")
            }
        }
    }

    @Test("--level, --indicator, --breakdown and --la write the golden export's rows they name, and nothing else")
    func filtered() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CommandRunner.run(["aggregate", "--quiet"] + Self.inputs + [
            "--out", out.path, "--level", "school,local-authority", "--la", "Camden", "--la", "206",
            "--indicator", "WB03", "--breakdown", "total,sex"])
        #expect(result.status == 0, "\(result.stderr)")
        let produced = try String(contentsOf: out.appendingPathComponent("indicators.csv"), encoding: .utf8)
            .split(separator: "\n")
        let golden = try String(contentsOf: Self.golden.appendingPathComponent("indicators.csv"), encoding: .utf8)
            .split(separator: "\n")
        // Columns: 2 level, 7 old_la_code, 14 indicator_id, 15… the breakdowns (year_group onwards Total).
        let expected = golden.dropFirst().filter { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return ["School", "Local authority"].contains(f[2]) && ["202", "206"].contains(f[7]) && f[14] == "WB03"
                && f[16...19].allSatisfy { $0 == "Total" }
        }
        #expect(produced.first == golden.first)
        #expect(!expected.isEmpty)
        #expect(Array(produced.dropFirst()) == expected)
    }

    @Test("an unknown filter value exits 1, names the valid values and writes nothing", arguments: [
        (["--level", "county"], "--level: unknown level \"county\"; valid levels: national, regional, local-authority, school"),
        (["--la", "Leeds"], "valid local authorities in this publication: 202 (Camden), 206 (Islington), 352 (Manchester)"),
        (["--breakdown", "gender"], "valid breakdowns: total, sex, year_group"),
        (["--indicator", "WB3"], "unknown indicator \"WB3\"; valid indicators: WB01, WB02"),
    ])
    func unknownFilterValue(arguments: [String], message: String) throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let target = out.appendingPathComponent("export")
        let result = try CommandRunner.run(["aggregate", "--quiet"] + Self.inputs + ["--out", target.path] + arguments)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test("the default export is audited: a passing audit.json, more hidden than --no-audit, which removes it")
    func audited() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CommandRunner.run(["aggregate", "--quiet"] + Self.inputs + ["--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let audit = try JSONSerialization.jsonObject(
            with: Data(contentsOf: out.appendingPathComponent("audit.json"))) as! [String: Any]
        #expect(audit["format"] as? String == "wellbeing-audit/1")
        #expect(audit["passed"] as? Bool == true)
        let tables = try #require(audit["tables"] as? [[String: Any]])
        let cells = tables.flatMap { $0["cells"] as? [[String: Any]] ?? [] }
        #expect(!cells.isEmpty)
        #expect(cells.allSatisfy { $0["passed"] as? Bool == true })
        // The audit lists exactly the cells the suppression summary counts as hidden, and more than the floor alone.
        func hidden(_ folder: URL) throws -> Int {
            let summary = try String(contentsOf: folder.appendingPathComponent("suppression-summary.csv"), encoding: .utf8)
            let all = try #require(summary.split(separator: "\n").last { $0.hasPrefix("All levels,") })
            return all.split(separator: ",")[2...5].reduce(0) { $0 + Int($1)! }
        }
        #expect(try hidden(out) == cells.count)
        func audited(_ folder: URL) throws -> Bool? {
            let provenance = try JSONSerialization.jsonObject(
                with: Data(contentsOf: folder.appendingPathComponent("provenance.json"))) as! [String: Any]
            return (provenance["policy"] as? [String: Any])?["audited"] as? Bool
        }
        #expect(try audited(out) == true)

        let floor = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: floor) }
        #expect(try CommandRunner.run(["aggregate", "--quiet", "--no-audit"] + Self.inputs + ["--out", floor.path]).status == 0)
        #expect(try hidden(out) > hidden(floor))
        #expect(try audited(floor) == false)

        let again = try CommandRunner.run(["aggregate", "--quiet", "--no-audit"] + Self.inputs + ["--out", out.path])
        #expect(again.status == 0)
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("audit.json").path))
    }

    @Test("--formats none writes only the tables and removes an earlier export's optional parts")
    func formatsNone() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let full = try CommandRunner.run(["aggregate", "--quiet"] + Self.inputs + ["--out", out.path])
        #expect(full.status == 0)
        let optional = ["indicators.json", "indicators.xlsx", "report-cards"]
        for name in optional { #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path)) }
        let tables = try CommandRunner.run(["aggregate", "--quiet", "--formats", "none"] + Self.inputs
                                           + ["--out", out.path])
        #expect(tables.status == 0)
        for name in optional { #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path)) }
        let csv = try Data(contentsOf: out.appendingPathComponent("indicators.csv"))
        #expect(csv == (try Data(contentsOf: Self.golden.appendingPathComponent("indicators.csv"))))

        let typo = try CommandRunner.run(["aggregate", "--formats", "json,pdf"] + Self.inputs
                                         + ["--out", out.appendingPathComponent("new").path])
        #expect(typo.status != 0)
        #expect(typo.stderr.contains("unknown part \"pdf\""))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("new").path))
    }

    @Test("one rejected return means nothing is written and exit 1")
    func rejected() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let target = out.appendingPathComponent("export")
        let result = try CommandRunner.run(["aggregate", "Fixtures/valid/minimal.xml",
                                            "Fixtures/invalid/E121-duplicate-ref.xml", "--out", target.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("E121"))
        #expect(result.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test("a later return's school supersedes the earlier one's")
    func resubmission() throws {
        let out = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let once = try CommandRunner.run(["aggregate", "--quiet", "Fixtures/valid/minimal.xml",
                                          "--out", out.appendingPathComponent("a").path])
        let twice = try CommandRunner.run(["aggregate", "--quiet", "Fixtures/valid/minimal.xml",
                                           "Fixtures/valid/minimal.xml", "--out", out.appendingPathComponent("b").path])
        #expect(once.status == 0 && twice.status == 0)
        let a = try String(contentsOf: out.appendingPathComponent("a/indicators.csv"), encoding: .utf8)
        let b = try String(contentsOf: out.appendingPathComponent("b/indicators.csv"), encoding: .utf8)
        #expect(a == b)
    }
}
