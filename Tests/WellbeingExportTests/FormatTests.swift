import Foundation
import Testing
@testable import WellbeingExport

/// Every format of the export folder, checked by independent Python tools against the CSV.
@Suite("Export formats", .serialized)
struct FormatTests {
    static let publication = try! Exports.publication(Exports.golden + ["valid/awkward-names.xml"])

    @Test("indicators.json satisfies its JSON Schema (Python jsonschema) and holds the CSV's cells", arguments: [
        PublicationFilter.everything, PublicationFilter(levels: [.school], localAuthorities: ["202"]),
    ])
    func json(filter: PublicationFilter) throws {
        let folder = try Exports.folder(Self.publication, filter: filter)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Python.compareFormats("json", folder: folder)
        #expect(report.errors == [])
        #expect(report.cells > 1000)
    }

    @Test("indicators.xlsx read back by openpyxl: contents, one frozen, filtered sheet per level, notes, same cells")
    func xlsx() throws {
        let folder = try Exports.folder(Self.publication)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Python.compareFormats("xlsx", folder: folder)
        #expect(report.errors == [])
        let rows = try CSVTable(Exports.text(folder, "indicators.csv")).rows.count
        #expect(report.cells == rows * 31)
    }

    @Test("a level with more rows than a sheet holds continues on numbered sheets, listed on the contents sheet")
    func sheetOverflow() throws {
        let folder = try Exports.folder(Self.publication)
        defer { try? FileManager.default.removeItem(at: folder) }
        let publication = Self.publication
        var workbook = IndicatorsWorkbook(tables: publication.tables, filter: .everything, policy: publication.policy,
                                          provenance: publication.provenance)
        workbook.rowsPerSheet = 500
        try workbook.write(to: folder.appendingPathComponent("indicators.xlsx").path)
        let report = try Python.compareFormats("xlsx", folder: folder)
        #expect(report.errors == [])
        let names = try Python.run(["python3", "-c", "import openpyxl, sys; print(openpyxl.load_workbook(sys.argv[1], "
                                    + "read_only=True).sheetnames)", folder.appendingPathComponent("indicators.xlsx").path])
        #expect(names.output.contains("'School', 'School (2)', 'School (3)'"), "\(names.output)")
    }

    @Test("the same publication gives the same workbook, byte for byte")
    func xlsxDeterministic() throws {
        let folder = try Exports.folder(Self.publication, filter: .everything)
        defer { try? FileManager.default.removeItem(at: folder) }
        let publication = Self.publication
        let again = folder.appendingPathComponent("again.xlsx")
        try IndicatorsWorkbook(tables: publication.tables, filter: .everything, policy: publication.policy,
                               provenance: publication.provenance).write(to: again.path)
        let first = try Data(contentsOf: folder.appendingPathComponent("indicators.xlsx"))
        #expect(first.count > 10_000)
        #expect(try Data(contentsOf: again) == first)
    }

    @Test("a workbook whose ZIP needs ZIP64 (limits lowered to reach it) reads back the same")
    func xlsxZip64() throws {
        let folder = try Exports.folder(Self.publication)
        defer { try? FileManager.default.removeItem(at: folder) }
        let publication = Self.publication
        let workbook = IndicatorsWorkbook(tables: publication.tables, filter: .everything, policy: publication.policy,
                                          provenance: publication.provenance)
        let path = folder.appendingPathComponent("indicators.xlsx").path
        try workbook.write(to: path, limits: ZipArchive.Limits(field: 4096, entries: 10))
        let report = try Python.compareFormats("xlsx", folder: folder)
        #expect(report.errors == [])
        // Every entry past the first 4 KiB has its offset in a ZIP64 field, and there are more than 10.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.range(of: Data([0x50, 0x4B, 0x06, 0x06])) != nil)
    }

    @Test("frictionless validate passes on datapackage.json, and fails when a typed cell or key is broken")
    func dataPackage() throws {
        let folder = try Exports.folder(Self.publication)
        defer { try? FileManager.default.removeItem(at: folder) }
        let valid = try Python.run(["frictionless", "validate", "--json", folder.appendingPathComponent("datapackage.json").path])
        #expect(valid.status == 0, "\(valid.output.prefix(2000))\(valid.errors)")

        // A word where a number belongs, and a duplicated row: both must fail the same validation.
        var table = try CSVTable(Exports.text(folder, "indicators.csv"))
        let respondents = table.column("respondents")
        let numbered = table.rows.firstIndex { Int($0[respondents]) != nil }!
        table.rows[numbered][respondents] = "twelve"
        table.rows.append(table.rows[0])
        try table.text.write(to: folder.appendingPathComponent("indicators.csv"), atomically: true, encoding: .utf8)
        let broken = try Python.run(["frictionless", "validate", "--json",
                                     folder.appendingPathComponent("datapackage.json").path])
        #expect(broken.status != 0)
        #expect(broken.output.contains("type-error") && broken.output.contains("primary-key"))
    }

    @Test("datapackage.json describes every CSV in the folder, with licence and provenance")
    func dataPackageContents() throws {
        let folder = try Exports.folder(Self.publication)
        defer { try? FileManager.default.removeItem(at: folder) }
        let package = try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("datapackage.json"))) as! [String: Any]
        let resources = package["resources"] as! [[String: Any]]
        let csvs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
        #expect(Set(resources.map { $0["path"] as! String }) == Set(csvs))
        #expect((package["licenses"] as! [[String: Any]]).first?["name"] as? String == "OGL-UK-3.0")
        #expect((package["provenance"] as! [String: Any])["inputs"] != nil)
        let indicators = resources.first { $0["path"] as? String == "indicators.csv" }!
        let schema = indicators["schema"] as! [String: Any]
        #expect(schema["missingValues"] as! [String] == ["", "c", "x", "z", "u", "low"])
        let types = Dictionary(uniqueKeysWithValues: (schema["fields"] as! [[String: Any]]).map {
            ($0["name"] as! String, $0["type"] as! String)
        })
        #expect(types["respondents"] == "integer" && types["percent"] == "number" && types["school_urn"] == "string")
    }
}
