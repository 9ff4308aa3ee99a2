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
}
