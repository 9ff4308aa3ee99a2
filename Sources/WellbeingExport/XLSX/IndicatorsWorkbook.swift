import Foundation
import WellbeingCore

/// `indicators.xlsx` for LA analysts: a contents sheet, one sheet per level, and notes.
///
/// Level sheets have the columns of `indicators.csv` under a frozen header row with filter buttons;
/// measures are numbers formatted to their published decimal places, and the symbols stay text.
/// A level with more rows than a sheet holds continues on "School (2)" and so on.
struct IndicatorsWorkbook {
    let tables: [IndicatorTable]
    let filter: PublicationFilter
    let policy: SuppressionPolicy
    let provenance: Provenance
    /// Data rows per sheet before a level continues on the next sheet (tests lower it).
    var rowsPerSheet = XLSXWorkbook.maximumRows - 1

    /// Writes the workbook at `path`, its temporary files in `temporaryDirectory`.
    func write(to path: String, temporaryDirectory: String) throws(ExportError) {
        let created = (try? Date(provenance.generated, strategy: .iso8601)) ?? Date()
        let workbook = try XLSXWorkbook(path: path, created: created, temporaryDirectory: temporaryDirectory)
        let formats = Formats(workbook)
        let contents = try workbook.addSheet(named: "Contents")
        var sheets: [(name: String, level: GeographicLevel, rows: Int)] = []
        for level in GeographicLevel.allCases where filter.levelsToVisit?.contains(level) ?? true {
            sheets += try writeLevel(level, to: workbook, formats: formats)
        }
        let notes = try workbook.addSheet(named: "Notes")
        try writeNotes(notes, formats: formats)
        try writeContents(contents, sheets: sheets, formats: formats)
        try workbook.close()
    }

    struct Formats {
        let bold: XLSXFormat
        let wrapped: XLSXFormat
        /// Number formats by decimal places.
        let decimals: [Int: XLSXFormat]

        init(_ workbook: XLSXWorkbook) {
            bold = workbook.format(bold: true)
            wrapped = workbook.format(wrap: true)
            decimals = Dictionary(uniqueKeysWithValues: (0...2).map {
                ($0, workbook.format(numberFormat: $0 == 0 ? "0" : "0." + String(repeating: "0", count: $0)))
            })
        }
    }

    /// Decimal places of each measure column, from the metadata file so the two never disagree.
    private static let measureDecimals: [Int?] = {
        let places = Dictionary(EESMetadata.rows.map { ($0[0], Int($0[5])) }, uniquingKeysWith: { a, _ in a })
        return EESLayout.columns.map { places[$0] ?? nil }
    }()

    private func writeLevel(_ level: GeographicLevel, to workbook: XLSXWorkbook, formats: Formats)
        throws(ExportError) -> [(name: String, level: GeographicLevel, rows: Int)]
    {
        var written: [(name: String, level: GeographicLevel, rows: Int)] = []
        var sheet = try startSheet(level.rawValue, in: workbook, formats: formats)
        var row = 0
        // A unit's hundreds of rows share its time and geography fields: made once per unit (and wave).
        var geography: (timePeriod: String, geography: Geography, fields: [String])?
        func finish() throws(ExportError) {
            try sheet.sheet.autofilter(firstRow: 0, lastRow: row, columns: EESLayout.columns.count)
            written.append((sheet.name, level, row))
        }
        try ExportError.keepingType(workbook.path) {
            for table in tables {
                try table.forEachRow(levels: [level]) { published in
                    guard filter.includes(published) else { return }
                    if row == rowsPerSheet {
                        try finish()
                        sheet = try startSheet("\(level.rawValue) (\(written.count + 1))", in: workbook,
                                               formats: formats)
                        row = 0
                    }
                    row += 1
                    if geography?.geography != published.geography || geography?.timePeriod != published.timePeriod {
                        geography = (published.timePeriod, published.geography, EESLayout.geographyFields(
                            timePeriod: published.timePeriod, geography: published.geography))
                    }
                    try write(published, geographyFields: geography!.fields, at: row, in: sheet.sheet,
                              formats: formats)
                }
            }
        }
        try finish()
        return written
    }

    private func startSheet(_ name: String, in workbook: XLSXWorkbook, formats: Formats)
        throws(ExportError) -> (name: String, sheet: XLSXSheet)
    {
        let sheet = try workbook.addSheet(named: name)
        for (column, title) in EESLayout.columns.enumerated() {
            try sheet.write(title, row: 0, column: column, format: formats.bold)
        }
        sheet.freezeRows(1)
        try sheet.setWidth(14, columns: 0...(EESLayout.columns.count - 1))
        return (name, sheet)
    }

    /// One row, cell by cell as in the CSV: text columns as text, measures as numbers or symbols.
    ///
    /// - Parameter geographyFields: the row's time and geography fields (`EESLayout.geographyFields`).
    private func write(_ row: PublishedRow, geographyFields: [String], at index: Int, in sheet: XLSXSheet,
                       formats: Formats) throws(ExportError)
    {
        var column = 0
        func text(_ value: String) throws(ExportError) {
            // A blank stays an empty cell, as a blank field in the CSV.
            if !value.isEmpty { try sheet.write(value, row: index, column: column) }
            column += 1
        }
        func measure(_ value: PublishedValue) throws(ExportError) {
            if let number = value.numericValue {
                try sheet.write(number, row: index, column: column,
                                format: Self.measureDecimals[column].flatMap { formats.decimals[$0] })
            } else {
                try sheet.write(value.description, row: index, column: column)
            }
            column += 1
        }
        for field in geographyFields { try text(field) }
        try text(row.wave.code)
        try text(row.indicator.id)
        for breakdown in Breakdown.filters { try text(row.filterLabel(breakdown)) }
        for value in [row.respondents, row.count, row.percent, row.percentLowerCI, row.percentUpperCI,
                      row.mean, row.sd, row.meanLowerCI, row.meanUpperCI] {
            try measure(value)
        }
        try text(row.comparison.rawValue)
        try measure(row.responseRate)
    }
}
