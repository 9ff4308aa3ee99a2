import Dispatch
import Foundation
import Synchronization
import WellbeingCore

/// `indicators.xlsx` for LA analysts: a contents sheet, one sheet per level, and notes.
///
/// Level sheets have the columns of `indicators.csv` under a frozen header row with filter buttons;
/// measures are numbers formatted to their published decimal places, and the symbols stay text.
/// A level with more rows than a sheet holds continues on "School (2)" and so on.
///
/// Each unit's rows are encoded and deflated apart, on every core (``XLSXRows``, ``DeflatedPart``), so a
/// republish copies the deflated rows of every unit whose inputs are unchanged from the previous workbook.
struct IndicatorsWorkbook {
    let tables: [IndicatorTable]
    let filter: PublicationFilter
    let policy: SuppressionPolicy
    let provenance: Provenance
    /// Data rows per sheet before a level continues on the next sheet (tests lower it).
    var rowsPerSheet = XLSXWorkbook.maximumRows - 1

    /// Writes the workbook at `path`.
    ///
    /// Given `reuse`, a unit whose rows the previous workbook holds (deflated) under the same digest is
    /// copied from it; returns the index of the parts written, for the next export.
    @discardableResult
    func write(to path: String, limits: ZipArchive.Limits = ZipArchive.Limits(), reuse: UnitReuse? = nil)
        throws(ExportError) -> UnitPartIndex
    {
        let created = (try? Date(provenance.generated, strategy: .iso8601)) ?? Date()
        let workbook = try XLSXWorkbook(path: path, created: created, limits: limits)
        let levels = GeographicLevel.allCases.filter { filter.levelsToVisit?.contains($0) ?? true }
        let (numbering, vocabulary) = numberTexts(in: workbook, levels: levels)
        let rows = XLSXRows(strings: numbering, filter: filter)
        var index = UnitPartIndex()
        var sheets: [(name: String, level: GeographicLevel, rows: Int)] = []
        for level in levels {
            sheets += try writeLevel(level, to: workbook, rows: rows, reuse: reuse, vocabulary: vocabulary,
                                     index: &index)
        }
        try writeNotes(workbook.addSheet(named: "Notes", layout: XLSXSheet.Layout(columns: [
            (0...0, 24, nil), (1...1, 100, .wrapped),
        ])))
        try writeContents(workbook.addSheet(named: "Contents", layout: XLSXSheet.Layout(columns: [
            (0...0, 28, nil), (1...1, 60, nil),
        ]), placement: .first), sheets: sheets)
        try workbook.close()
        return index
    }

    /// Numbers every text a level sheet can hold, before any row: the column titles and the fixed words
    /// (waves, indicators, categories, symbols, comparisons), then each unit's time and geography fields
    /// in sheet order. Returns the numbering and the digest of the fixed words' numbering: a kept part
    /// stands for the same bytes only under the same numbering of the texts it refers to (its own
    /// geography's numbers are in its digest).
    private func numberTexts(in workbook: XLSXWorkbook, levels: [GeographicLevel])
        -> (numbering: [String: Int], vocabulary: ContentDigest)
    {
        var texts = EESLayout.columns
        for table in tables {
            texts.append(table.wave.code)
            texts += table.catalogue.indicators.map(\.id)
            texts += table.layout.categories.map(\.label)
        }
        texts += PublishedValue.Symbol.allCases.map(\.rawValue) + BenchmarkComparison.allCases.map(\.rawValue)
        var vocabulary = ContentDigest()
        for text in texts { vocabulary.add(workbook.sharedString(text)) }
        for text in texts { vocabulary.add(text) }
        for level in levels {
            for table in tables {
                for unit in table.units where unit.geography.level == level {
                    for field in EESLayout.geographyFields(timePeriod: table.academicYear.code,
                                                           geography: unit.geography) where !field.isEmpty {
                        _ = workbook.sharedString(field)
                    }
                }
            }
        }
        return (workbook.sharedStrings, vocabulary)
    }

    /// Units encoded and deflated at once, on every core: a school's rows are about 100 kB of XML,
    /// deflated to about 5 kB before the next unit of the task is encoded.
    private static let unitsPerWindow = 8

    /// One unit's rows, deflated: made now or kept.
    private struct UnitPart {
        var rows: Int
        var deflated: DeflatedPart
        var digest: ContentDigest?
    }

