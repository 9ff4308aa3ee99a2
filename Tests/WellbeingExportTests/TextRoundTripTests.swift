import Foundation
import Testing
import WellbeingExport

/// School names that break naive writers, through every format.
@Suite("Names survive every format", .serialized)
struct TextRoundTripTests {
    /// The names in `Fixtures/valid/awkward-names.xml`, as the XML means them.
    static let names = [
        "Saint-Étienne's \"Little Stars\", Camden",
        "Ysgol Gŵyr, \"Ŵ\" & Co",
        "Школа № 1 «Радуга»",
        "مدرسة النور",
        "北京學校 'Beijing', \"東\"",
    ].sorted()

    /// A fresh export of the fixture; the caller removes it.
    static func export() throws -> URL { try Exports.folder(Exports.publication(["valid/awkward-names.xml"])) }

    @Test("CSV: RFC 4180 quoting, UTF-8 without a byte-order mark")
    func csv() throws {
        let folder = try Self.export()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = try Data(contentsOf: folder.appendingPathComponent("indicators.csv"))
        #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = try #require(String(data: bytes, encoding: .utf8))
        #expect(text.contains(",\"Saint-Étienne's \"\"Little Stars\"\", Camden\","))
        #expect(text.contains(",Школа № 1 «Радуга»,"))
        let table = try CSVTable(text)
        let column = table.column("school_name")
        #expect(Set(table.rows.map { $0[column] }).subtracting([""]).sorted() == Self.names)
        #expect(table.rows.allSatisfy { $0.count == table.header.count })
    }

    @Test("CSV read by Python's csv module gives the names back")
    func csvByPython() throws {
        let folder = try Self.export()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Python.run(["python3", "-c", """
            import csv, json, sys
            rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"), strict=True))
            print(json.dumps(sorted({r["school_name"] for r in rows} - {""}), ensure_ascii=False))
            """, folder.appendingPathComponent("indicators.csv").path])
        #expect(try JSONDecoder().decode([String].self, from: Data(result.output.utf8)) == Self.names)
    }

    @Test("JSON and XLSX give the names back", arguments: ["json", "xlsx"])
    func formats(mode: String) throws {
        let folder = try Self.export()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try Python.compareFormats(mode, folder: folder)
        #expect(report.errors == [])
        #expect(report.names == Self.names)
    }
}
