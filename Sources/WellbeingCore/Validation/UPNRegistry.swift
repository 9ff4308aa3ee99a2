/// Where a pupil appears in a return, for reporting a duplicate UPN (E122).
public struct PupilOccurrence: Hashable, Sendable {
    public var location: SourceLocation
    public var schoolURN: Int?
    /// The pupil's `ref` when it is a valid ref (at most 32 ASCII characters).
    public var pupilRef: String?

    public init(location: SourceLocation, schoolURN: Int?, pupilRef: String?) {
        self.location = location
        self.schoolURN = schoolURN
        self.pupilRef = pupilRef
    }
}

/// A UPN used again: where it is used again and where it was first used.
public struct UPNDuplicate: Hashable, Sendable {
    public var occurrence: PupilOccurrence
    public var first: PupilOccurrence

    public init(occurrence: PupilOccurrence, first: PupilOccurrence) {
        self.occurrence = occurrence
        self.first = first
    }
}

/// Remembers the UPNs of one return so that duplicates (E122) can be reported once it has been read.
///
/// Duplicates are only asked for at the end, which lets an implementation
/// keep its memory flat (spilling keys to disk) however many pupils a return has.
public protocol UPNRegistry {
    /// Notes the UPN of a pupil, in document order.
    mutating func record(_ upn: UniquePupilNumber, at occurrence: PupilOccurrence)

    /// Calls `body` for every occurrence of a UPN that was already used earlier in the return.
    mutating func forEachDuplicate(_ body: (UPNDuplicate) -> Void) throws(UPNRegistryError)
}

/// A registry that cannot answer, for example because its scratch storage failed.
public struct UPNRegistryError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
