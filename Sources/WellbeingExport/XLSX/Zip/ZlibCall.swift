import CZlib

/// The throwing layer over zlib's status codes: every zlib call that can fail goes through here.
enum ZlibCall {
    /// Throws when `status` is not one of `accepted`, naming the file and what was being done.
    static func check(_ status: Int32, accepted: Set<Int32> = [Z_OK], path: String,
                      doing what: @autoclosure () -> String) throws(ExportError)
    {
        guard !accepted.contains(status) else { return }
        throw .cannotWrite(path: path, reason: "\(what()): zlib \(String(cString: zError(status)))")
    }
}
