import Foundation
/// A CSV file parsed by RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes).
///
/// The tests' own reader, written apart from the exporter's writer so the two can disagree.
struct CSVTable: Equatable {
    var header: [String]
    var rows: [[String]]

    init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// Parses `text`; a malformed quote is a thrown message.
    init(_ text: String) throws {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var characters = text.unicodeScalars.makeIterator()
        while let c = characters.next() {
            if quoted {
                if c == "\"" { quoted = false; afterQuote = true } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"":
                if afterQuote { field.append("\""); quoted = true; afterQuote = false }
                else if field.isEmpty { quoted = true }
                else { throw CSVError("a quote inside an unquoted field: \(field)") }
            case ",":
                record.append(field); field = ""; afterQuote = false
            case "\n":
                record.append(field); field = ""; afterQuote = false
                records.append(record); record = []
            default:
                if afterQuote { throw CSVError("text after a closing quote: \(field)") }
                field.unicodeScalars.append(c)
            }
        }
        if quoted { throw CSVError("an unclosed quote") }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        guard let header = records.first else { throw CSVError("no header line") }
        self.header = header
        self.rows = Array(records.dropFirst())
    }

    /// The table as RFC 4180 text with `\n` line ends, quoting only where needed.
    var text: String {
        ([header] + rows).map { fields in
            fields.map { field in
                field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                    ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
            }.joined(separator: ",") + "\n"
        }.joined()
    }

    /// The index of a column (the test fails loudly when it is missing).
    func column(_ name: String) -> Int {
        guard let index = header.firstIndex(of: name) else { preconditionFailure("no column \(name)") }
        return index
    }
}

struct CSVError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
