/// Why report cards could not be prepared or written, with what to do about it.
public struct ReportCardError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, as a stable code for logs and tests.
    public enum Code: String, Sendable {
        /// The stylesheet is missing from the installed resources.
        case stylesheet
        /// A page or the stylesheet could not be written to disk.
        case cannotWrite
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
