import Foundation

/// An XLSX file written straight into a ZIP archive, one sheet at a time, in bounded memory.
///
/// Hand-written rather than libxlsxwriter: on a 100 k-pupil wave libxlsxwriter took 6.5 s of an
/// 8.3 s `aggregate` (a 611 MB School sheet of inline strings and cell references through temporary
/// files, deflated at zlib's default level with no way to choose another). Here repeated text goes
/// to the shared-strings table, implied references are left out (the sheet is 250 MB of XML), and
/// entries are deflated at level 3.
///
/// Sheets stream: adding a sheet finishes the one before it, so its rows must all be written first.
/// A sheet's rows can also arrive as parts deflated apart (``XLSXSheet/append(rows:deflated:)``).
/// ``close()`` writes the shared strings, styles and the parts that list the sheets.
final class XLSXWorkbook {
    /// The most rows one sheet can hold (Excel's limit).
    static let maximumRows = 1_048_576
    /// zlib level 3: on the 250 MB School sheet of a 100 k-pupil wave, levels 1 to 3 take the same
    /// 0.27 s (7.4, 6.8 and 5.4 MB), levels 4 to 6 twice that or more (6.3, 5.0 and 3.4 MB).
    static let compressionLevel: Int32 = 3

    /// Where a sheet goes among the workbook's tabs.
    enum Placement {
        /// After the sheets already added.
        case last
        /// Before every other sheet, and the tab the workbook opens on (a contents sheet written last).
        case first
    }

    let path: String
    let created: Date
    private let archive: ZipArchive
    private let strings = XLSXSharedStrings()
    /// Every sheet added, in tab order.
    private(set) var sheets: [XLSXSheet] = []
    private var parts = 0

    /// Starts a workbook at `path`.
    ///
    /// - Parameter created: the creation time in the document properties; a fixed time makes the same
    ///   tables give the same bytes.
    init(path: String, created: Date, limits: ZipArchive.Limits = ZipArchive.Limits()) throws(ExportError) {
        self.path = path
        self.created = created
        archive = try ZipArchive(path: path, level: Self.compressionLevel, limits: limits)
    }

    /// Adds a sheet, finishing the one being written.
    ///
    /// Names are 1 to 31 characters, without `[]:*?/\`, and differ from every other sheet's
    /// (ignoring case), as Excel requires.
    func addSheet(named name: String, layout: XLSXSheet.Layout = XLSXSheet.Layout(),
                  placement: Placement = .last) throws(ExportError) -> XLSXSheet
    {
        guard (1...31).contains(name.count), !name.contains(where: { "[]:*?/\\".contains($0) }),
              !name.hasPrefix("'"), !name.hasSuffix("'"),
              !sheets.contains(where: { $0.name.lowercased() == name.lowercased() })
        else {
            throw .cannotWrite(path: path, reason: "a sheet cannot be named \"\(name)\" (1–31 characters, "
                                   + "none of []:*?/\\, not quoted, and different from every other sheet)")
        }
        try finishSheets()
        parts += 1
        let sheet = try XLSXSheet(name: name, part: "xl/worksheets/sheet\(parts).xml", layout: layout,
                                  selected: placement == .first, archive: archive, strings: strings)
        sheets.insert(sheet, at: placement == .first ? 0 : sheets.count)
        return sheet
    }

    /// The index of `text` in the shared-strings table, added if new: level sheets number their texts
    /// before any row (``XLSXRows``).
    func sharedString(_ text: String) -> Int { strings.index(of: text) }

    /// The index of every shared string so far, by text.
    var sharedStrings: [String: Int] { strings.numbered }

    /// Finishes the last sheet, writes the parts that describe the workbook, and ends the file.
    func close() throws(ExportError) {
        try finishSheets()
        try archive.addEntry(named: "xl/sharedStrings.xml", bytes: strings.xml.bytes)
        try archive.addEntry(named: "xl/styles.xml", bytes: XMLBytes(XLSXStyle.stylesheet).bytes)
        try archive.addEntry(named: "xl/workbook.xml", bytes: workbookXML.bytes)
        try archive.addEntry(named: "xl/_rels/workbook.xml.rels", bytes: workbookRelationships.bytes)
        try archive.addEntry(named: "docProps/core.xml", bytes: coreProperties.bytes)
        try archive.addEntry(named: "docProps/app.xml", bytes: appProperties.bytes)
        try archive.addEntry(named: "_rels/.rels", bytes: XMLBytes(Self.packageRelationships).bytes)
        try archive.addEntry(named: "[Content_Types].xml", bytes: contentTypes.bytes)
        try archive.finish()
    }

    private func finishSheets() throws(ExportError) {
        for sheet in sheets where !sheet.isFinished { try sheet.finish() }
    }

    /// A sheet's name as a formula refers to it: in single quotes, a quote doubled.
    static func quoted(_ sheetName: String) -> String {
        "'" + sheetName.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
