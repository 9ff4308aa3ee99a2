import Testing
@testable import WellbeingExport

@Suite("CSV quoting")
struct CSVFieldTests {
    @Test("RFC 4180: quote commas, quotes and line breaks; leave the rest alone", arguments: [
        ("Hampstead School", "Hampstead School"),
        ("St Mary's C of E", "St Mary's C of E"),
        ("Holy Trinity, St Saviour's", "\"Holy Trinity, St Saviour's\""),
        ("The \"Good\" School", "\"The \"\"Good\"\" School\""),
        ("Line\nbreak", "\"Line\nbreak\""),
        ("Ysgol Gymraeg Bro Élan", "Ysgol Gymraeg Bro Élan"),
        ("北京学校", "北京学校"),
        ("", ""),
    ])
    func quoting(field: String, expected: String) {
        #expect(CSVField.escape(field) == expected)
    }

    @Test("a line joins escaped fields and ends in a newline")
    func line() {
        #expect(CSVField.line(["a", "b,c", "d"]) == "a,\"b,c\",d\n")
    }

    @Test("reading back what was written gives the same fields, also with CRLF and a byte order mark")
    func roundTrip() throws {
        let lines = [["Hampstead School", "Holy Trinity, St Saviour's", "The \"Good\" School"],
                     ["Line\nbreak", "", "北京学校"], ["", "", ""]]
        var bytes: [UInt8] = []
        for line in lines { CSVField.append(line: line, to: &bytes) }
        #expect(try CSVField.records(in: bytes).get() == lines)
        let windows = [0xEF, 0xBB, 0xBF] + Array("a,\"b,c\"\r\nd,e".utf8)
        #expect(try CSVField.records(in: windows).get() == [["a", "b,c"], ["d", "e"]])
    }

    @Test("an unbalanced quote is reported with its line", arguments: [
        ("a,b\nc,\"d\n", 2), ("a,b\"c\n", 1), ("a\n\"b\"c,d\n", 2),
    ])
    func broken(text: String, line: Int) {
        switch CSVField.records(in: Array(text.utf8)) {
        case .success(let records): Issue.record("read \(records) from broken CSV")
        case .failure(let broken): #expect(broken.line == line)
        }
    }
}
