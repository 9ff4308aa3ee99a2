public import WellbeingCore

/// What reading one return found: its identity, its size, and every diagnostic.
public struct ValidationReport: Sendable {
    /// The file path, or the name the caller gave a stream.
    public var file: String
    /// SHA-256 of the bytes read, as lowercase hex; nil when the input was not read to its end
    /// (it was larger than the limit).
    public var sha256: String?
    public var byteCount: Int
    /// The header, when it was valid.
    public var header: ReturnHeader?
    /// `School` elements read.
    public var schoolCount: Int
    /// `Pupil` elements read.
    public var pupilCount: Int
    /// Pupils handed on to the visitor: valid, with at least one valid answer.
    public var acceptedPupilCount: Int
    /// The first diagnostics (up to the cap) in file order; diagnostics about the whole file first.
    public var diagnostics: [Diagnostic]
    /// Errors found, listed or not.
    public var errorCount: Int
    /// Warnings found, listed or not.
    public var warningCount: Int
    /// Diagnostics found but not listed, beyond the cap.
    public var truncatedCount: Int

    /// True when the return has no error and may be accepted.
    public var isValid: Bool { errorCount == 0 }
}
