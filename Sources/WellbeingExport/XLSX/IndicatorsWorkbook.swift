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

    /// Writes the workbook at `path`.
    func write(to path: String, limits: ZipArchive.Limits = ZipArchive.Limits()) throws(ExportError) {
        let created = (try? Date(provenance.generated, strategy: .iso8601)) ?? Date()
        let workbook = try XLSXWorkbook(path: path, created: created, limits: limits)
        var sheets: [(name: String, level: GeographicLevel, rows: Int)] = []
        for level in GeographicLevel.allCases where filter.levelsToVisit?.contains(level) ?? true {
            sheets += try writeLevel(level, to: workbook)
        }
        try writeNotes(workbook.addSheet(named: "Notes", layout: XLSXSheet.Layout(columns: [
            (0...0, 24, nil), (1...1, 100, .wrapped),
        ])))
        try writeContents(workbook.addSheet(named: "Contents", layout: XLSXSheet.Layout(columns: [
            (0...0, 28, nil), (1...1, 60, nil),
        ]), placement: .first), sheets: sheets)
        try workbook.close()
    }

    /// The number format of each measure column, by its decimal places in the metadata file so the two never disagree.
    private static let measureStyles: [XLSXStyle?] = {
        let places = Dictionary(EESMetadata.rows.map { ($0[0], Int($0[5])) }, uniquingKeysWith: { a, _ in a })
        return EESLayout.columns.map { places[$0].flatMap { $0 }.flatMap(XLSXStyle.decimals) }
    }()

    private func writeLevel(_ level: GeographicLevel, to workbook: XLSXWorkbook)
        throws(ExportError) -> [(name: String, level: GeographicLevel, rows: Int)]
    {
        var written: [(name: String, level: GeographicLevel, rows: Int)] = []
        var sheet = try startSheet(level.rawValue, in: workbook)
        var row = 0
        // A unit's hundreds of rows share its time and geography fields: looked up once per unit (and wave).
        var geography: (timePeriod: String, geography: Geography, cells: XLSXCellRun)?
        try ExportError.keepingType(workbook.path) {
            for table in tables {
                try table.forEachRow(levels: [level]) { published in
                    guard filter.includes(published) else { return }
                    if row == rowsPerSheet {
                        written.append((sheet.name, level, row))
                        sheet = try startSheet("\(level.rawValue) (\(written.count + 1))", in: workbook)
                        row = 0
                    }
                    row += 1
                    if geography?.geography != published.geography || geography?.timePeriod != published.timePeriod {
                        let fields = EESLayout.geographyFields(timePeriod: published.timePeriod,
                                                               geography: published.geography)
                        geography = (published.timePeriod, published.geography, XLSXCellRun(sharedStrings: fields.map {
                            $0.isEmpty ? nil : workbook.sharedString($0)
                        }))
                    }
                    try write(published, geographyCells: geography!.cells, at: row, in: sheet)
                }
            }
        }
        written.append((sheet.name, level, row))
        return written
    }

    /// A level sheet with its header row, frozen, under filter buttons.
    private func startSheet(_ name: String, in workbook: XLSXWorkbook) throws(ExportError) -> XLSXSheet {
        let sheet = try workbook.addSheet(named: name, layout: XLSXSheet.Layout(
            frozenRows: 1, columns: [(0...(EESLayout.columns.count - 1), 14, nil)]))
        for (column, title) in EESLayout.columns.enumerated() {
            try sheet.write(title, row: 0, column: column, style: .bold)
        }
        sheet.autofilter(columns: EESLayout.columns.count)
        return sheet
    }

    /// One row, cell by cell as in the CSV: text columns as text, measures as numbers or symbols.
    ///
    /// - Parameter geographyCells: the row's time and geography fields (`EESLayout.geographyFields`),
    ///   the same for every row of the unit.
    private func write(_ row: PublishedRow, geographyCells: XLSXCellRun, at index: Int, in sheet: XLSXSheet)
        throws(ExportError)
    {
        try sheet.write(geographyCells, row: index, column: 0)
        var column = geographyCells.count
        func text(_ value: String) throws(ExportError) {
            // A blank stays an empty cell, as a blank field in the CSV.
            try sheet.write(value, row: index, column: column)
            column += 1
        }
        func measure(_ value: PublishedValue) throws(ExportError) {
            switch value {
            case .number(let decimal):
                try sheet.write(decimal: decimal, row: index, column: column,
                                style: Self.measureStyles[column])
            case .symbol, .text:
                try sheet.write(value.description, row: index, column: column)
            }
            column += 1
        }
        try text(row.wave.code)
        try text(row.indicator.id)
        for breakdown in Breakdown.filters { try text(row.filterLabel(breakdown)) }
        // One call each: an array of the nine would be built and freed for every row.
        try measure(row.respondents)
        try measure(row.count)
        try measure(row.percent)
        try measure(row.percentLowerCI)
        try measure(row.percentUpperCI)
        try measure(row.mean)
        try measure(row.sd)
        try measure(row.meanLowerCI)
        try measure(row.meanUpperCI)
        try text(row.comparison.rawValue)
        try measure(row.responseRate)
    }
}
