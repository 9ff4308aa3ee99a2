import WellbeingCore

/// A unit's rows on a level sheet, as `<row>` elements that carry no row or cell references: the same
/// bytes at any row of any sheet, so a unit's rows are deflated apart (on any core) and can be kept
/// from a previous workbook.
struct XLSXRows: Sendable {
    /// Shared-string indices of every text a level row can hold, numbered before any row is written,
    /// so a unit's bytes do not depend on the units before it.
    let strings: [String: Int]
    let filter: PublicationFilter

    /// The number format of each measure column, by its decimal places in the metadata file so the two never disagree.
    private static let measureStyles: [XLSXStyle?] = {
        let places = Dictionary(EESMetadata.rows.map { ($0[0], Int($0[5])) }, uniquingKeysWith: { a, _ in a })
        return EESLayout.columns.map { places[$0].flatMap { $0 }.flatMap(XLSXStyle.decimals) }
    }()

    /// The cells of the unit's time and geography fields (``EESLayout/geographyFields(timePeriod:geography:)``).
    func geographyCells(of unit: Int, in table: IndicatorTable) -> XLSXCellRun {
        let fields = EESLayout.geographyFields(timePeriod: table.academicYear.code,
                                               geography: table.units[unit].geography)
        return XLSXCellRun(sharedStrings: fields.map { $0.isEmpty ? nil : strings[$0] })
    }

    /// Appends the unit's rows that `filter` keeps; returns the offset in `xml` after each row.
    func append(unit: Int, of table: IndicatorTable, geography: XLSXCellRun, to xml: inout XMLBytes) -> [Int] {
        var ends: [Int] = []
        let wave = table.wave.code
        table.forEachRow(ofUnit: unit) { row in
            guard filter.includes(row) else { return }
            xml.append("<row>")
            xml.append(geography.xml)
            append(row, wave: wave, firstColumn: geography.count, to: &xml)
            xml.append("</row>")
            ends.append(xml.count)
        }
        return ends
    }

    /// The cells after time and geography, as in the CSV: text columns as text, measures as numbers or symbols.
    private func append(_ row: PublishedRow, wave: String, firstColumn: Int, to xml: inout XMLBytes) {
        var column = firstColumn
        func text(_ value: String) {
            defer { column += 1 }
            // A blank stays an empty cell, as a blank field in the CSV.
            guard !value.isEmpty else { return xml.append("<c/>") }
            guard let index = strings[value] else {
                // Not expected (every text is numbered first), but still the right cell.
                xml.append("<c t=\"inlineStr\"><is><t>")
                xml.append(escaping: value)
                return xml.append("</t></is></c>")
            }
            xml.append("<c t=\"s\"><v>")
            xml.append(decimal: index)
            xml.append("</v></c>")
        }
        func measure(_ value: PublishedValue) {
            guard case .number(let decimal) = value else { return text(value.description) }
            if let style = Self.measureStyles[column], style != .normal {
                xml.append("<c s=\"")
                xml.append(decimal: style.rawValue)
                xml.append("\"><v>")
            } else {
                xml.append("<c><v>")
            }
            // Published numbers are plain decimals: valid `xsd:double`s with the value of the text.
            xml.append(ascii: decimal)
            xml.append("</v></c>")
            column += 1
        }
        row.visitCellFields(wave: wave, text: text) { value, _ in measure(value) }
    }
}
