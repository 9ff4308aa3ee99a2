import Foundation
import Testing

/// `wellbeing audit DIR`: an audited export re-audits clean from its files, and edits to the files are caught.
@Suite("wellbeing audit")
struct AuditCommandTests {
    /// A generated two-LA wave, aggregated with --audit once; each test edits its own copy.
    static let export: URL = {
        let root = try! CommandRunner.temporaryDirectory()
        let returns = root.appendingPathComponent("returns")
        let generated = try! CommandRunner.run(["generate", "--pupils", "3000", "--schools", "12", "--las", "2",
                                                "--seed", "3", "--quiet", "--out", returns.path + "/"])
        precondition(generated.status == 0, generated.stderr)
        let files = generated.stdout.split(separator: "\n").map(String.init)
        let folder = root.appendingPathComponent("export")
        let aggregated = try! CommandRunner.run(["aggregate", "--quiet", "--formats", "none"] + files
                                                + ["--out", folder.path])
        precondition(aggregated.status == 0, aggregated.stderr)
        return folder
    }()

    /// A fresh copy of the audited export.
    static func copy() throws -> URL {
        let target = try CommandRunner.temporaryDirectory().appendingPathComponent("export")
        try FileManager.default.copyItem(at: export, to: target)
        return target
    }

    @Test("an audited export of a generated two-LA wave re-audits clean, with the export's own counts")
    func clean() throws {
        let folder = try Self.copy()
        let result = try CommandRunner.run(["audit", folder.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let audit = try AuditFile(folder: folder)
        let primary = audit.cells.filter { $0.isPrimary }.count
        #expect(primary > 0)
        #expect(result.stdout.contains("hidden cells: \(audit.cells.count) ("))
        #expect(result.stdout.contains("primary cells audited: \(primary); keep their protection interval:"
                                       + " \(primary); exposed: 0"))
        #expect(result.stdout.contains("Files agree"))
        #expect(result.stdout.contains("PASS"))
    }

    /// With its audit entry dropped too, the files agree and only the LP finds the exposure; with the entry
    /// kept, the files also disagree.
    @Test("an audited export of the hand-made fixtures, three waves with awkward names, re-audits clean")
    func severalWaves() throws {
        let folder = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let aggregated = try CommandRunner.run(["aggregate", "--quiet", "--formats", "none"]
                                               + AggregateCommandTests.inputs + ["--out", folder.path])
        #expect(aggregated.status == 0, "\(aggregated.stderr)")
        let result = try CommandRunner.run(["audit", folder.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        for wave in ["2026AUT (time period 202627)", "2026SUM (time period 202526)", "2027SPR (time period 202627)"] {
            #expect(result.stdout.contains(wave), "\(wave) missing from:\n\(result.stdout)")
        }
    }

    @Test("publishing a hidden cell's true values exposes its neighbour: exit 1, naming the exposed cell",
          arguments: [true, false])
    func revealedCell(dropsEntry: Bool) throws {
        let folder = try Self.copy()
        let audit = try AuditFile(folder: folder)
        var table = try CSVFile(url: folder.appendingPathComponent("indicators.csv"))
        // A breakdown at one geography with exactly two hidden categories, a primary among them, a published
        // total, and no score sums (a proportion or a count): publishing one makes the other a subtraction.
        let hiddenRows = table.rows.indices.filter { table.rows[$0][20] == "c" }
        let groups = Dictionary(grouping: hiddenRows) { table.group(of: $0) }
        let (revealed, exposed) = try #require(groups.compactMap { group, rows -> (Int, AuditFile.Cell)? in
            guard rows.count == 2, group.breakdown != "total", table.totalIsPublished(group) else { return nil }
            let cells = rows.map { audit.cell(for: table.key(of: $0))! }
            guard !cells.contains(where: { $0.values["score_sum"] != nil }),
                  let primary = cells.firstIndex(where: \.isPrimary) else { return nil }
            return (rows[1 - primary], cells[primary])
        }.min { $0.1.text < $1.1.text })
        let truth = try #require(audit.cell(for: table.key(of: revealed)))
        let n = try #require(truth.values["n"])
        table.rows[revealed][20] = String(n)
        if let count = truth.values["count"] {
            let percent = String(format: "%.1f", 100 * Double(count) / Double(n))
            table.rows[revealed][21] = String(count)
            for column in 22...24 { table.rows[revealed][column] = percent }
        }
        try table.write()
        if dropsEntry { try AuditFile.removeEntry(truth, in: folder) }

        let result = try CommandRunner.run(["audit", folder.path])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Exposed primary cells"))
        #expect(result.stdout.split(separator: "\n").contains {
            $0.hasPrefix("  - ") && $0.contains("\(exposed.level) \(exposed.code) ") && $0.contains(" \(exposed.text): ")
        }, "\(exposed.level) \(exposed.code) \(exposed.text) not named in:\n\(result.stdout)")
        #expect(result.stdout.contains("FAIL"))
        let covered = "audit.json covers \(truth.level) \(truth.code) "
        if dropsEntry {
            #expect(result.stdout.contains("Files agree"))
        } else {
            #expect(result.stdout.split(separator: "\n").contains {
                $0.contains(covered) && $0.hasSuffix(" \(truth.text), which indicators.csv publishes")
            }, "\(result.stdout)")
        }
    }

    @Test("a hidden cell whose audit entry was deleted: exit 1, naming it")
    func deletedEntry() throws {
        let folder = try Self.copy()
        let audit = try AuditFile(folder: folder)
        let removed = audit.cells[audit.cells.count / 2]
        try AuditFile.removeEntry(removed, in: folder)

        let result = try CommandRunner.run(["audit", folder.path])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").contains {
            $0.contains("\(removed.level) \(removed.code) ")
                && $0.contains(" \(removed.text) shows c in indicators.csv but audit.json has no entry")
        }, "\(result.stdout)")
        #expect(result.stdout.contains("not audited"))
    }

    @Test("a published n edited so the schools no longer add up to their LA: exit 1")
    func editedTotal() throws {
        let folder = try Self.copy()
        var table = try CSVFile(url: folder.appendingPathComponent("indicators.csv"))
        // The first published school total of an indicator, one more respondent than it had.
        let row = try #require(table.rows.indices.first {
            table.rows[$0][2] == "School" && table.rows[$0][20] != "c" && table.group(of: $0).breakdown == "total"
        })
        table.rows[row][20] = String(Int(table.rows[row][20])! + 1)
        try table.write()

        let result = try CommandRunner.run(["audit", folder.path])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("the schools do not add up to Local authority \(table.rows[row][7])"))
        #expect(result.stdout.contains("categories do not add up to School \(table.rows[row][10])"))
    }

    @Test("an unreadable folder exits 2 and says how to fix it", arguments: [
        ("audit.json", "{ \"format\": \"wellbeing-audit/1\", ", "audit.json is not a readable audit report"),
        ("audit.json", nil, "has no audit.json, so it was exported without an audit"),
        ("indicators.csv", "time_period,geographic_level\n", "does not start with the header wellbeing writes"),
    ] as [(String, String?, String)])
    func unreadable(file: String, contents: String?, message: String) throws {
        let folder = try Self.copy()
        let url = folder.appendingPathComponent(file)
        if let contents { try contents.write(to: url, atomically: true, encoding: .utf8) } else {
            try FileManager.default.removeItem(at: url)
        }
        let result = try CommandRunner.run(["audit", folder.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}

/// The cells of an export's audit.json, as the test reads them (independently of the tool's own reader).
struct AuditFile {
    struct Cell {
        var level, code, indicator, breakdown, category, reason: String
        var values: [String: Int]

        init(json: [String: Any]) {
            level = json["geographic_level"] as! String
            code = json["code"] as! String
            indicator = json["indicator_id"] as! String
            breakdown = json["breakdown"] as! String
            category = json["category"] as! String
            reason = json["reason"] as! String
            values = [:]
            for measure in json["measures"] as! [[String: Any]] {
                values[measure["quantity"] as! String] = measure["value"] as? Int
            }
        }

        var isPrimary: Bool { reason != "secondary" }
        var key: [String] { [level, code, indicator, breakdown, category] }
        /// How the tool names the cell in its messages (the name is left out: the tests match the code).
        var text: String { "\(indicator) " + (breakdown == "total" ? "total" : "\(breakdown)=\(category)") }
    }

    var cells: [Cell]

    init(folder: URL) throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("audit.json")))
        let tables = (json as! [String: Any])["tables"] as! [[String: Any]]
        cells = tables.flatMap { ($0["cells"] as! [[String: Any]]).map(Cell.init) }
    }

    func cell(for key: [String]) -> Cell? { cells.first { $0.key == key } }

    /// Rewrites the folder's audit.json without the entry of `cell`.
    static func removeEntry(_ cell: Cell, in folder: URL) throws {
        let url = folder.appendingPathComponent("audit.json")
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        json["tables"] = (json["tables"] as! [[String: Any]]).map { table in
            var table = table
            table["cells"] = (table["cells"] as! [[String: Any]]).filter { Cell(json: $0).key != cell.key }
            return table
        }
        try JSONSerialization.data(withJSONObject: json).write(to: url)
    }
}

