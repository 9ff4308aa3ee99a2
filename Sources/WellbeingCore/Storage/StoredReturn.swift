/// An accepted return as a store keeps it: the receipt given on submission and its state since.
///
/// Nothing here identifies a pupil: a stored return knows its schools and how
/// many pupils it brought, never who they are.
public struct StoredReturn: Sendable, Hashable {
    /// Whether a return still counts.
    public enum Status: String, Sendable, CaseIterable {
        /// Its schools count unless a later return for the same wave contains them.
        case accepted
        /// Withdrawn: none of its schools count; each falls back to its most recent earlier return.
        case withdrawn
    }

    /// The store's own id for the return (the submitter's `ReturnId` need not be unique).
    public var id: Int64
    /// The name the return arrived under: a file path or an upload's name.
    public var name: String
    /// SHA-256 of the return's bytes, lowercase hex.
    public var sha256: String
    public var header: ReturnHeader
    /// The version of the catalogue its schools' sums were built with.
    public var catalogueVersion: String
    /// Schools in the return.
    public var schools: Int
    /// Pupils stored: the valid respondents with at least one valid answer.
    public var pupils: Int
    /// Warnings (queries) the return was accepted with.
    public var warnings: Int
    /// When the store accepted it, ISO 8601 in UTC.
    public var received: String
    public var status: Status
    /// When it was withdrawn, ISO 8601 in UTC.
    public var withdrawn: String?
    /// Its schools that count now; the others are superseded by later returns, or the return is withdrawn.
    public var countingSchools: Int

    public init(id: Int64, name: String, sha256: String, header: ReturnHeader, catalogueVersion: String,
                schools: Int, pupils: Int, warnings: Int, received: String, status: Status, withdrawn: String?,
                countingSchools: Int) {
        self.id = id
        self.name = name
        self.sha256 = sha256
        self.header = header
        self.catalogueVersion = catalogueVersion
        self.schools = schools
        self.pupils = pupils
        self.warnings = warnings
        self.received = received
        self.status = status
        self.withdrawn = withdrawn
        self.countingSchools = countingSchools
    }
}
