/// What reading a submitted return found, as a store needs it to decide whether to keep it.
public struct ReturnSubmission: Sendable, Hashable {
    /// The name the return arrived under: a file path or an upload's name.
    public var name: String
    /// SHA-256 of the bytes read, lowercase hex; nil when the input was not read to its end.
    public var sha256: String?
    /// True when the return has no error and may be accepted.
    public var isValid: Bool
    /// Warnings (queries) found; they never block a return.
    public var warnings: Int

    public init(name: String, sha256: String?, isValid: Bool, warnings: Int) {
        self.name = name
        self.sha256 = sha256
        self.isValid = isValid
        self.warnings = warnings
    }
}
