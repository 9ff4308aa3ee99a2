import Foundation
import Testing
@testable import WellbeingExport

/// The workbook writer read back by openpyxl: sheets, header, frozen pane, filter, typed cells, links.
@Suite("XLSX workbook", .serialized)
struct XLSXWorkbookTests {
    static let dataSheet = "Écoles d'été · 北京 (2)"
    static let awkward = "Saint-Étienne's \"Little Stars\" & <Co>"

    /// Every sheet as openpyxl sees it, as JSON.
    static let reader = """
        import json, sys, zipfile, openpyxl
        zipfile.ZipFile(sys.argv[1]).testzip()
        wb = openpyxl.load_workbook(sys.argv[1])
        def cell(c):
            if c.value is None: return None
            kind = "number" if isinstance(c.value, (int, float)) else "text"
            return {"value": c.value, "kind": kind, "format": c.number_format, "bold": bool(c.font.b),
                    "link": c.hyperlink.location if c.hyperlink else None}
        print(json.dumps({"names": wb.sheetnames, "sheets": [{
            "frozen": ws.freeze_panes, "filter": ws.auto_filter.ref, "widthA": ws.column_dimensions["A"].width,
            "rows": [[cell(c) for c in row] for row in ws.iter_rows()]} for ws in wb.worksheets]}))
        """

    struct Cell: Decodable, Equatable {
        enum Value: Decodable, Equatable {
            case text(String), number(Double)
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Double.self) { self = .number(number) } else {
                    self = .text(try container.decode(String.self))
                }
            }
        }
        var value: Value
        var kind: String
        var format: String
        var bold: Bool
        var link: String?
    }

    struct Sheet: Decodable {
        var frozen: String?
        var filter: String?
        var widthA: Double
        var rows: [[Cell?]]
    }

    struct Report: Decodable {
        var names: [String]
        var sheets: [Sheet]
    }

    static func written(limits: ZipArchive.Limits = ZipArchive.Limits()) throws -> Report {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try XLSXWorkbook(path: path, created: Date(timeIntervalSince1970: 1_795_000_000),
                                        limits: limits)
        let data = try workbook.addSheet(named: dataSheet, layout: XLSXSheet.Layout(
            frozenRows: 1, columns: [(0...2, 14, nil)]))
        for (column, title) in ["name", "count", "share"].enumerated() {
            try data.write(title, row: 0, column: column, style: .bold)
        }
        data.autofilter(columns: 3)
        try data.write(awkward, row: 1, column: 0)
        try data.write(12, row: 1, column: 1, style: .wholeNumber)
        try data.write(decimal: "-45.50", row: 1, column: 2, style: .twoDecimals)
        // A skipped column, then text needing `preserve` and a control character XML cannot hold.
        try data.write(decimal: "7.0", row: 2, column: 2, style: .oneDecimal)
        try data.write("  Школа № 1 «Радуга»  \u{1}", row: 3, column: 0)
        try data.write("c", row: 3, column: 1)
        let contents = try workbook.addSheet(named: "Contents", layout: XLSXSheet.Layout(columns: [(0...0, 28, nil)]),
                                             placement: .first)
        try contents.write("Sheets", row: 0, column: 0, style: .bold)
        // A skipped row.
        try contents.writeLink(to: dataSheet, text: dataSheet, row: 2, column: 0)
        try workbook.close()

        let result = try Python.run(["python3", "-c", reader, path])
        #expect(result.status == 0, "\(result.errors)")
        return try JSONDecoder().decode(Report.self, from: Data(result.output.utf8))
    }

    @Test("sheets in tab order, frozen header, filter, widths, typed and styled cells, links",
          arguments: [ZipArchive.Limits(), ZipArchive.Limits(field: 100, entries: 2)])
    func readBack(limits: ZipArchive.Limits) throws {
        let report = try Self.written(limits: limits)
        #expect(report.names == ["Contents", Self.dataSheet])
        let contents = report.sheets[0], data = report.sheets[1]
        #expect(contents.frozen == nil && contents.filter == nil)
        #expect(contents.rows.count == 3 && contents.rows[1].allSatisfy { $0 == nil })
        #expect(contents.rows[2][0]?.link == "'\(Self.dataSheet.replacingOccurrences(of: "'", with: "''"))'!A1")
        #expect(contents.rows[2][0]?.value == .text(Self.dataSheet))
        #expect(contents.widthA == 28.7109375)

        #expect(data.frozen == "A2")
        #expect(data.filter == "A1:C4")
        #expect(data.widthA == 14.7109375)
        #expect(data.rows[0].map { $0?.value } == [.text("name"), .text("count"), .text("share")])
        #expect(data.rows[0].allSatisfy { $0?.bold == true })
        #expect(data.rows[1][0] == Cell(value: .text(Self.awkward), kind: "text", format: "General", bold: false))
        #expect(data.rows[1][1] == Cell(value: .number(12), kind: "number", format: "0", bold: false))
        #expect(data.rows[1][2] == Cell(value: .number(-45.5), kind: "number", format: "0.00", bold: false))
        #expect(data.rows[2].map { $0?.value } == [nil, nil, .number(7)])
        #expect(data.rows[2][2]?.format == "0.0")
        // openpyxl leaves Excel's escape of the control character as it stands.
        #expect(data.rows[3].map { $0?.value } == [.text("  Школа № 1 «Радуга»  _x0001_"), .text("c"), nil])
    }

    @Test("sheet names Excel would refuse are refused, with the rule", arguments: [
        "", "a/b", "[x]", String(repeating: "n", count: 32), "'quoted'", "NOTES",
    ])
    func refusedNames(name: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let workbook = try XLSXWorkbook(path: path, created: Date())
        _ = try workbook.addSheet(named: "Notes")
        let error = try #require(throws: ExportError.self) { _ = try workbook.addSheet(named: name) }
        #expect(error.description.contains("1–31 characters"))
    }
}
