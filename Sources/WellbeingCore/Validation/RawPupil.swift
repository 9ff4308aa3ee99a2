/// A `Pupil` element as read, with its answers: texts exactly as written.
///
/// A reader may reuse one value for every pupil (``reset(at:)``) so that
/// reading a return does not allocate per pupil.
public struct RawPupil: Sendable {
    public var location: SourceLocation
    public var ref: String?
    public var upn: String?
    public var yearGroup: String?
    public var sex: String?
    public var fsm: String?
    public var sen: String?
    public var ethnicity: String?
    public var answers: [RawAnswer]

    public init(location: SourceLocation, ref: String? = nil, upn: String? = nil, yearGroup: String? = nil,
                sex: String? = nil, fsm: String? = nil, sen: String? = nil, ethnicity: String? = nil,
                answers: [RawAnswer] = []) {
        self.location = location
        self.ref = ref
        self.upn = upn
        self.yearGroup = yearGroup
        self.sex = sex
        self.fsm = fsm
        self.sen = sen
        self.ethnicity = ethnicity
        self.answers = answers
    }

    /// Clears every field for the next pupil, keeping the answers' storage.
    public mutating func reset(at location: SourceLocation) {
        self.location = location
        ref = nil
        upn = nil
        yearGroup = nil
        sex = nil
        fsm = nil
        sen = nil
        ethnicity = nil
        answers.removeAll(keepingCapacity: true)
    }
}

/// An `Answer` element: an item code and either a value (the element's text) or a missing reason.
public struct RawAnswer: Sendable {
    public var location: SourceLocation
    public var item: String?
    /// The element's text; nil or XML whitespace when the element is empty.
    public var value: String?
    public var missing: String?

    public init(location: SourceLocation, item: String? = nil, value: String? = nil, missing: String? = nil) {
        self.location = location
        self.item = item
        self.value = value
        self.missing = missing
    }
}
