/// One sheet of a workbook, streamed into the archive as it is written: rows in order, and the cells
/// of a row left to right.
///
/// Rows and cells carry no `r=` reference where it can be implied (the next row, the next column);
/// a row after a skipped one is numbered, and so is a cell after a gap. With shared strings, this
/// makes the School sheet of a 100 k-pupil wave 250 MB of XML where libxlsxwriter wrote 611 MB.
final class XLSXSheet {
    /// How the sheet looks before its first row: frozen header rows and column widths.
    struct Layout {
        /// Rows kept in view while scrolling (0: none).
        var frozenRows = 0
        /// Widths in characters of runs of columns (0-based), with the style their empty cells take.
        var columns: [(columns: ClosedRange<Int>, width: Double, style: XLSXStyle?)] = []
    }

    let name: String
    /// The sheet's part in the archive (`xl/worksheets/sheetN.xml`).
    let part: String
    private let archive: ZipArchive
    private let strings: XLSXSharedStrings
    /// Cell styles taken by cells written without one, by column.
    private let columnStyles: [XLSXStyle?]
    private var xml = XMLBytes(capacity: chunk + (1 << 16))
    /// The last row started (0-based), −1 before the first.
    private var row = -1
    /// True while the last row started takes cells (rows appended whole close their own).
    private var rowIsOpen = false
    /// The column the next cell of the row would take without a gap.
    private var column = 0
    /// The last text written in each column and its shared string: a column repeats its text from
    /// row to row (the wave, the indicator, `Total`), and comparing is cheaper than hashing.
    private var recentTexts: [(text: String, index: Int)?] = []
    private var links: [(row: Int, column: Int, sheet: String)] = []
    private var filterColumns: Int?
    private(set) var isFinished = false

    /// XML bytes gathered before they go to the archive.
    private static let chunk = 1 << 20

    init(name: String, part: String, layout: Layout, selected: Bool, archive: ZipArchive,
         strings: XLSXSharedStrings) throws(ExportError)
    {
        self.name = name
        self.part = part
        self.archive = archive
        self.strings = strings
        var styles = [XLSXStyle?](repeating: nil, count: (layout.columns.map(\.columns.upperBound).max() ?? -1) + 1)
        for run in layout.columns {
            for column in run.columns { styles[column] = run.style }
        }
        columnStyles = styles
        try archive.beginEntry(named: part)
        xml.append("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            """)
        xml.append(selected ? "<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"" :
                              "<sheetViews><sheetView workbookViewId=\"0\"")
        if layout.frozenRows > 0 {
            xml.append("><pane ySplit=\"")
            xml.append(decimal: layout.frozenRows)
            xml.append("\" topLeftCell=\"A")
            xml.append(decimal: layout.frozenRows + 1)
            xml.append("\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView>")
        } else {
            xml.append("/>")
        }
        xml.append("</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>")
        if !layout.columns.isEmpty {
            xml.append("<cols>")
            for run in layout.columns {
                xml.append("<col min=\"")
                xml.append(decimal: run.columns.lowerBound + 1)
                xml.append("\" max=\"")
                xml.append(decimal: run.columns.upperBound + 1)
                xml.append("\" width=\"")
                xml.append(escaping: String(Self.storedWidth(run.width)))
                if let style = run.style {
                    xml.append("\" style=\"")
                    xml.append(decimal: style.rawValue)
                }
                xml.append("\" customWidth=\"1\"/>")
            }
            xml.append("</cols>")
        }
        xml.append("<sheetData>")
    }

    /// Text, kept once in the shared-strings table. An empty string leaves the cell empty.
    func write(_ text: String, row: Int, column: Int, style: XLSXStyle? = nil) throws(ExportError) {
        guard !text.isEmpty else { return }
        if column >= recentTexts.count { recentTexts += Array(repeating: nil, count: column + 1 - recentTexts.count) }
        let index: Int
        if let recent = recentTexts[column], recent.text == text {
            index = recent.index
        } else {
            index = strings.index(of: text)
            recentTexts[column] = (text, index)
        }
        try write(sharedString: index, row: row, column: column, style: style)
    }

    /// Text already in the shared-strings table (``XLSXSharedStrings/index(of:)``).
    func write(sharedString index: Int, row: Int, column: Int, style: XLSXStyle? = nil) throws(ExportError) {
        try startCell(row: row, column: column, style: style)
        xml.append(" t=\"s\"><v>")
        xml.append(decimal: index)
        xml.append("</v></c>")
    }

    /// A whole number.
    func write(_ number: Int, row: Int, column: Int, style: XLSXStyle? = nil) throws(ExportError) {
        try startCell(row: row, column: column, style: style)
        xml.append("><v>")
        xml.append(decimal: number)
        xml.append("</v></c>")
    }

