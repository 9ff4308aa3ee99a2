/// A `School` element as read, with its `Enrolment` rows: texts exactly as written.
public struct RawSchool: Sendable {
    public var location: SourceLocation
    public var urn: String?
    public var laestab: String?
    public var name: String?
    public var phase: String?
    public var enrolment: [RawEnrolment]

    public init(location: SourceLocation, urn: String? = nil, laestab: String? = nil, name: String? = nil,
                phase: String? = nil, enrolment: [RawEnrolment] = []) {
        self.location = location
        self.urn = urn
        self.laestab = laestab
        self.name = name
        self.phase = phase
        self.enrolment = enrolment
    }
}

/// An `Enrolment` element: pupils on roll in one surveyed year group.
public struct RawEnrolment: Sendable {
    public var location: SourceLocation
    public var yearGroup: String?
    public var onRoll: String?

    public init(location: SourceLocation, yearGroup: String? = nil, onRoll: String? = nil) {
        self.location = location
        self.yearGroup = yearGroup
        self.onRoll = onRoll
    }
}
