/// Why an export folder could not be read back for a re-audit: a missing or broken file, not a verdict on it.
public struct FolderReadError: Error, CustomStringConvertible, Sendable {
    public enum Code: String, Sendable {
        /// A file the re-audit needs is not in the folder.
        case missingFile = "R001"
        /// A file is there but cannot be read.
        case unreadable = "R002"
        /// `audit.json` is not JSON of the `wellbeing-audit/1` format.
        case badAuditReport = "R003"
        /// `indicators.csv` is not CSV in the layout this tool writes.
        case badTable = "R004"
        /// The folder was made with other reference data (catalogue or policy) than the one given.
        case otherReferenceData = "R005"
    }

    public var code: Code
    /// What is wrong and how to fix it.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue) \(message)" }
}