    /// A number given as decimal text (`-12.50`), written as it stands: a valid `xsd:double` with the
    /// value of the text, so no digit is lost or invented by a round trip through `Double`.
    func write(decimal text: String, row: Int, column: Int, style: XLSXStyle? = nil) throws(ExportError) {
        precondition(!text.isEmpty && text.utf8.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
                         || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }, "not decimal text: \(text)")
        // Digits, a point and a sign need no escaping.
        try startCell(row: row, column: column, style: style)
        xml.append("><v>")
        xml.append(ascii: text)
        xml.append("</v></c>")
    }

    /// A link to cell A1 of another sheet of the workbook, showing `text`.
    func writeLink(to sheetName: String, text: String, row: Int, column: Int) throws(ExportError) {
        try write(text, row: row, column: column, style: .link)
        links.append((row, column, sheetName))
    }

    /// Appends `rows` whole rows, `<row>` elements without references deflated apart
    /// (``XLSXRows``), after the rows written so far; returns where the part starts in the file.
    func append(rows: Int, deflated part: DeflatedPart) throws(ExportError) -> UInt64 {
        precondition(!isFinished, "the sheet \(name) is finished")
        if rowIsOpen { xml.append("</row>") }
        rowIsOpen = false
        try xml.drain { (bytes) throws(ExportError) in try archive.write(bytes) }
        row += rows
        return try archive.appendDeflated(part)
    }

    /// Turns on the filter buttons over the first `columns` columns, from the first row to the last.
    func autofilter(columns: Int) {
        filterColumns = columns
    }

    /// The autofilter's range in A1 form over rows `1…lastRow` (1-based), if the sheet has one.
    var filterRange: String? {
        filterColumns.map { "A1:\(Self.columnName($0 - 1))\(max(row + 1, 1))" }
    }

    /// Ends the sheet's XML and its entry in the archive.
    func finish() throws(ExportError) {
        precondition(!isFinished, "a sheet is finished once")
        if rowIsOpen { xml.append("</row>") }
        xml.append("</sheetData>")
        if let range = filterRange {
            xml.append("<autoFilter ref=\"")
            xml.append(escaping: range)
            xml.append("\"/>")
        }
        if !links.isEmpty {
            xml.append("<hyperlinks>")
            for link in links {
                xml.append("<hyperlink ref=\"")
                xml.append(escaping: "\(Self.columnName(link.column))\(link.row + 1)")
                xml.append("\" location=\"")
                xml.append(escaping: "\(XLSXWorkbook.quoted(link.sheet))!A1")
                xml.append("\" display=\"")
                xml.append(escaping: link.sheet)
                xml.append("\"/>")
            }
            xml.append("</hyperlinks>")
        }
        xml.append("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
        xml.append("</worksheet>")
        try xml.drain { (bytes) throws(ExportError) in try archive.write(bytes) }
        try archive.endEntry()
        isFinished = true
    }

    /// Ends the row being written and starts row `row` (0-based) unless it is the one being written.
    private func moveTo(row: Int) throws(ExportError) {
        precondition(!isFinished, "the sheet \(name) is finished")
        guard row != self.row || !rowIsOpen else { return }
        precondition(row > self.row, "rows are written in order")
        if rowIsOpen {
            xml.append("</row>")
            if xml.count >= Self.chunk {
                try xml.drain { (bytes) throws(ExportError) in try archive.write(bytes) }
            }
        }
        if row == self.row + 1 {
            xml.append("<row>")
        } else {
            xml.append("<row r=\"")
            xml.append(decimal: row + 1)
            xml.append("\">")
        }
        self.row = row
        self.column = 0
        rowIsOpen = true
    }

    /// Opens a cell's element up to its attributes, closing and opening rows as needed.
    private func startCell(row: Int, column: Int, style: XLSXStyle?) throws(ExportError) {
        try moveTo(row: row)
        precondition(column >= self.column, "cells are written in order")
        if column == self.column {
            xml.append("<c")
        } else {
            xml.append("<c r=\"")
            xml.append(escaping: "\(Self.columnName(column))\(row + 1)")
            xml.append("\"")
        }
        self.column = column + 1
        if let style = style ?? (column < columnStyles.count ? columnStyles[column] : nil), style != .normal {
            xml.append(" s=\"")
            xml.append(decimal: style.rawValue)
            xml.append("\"")
        }
    }

    /// A column's letters: 0 is A, 25 Z, 26 AA.
    static func columnName(_ column: Int) -> String {
        var name = "", rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(ascii: "A") + UInt8(digit))) + name
            rest = (rest - 1) / 26
        }
        return name
    }

    /// A width in characters as Excel stores it: the pixels of that many digits of Calibri 11 plus
    /// 5 pixels of padding, back in characters to 1/256 (so 14 is stored 14.7109375).
    static func storedWidth(_ characters: Double) -> Double {
        let pixels = (characters * 7 + 0.5).rounded(.down) + 5
        return (pixels / 7 * 256).rounded(.down) / 256
    }
}
