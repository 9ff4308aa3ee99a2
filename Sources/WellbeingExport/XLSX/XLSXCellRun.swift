/// Cells made once and written on many rows: the geography of a unit repeats on its hundreds of rows.
///
/// Each cell is a shared string or empty. An empty cell is written `<c/>` rather than skipped, so the
/// cells after it need no reference and the bytes do not depend on the row.
struct XLSXCellRun {
    let count: Int
    let xml: XMLBytes

    /// Cells of the shared strings at these indices (``XLSXWorkbook/sharedString(_:)``), nil for empty.
    init(sharedStrings: [Int?]) {
        count = sharedStrings.count
        var xml = XMLBytes()
        for index in sharedStrings {
            guard let index else {
                xml.append("<c/>")
                continue
            }
            xml.append("<c t=\"s\"><v>")
            xml.append(decimal: index)
            xml.append("</v></c>")
        }
        self.xml = xml
    }
}
