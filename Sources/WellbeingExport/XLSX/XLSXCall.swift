import CXLSXWriter

/// The throwing layer over libxlsxwriter's status codes: every call that can fail goes through here.
enum XLSXCall {
    /// Throws when `status` is not `LXW_NO_ERROR`, naming the file and what was being done.
    static func check(_ status: lxw_error, path: String, doing what: @autoclosure () -> String) throws(ExportError) {
        guard status != LXW_NO_ERROR else { return }
        throw .cannotWrite(path: path, reason: "\(what()): \(String(cString: lxw_strerror(status)))")
    }
}
