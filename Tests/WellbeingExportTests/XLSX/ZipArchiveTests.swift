import Foundation
import Testing
@testable import WellbeingExport

/// The ZIP writer read back by Python's `zipfile` and Info-ZIP's `unzip`, with classic fields and with ZIP64.
@Suite("ZIP archive")
struct ZipArchiveTests {
    /// Line `n` of entry `name`: text both this test and the Python reader can make.
    static func line(_ name: String, _ n: Int) -> String { "\(name) line \(n) \(n * n % 9973)\n" }

    /// The entries: one streamed in many writes, one empty, one written whole, one with a UTF-8 name.
    struct Entry: Encodable { var name: String; var lines: Int }
    static let entries = [Entry(name: "big.txt", lines: 40_000), Entry(name: "empty.txt", lines: 0),
                          Entry(name: "small.xml", lines: 3), Entry(name: "dossier/élèves.txt", lines: 10)]

    /// Python rebuilds each entry's text and compares it with what `zipfile` decompresses (which also
    /// checks the CRC), and reports where ZIP64 records were used.
    static let reader = """
        import json, sys, zipfile
        entries = json.loads(sys.argv[2])
        data = open(sys.argv[1], "rb").read()
        errors = []
        with zipfile.ZipFile(sys.argv[1]) as z:
            bad = z.testzip()
            if bad: errors.append(f"CRC of {bad}")
            names = [i.filename for i in z.infolist()]
            if names != [e["name"] for e in entries]: errors.append(f"names {names}")
            for name, lines in ((e["name"], e["lines"]) for e in entries):
                want = "".join(f"{name} line {n} {n * n % 9973}\\n" for n in range(lines)).encode()
                if z.read(name) != want: errors.append(f"{name} differs")
            zip64 = sum(1 for i in z.infolist() if i.extra[:2] == b"\\x01\\x00")
        print(json.dumps({"errors": errors, "zip64Entries": zip64, "zip64End": b"PK\\x06\\x06" in data}))
        """

    @Test("entries read back whole, classic and ZIP64 (forced by small limits)", arguments: [
        ZipArchive.Limits(), ZipArchive.Limits(field: 1000, entries: 3),
    ])
    func readBack(limits: ZipArchive.Limits) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString).zip").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let archive = try ZipArchive(path: path, level: 1, limits: limits)
        for entry in Self.entries where entry.name != "small.xml" {
            try archive.beginEntry(named: entry.name)
            for n in 0..<entry.lines {
                try Array(Self.line(entry.name, n).utf8).withExportBytes { (raw) throws(ExportError) in
                    try archive.write(raw)
                }
            }
            try archive.endEntry()
            if entry.name == "empty.txt" {
                try archive.addEntry(named: "small.xml", bytes: Array((0..<3).map { Self.line("small.xml", $0) }
                    .joined().utf8))
            }
        }
        try archive.finish()

        let list = String(decoding: try JSONEncoder().encode(Self.entries), as: UTF8.self)
        let result = try Python.run(["python3", "-c", Self.reader, path, list])
        struct Report: Decodable { var errors: [String]; var zip64Entries: Int; var zip64End: Bool }
        let report = try JSONDecoder().decode(Report.self, from: Data(result.output.utf8))
        #expect(report.errors == [], "\(result.errors)")
        let forced = limits.field < ZipArchive.Limits().field
        // Forced: the big entry's sizes and every later entry's offset pass 1000 bytes, and 4 entries pass 3.
        #expect(report.zip64Entries == (forced ? 4 : 0))
        #expect(report.zip64End == forced)

        let unzip = try Python.run(["unzip", "-tq", path])
        #expect(unzip.status == 0, "\(unzip.output)\(unzip.errors)")
    }

    @Test("an entry of streamed bytes and parts deflated apart inflates to them in order, with their CRC")
    func deflatedParts() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zip-\(UUID().uuidString).zip").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        func lines(_ range: Range<Int>) -> [UInt8] { Array(range.map { Self.line("big.txt", $0) }.joined().utf8) }
        func part(_ range: Range<Int>) throws -> DeflatedPart {
            try lines(range).withExportBytes { (raw) throws(ExportError) in
                try RawDeflater.part(raw, level: 3, path: path)
            }
        }
        let archive = try ZipArchive(path: path, level: 3)
        try archive.beginEntry(named: "big.txt")
        // Streamed, two parts back to back, streamed again, a part last.
        try lines(0..<10_000).withExportBytes { (raw) throws(ExportError) in try archive.write(raw) }
        let first = try archive.appendDeflated(part(10_000..<20_000))
        let second = try archive.appendDeflated(part(20_000..<20_010))
        try lines(20_010..<30_000).withExportBytes { (raw) throws(ExportError) in try archive.write(raw) }
        try archive.appendDeflated(part(30_000..<40_000))
        try archive.endEntry()
        try archive.finish()
        #expect(second > first)

        let list = String(decoding: try JSONEncoder().encode([Entry(name: "big.txt", lines: 40_000)]), as: UTF8.self)
        let result = try Python.run(["python3", "-c", Self.reader, path, list])
        #expect(result.output.contains("\"errors\": []"), "\(result.output)\(result.errors)")
        let unzip = try Python.run(["unzip", "-tq", path])
        #expect(unzip.status == 0, "\(unzip.output)\(unzip.errors)")
    }
}