/// indicators.csv as fields, to edit and write back (RFC 4180 quoting both ways).
struct CSVFile {
    var url: URL
    var header: [String]
    var rows: [[String]]

    init(url: URL) throws {
        self.url = url
        var records = Self.parse(try String(contentsOf: url, encoding: .utf8))
        header = records.removeFirst()
        rows = records
    }

    /// A row's geography, indicator and breakdown (the relation its category sits in).
    struct Group: Hashable {
        var level, code, indicator, breakdown: String
    }

    func group(of row: Int) -> Group {
        let key = self.key(of: row)
        return Group(level: key[0], code: key[1], indicator: key[2], breakdown: key[3])
    }

    /// The row's cell as audit.json names it: level, code, indicator, breakdown, category.
    func key(of row: Int) -> [String] {
        let f = rows[row]
        let code = switch f[2] {
        case "National": f[3]
        case "Regional": f[5]
        case "Local authority": f[7]
        default: f[10]
        }
        let filters = ["sex", "year_group", "fsm_status", "sen_status", "ethnicity_major"]
        let active = (0..<5).first { f[15 + $0] != "Total" }
        return [f[2], code, f[14], active.map { filters[$0] } ?? "total", active.map { f[15 + $0] } ?? "Total"]
    }

    func totalIsPublished(_ group: Group) -> Bool {
        rows.indices.contains { row in
            let key = self.key(of: row)
            return key[0] == group.level && key[1] == group.code && key[2] == group.indicator && key[3] == "total"
                && rows[row][20] != "c"
        }
    }

    func write() throws {
        let lines = ([header] + rows).map { fields in
            fields.map { field in
                field.contains(where: { ",\"\n\r".contains($0) })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",")
        }
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    private static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, previousQuote = false
        for character in text {
            if quoted {
                if character == "\"" { quoted = false; previousQuote = true } else { field.append(character) }
                continue
            }
            switch character {
            case "\"":
                if previousQuote { field.append("\"") }
                quoted = true
            case ",":
                record.append(field); field = ""
            case "\n", "\r\n":
                record.append(field); field = ""
                records.append(record); record = []
            default:
                field.append(character)
            }
            previousQuote = false
        }
        if !record.isEmpty || !field.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