    /// Writes the sheets of one level, continuing on a new sheet when one is full.
    private func writeLevel(_ level: GeographicLevel, to workbook: XLSXWorkbook, rows encoder: XLSXRows,
                            reuse: UnitReuse?, vocabulary: ContentDigest, index: inout UnitPartIndex)
        throws(ExportError) -> [(name: String, level: GeographicLevel, rows: Int)]
    {
        var places: [(table: Int, unit: Int)] = []
        for (t, table) in tables.enumerated() {
            for (u, unit) in table.units.enumerated() where unit.geography.level == level { places.append((t, u)) }
        }
        var written: [(name: String, level: GeographicLevel, rows: Int)] = []
        var sheet = try startSheet(level.rawValue, in: workbook)
        var row = 0
        let path = workbook.path
        for windowStart in stride(from: 0, to: places.count, by: Self.unitsPerWindow) {
            let window = Array(places[windowStart..<min(windowStart + Self.unitsPerWindow, places.count)])
            let parts = try Self.concurrently(window.count) { (position) throws(ExportError) -> UnitPart in
                let place = window[position]
                let table = tables[place.table]
                let geography = encoder.geographyCells(of: place.unit, in: table)
                let digest = reuse.map { reuse in
                    var digest = reuse.digest(table: place.table, unit: place.unit)
                    digest.add(vocabulary)
                    digest.add(geography.xml.count)
                    digest.add(String(decoding: geography.xml.bytes, as: UTF8.self))
                    return digest
                }
                if let digest, let kept = reuse?.previous?.read(digest) {
                    return UnitPart(rows: Int(kept.part.rows), deflated: DeflatedPart(
                        bytes: kept.bytes, crc: CRC32(value: kept.part.crc), size: kept.part.size), digest: digest)
                }
                var xml = XMLBytes()
                let ends = encoder.append(unit: place.unit, of: table, geography: geography, to: &xml)
                let deflated = try xml.bytes.withExportBytes { (raw) throws(ExportError) in
                    try RawDeflater.part(raw, level: XLSXWorkbook.compressionLevel, path: path)
                }
                return UnitPart(rows: ends.count, deflated: deflated, digest: digest)
            }
            for (position, part) in parts.enumerated() where part.rows > 0 {
                if row + part.rows <= rowsPerSheet {
                    let offset = try sheet.append(rows: part.rows, deflated: part.deflated)
                    if let digest = part.digest {
                        index.add(digest, .init(offset: offset, length: UInt64(part.deflated.bytes.count),
                                                crc: part.deflated.crc.value, size: part.deflated.size,
                                                rows: UInt32(part.rows)))
                    }
                    row += part.rows
                    continue
                }
                // The unit straddles sheets (once a million rows): its rows are encoded again and deflated
                // in pieces, which are not kept.
                let place = window[position]
                var xml = XMLBytes()
                let geography = encoder.geographyCells(of: place.unit, in: tables[place.table])
                let rowEnds = encoder.append(unit: place.unit, of: tables[place.table], geography: geography, to: &xml)
                var done = 0
                while done < rowEnds.count {
                    if row == rowsPerSheet {
                        written.append((sheet.name, level, row))
                        sheet = try startSheet("\(level.rawValue) (\(written.count + 1))", in: workbook)
                        row = 0
                    }
                    let count = min(rowsPerSheet - row, rowEnds.count - done)
                    let from = done == 0 ? 0 : rowEnds[done - 1], to = rowEnds[done + count - 1]
                    let piece = try xml.bytes.withExportBytes { (raw) throws(ExportError) in
                        try RawDeflater.part(UnsafeRawBufferPointer(rebasing: raw[from..<to]),
                                             level: XLSXWorkbook.compressionLevel, path: path)
                    }
                    _ = try sheet.append(rows: count, deflated: piece)
                    done += count
                    row += count
                }
            }
        }
        written.append((sheet.name, level, row))
        return written
    }

    /// `body(0..<count)` on every core, the results in order; the first error (by position) is thrown.
    private static func concurrently<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws(ExportError) -> T)
        throws(ExportError) -> [T]
    {
        let results = Mutex<[Result<T, ExportError>?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { position in
            let result = Result { () throws(ExportError) in try body(position) }
            results.withLock { $0[position] = result }
        }
        return try results.withLock { $0 }.map { (result) throws(ExportError) in try result!.get() }
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
}
