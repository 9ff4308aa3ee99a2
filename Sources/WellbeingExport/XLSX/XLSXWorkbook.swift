import CXLSXWriter
import Foundation

/// An XLSX file being written with libxlsxwriter in constant-memory mode.
///
/// Constant memory means each sheet's rows stream to a temporary file as they are written, so a
/// national table costs the same memory as a small one; rows of a sheet must be written in order.
/// The workbook owns every sheet and format; ``close()`` writes the file and frees them.
final class XLSXWorkbook {
    /// The most rows one sheet can hold (Excel's limit).
    static let maximumRows = Int(LXW_ROW_MAX)

    let path: String
    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private let temporaryDirectory: UnsafeMutablePointer<CChar>?

    /// Starts a workbook at `path`.
    ///
    /// - Parameters:
    ///   - created: the creation time written into the document properties; a fixed time makes the
    ///     same tables give the same bytes.
    ///   - temporaryDirectory: where the rows wait before the file is assembled: the output's own
    ///     disk, because `/tmp` may be memory.
    init(path: String, created: Date, temporaryDirectory: String) throws(ExportError) {
        self.path = path
        self.temporaryDirectory = strdup(temporaryDirectory)
        var options = lxw_workbook_options()
        options.constant_memory = UInt8(LXW_TRUE.rawValue)
        options.tmpdir = self.temporaryDirectory
        // A national workbook can pass 4 GiB before compression.
        options.use_zip64 = UInt8(LXW_TRUE.rawValue)
        guard let workbook = workbook_new_opt(path, &options) else {
            free(self.temporaryDirectory)
            throw .cannotWrite(path: path, reason: "libxlsxwriter could not start the workbook")
        }
        self.workbook = workbook
        var properties = lxw_doc_properties()
        properties.created = time_t(created.timeIntervalSince1970)
        // libxlsxwriter copies the properties' strings.
        let title = strdup("School well-being indicators"), author = strdup("wellbeing")
        defer { free(title); free(author) }
        properties.title = title
        properties.author = author
        try XLSXCall.check(workbook_set_properties(workbook, &properties), path: path,
                           doing: "setting the document properties")
    }

    /// Frees the workbook if ``close()`` was never reached (an earlier error); the partial file is
    /// inside the export's staging folder and is removed with it.
    deinit {
        if let workbook { workbook_close(workbook) }
        free(temporaryDirectory)
    }

    /// Adds a sheet after the existing ones. Names are at most 31 characters, without `[]:*?/\`.
    func addSheet(named name: String) throws(ExportError) -> XLSXSheet {
        guard let workbook, let sheet = workbook_add_worksheet(workbook, name) else {
            throw .cannotWrite(path: path, reason: "libxlsxwriter refused a sheet named \"\(name)\"")
        }
        return XLSXSheet(sheet: sheet, path: path)
    }

    /// A cell format owned by the workbook.
    func format(numberFormat: String? = nil, bold: Bool = false, wrap: Bool = false) -> XLSXFormat {
        let format = workbook_add_format(workbook)
        if let numberFormat { format_set_num_format(format, numberFormat) }
        if bold { format_set_bold(format) }
        if wrap {
            format_set_text_wrap(format)
            format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        }
        return XLSXFormat(format: format)
    }

    /// Writes the file and frees the workbook.
    func close() throws(ExportError) {
        guard let workbook else { return }
        self.workbook = nil
        try XLSXCall.check(workbook_close(workbook), path: path, doing: "writing the workbook")
    }
}

/// A cell format; valid while its workbook is open.
struct XLSXFormat {
    fileprivate let format: UnsafeMutablePointer<lxw_format>?
}

/// One sheet of an open workbook; valid while its workbook is open.
struct XLSXSheet {
    fileprivate let sheet: UnsafeMutablePointer<lxw_worksheet>
    let path: String

    fileprivate init(sheet: UnsafeMutablePointer<lxw_worksheet>, path: String) {
        self.sheet = sheet
        self.path = path
    }

    func write(_ text: String, row: Int, column: Int, format: XLSXFormat? = nil) throws(ExportError) {
        try XLSXCall.check(worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), text, format?.format),
                           path: path, doing: "writing text at row \(row + 1)")
    }

    func write(_ number: Double, row: Int, column: Int, format: XLSXFormat? = nil) throws(ExportError) {
        try XLSXCall.check(worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(column), number, format?.format),
                           path: path, doing: "writing a number at row \(row + 1)")
    }

    /// A link to cell A1 of another sheet of the workbook.
    func writeLink(to sheetName: String, text: String, row: Int, column: Int) throws(ExportError) {
        let target = "internal:'\(sheetName.replacingOccurrences(of: "'", with: "''"))'!A1"
        try XLSXCall.check(worksheet_write_url_opt(sheet, lxw_row_t(row), lxw_col_t(column), target, nil, text, nil),
                           path: path, doing: "linking to sheet \(sheetName)")
    }

    /// Keeps the first `rows` rows in view while scrolling.
    func freezeRows(_ rows: Int) {
        worksheet_freeze_panes(sheet, lxw_row_t(rows), 0)
    }

    /// Turns on the filter buttons over a block of rows, the first being the header.
    func autofilter(firstRow: Int, lastRow: Int, columns: Int) throws(ExportError) {
        try XLSXCall.check(worksheet_autofilter(sheet, lxw_row_t(firstRow), 0, lxw_row_t(lastRow),
                                                lxw_col_t(columns - 1)),
                           path: path, doing: "adding the autofilter")
    }

    /// Sets the width (in characters) of a run of columns.
    func setWidth(_ width: Double, columns: ClosedRange<Int>, format: XLSXFormat? = nil) throws(ExportError) {
        try XLSXCall.check(worksheet_set_column(sheet, lxw_col_t(columns.lowerBound), lxw_col_t(columns.upperBound),
                                                width, format?.format),
                           path: path, doing: "setting column widths")
    }
}
