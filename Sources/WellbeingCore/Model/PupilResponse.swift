/// One pupil's validated answers and characteristics.
///
/// Identifiers (`ref`, `upn`) travel with the response only so that the edges
/// can pseudonymise them; no output ever prints them.
public struct PupilResponse: Sendable {
    public var ref: String
    public var upn: String?
    public var yearGroup: YearGroup
    public var sex: Sex
    public var fsm: FSMStatus
    public var sen: SENStatus
    public var ethnicity: EthnicityMajor
    public var answers: AnswerSet

    public init(ref: String, upn: String?, yearGroup: YearGroup, sex: Sex, fsm: FSMStatus, sen: SENStatus,
                ethnicity: EthnicityMajor, answers: AnswerSet) {
        self.ref = ref
        self.upn = upn
        self.yearGroup = yearGroup
        self.sex = sex
        self.fsm = fsm
        self.sen = sen
        self.ethnicity = ethnicity
        self.answers = answers
    }
}

/// A pupil's answers, one slot per item of the instrument (by item index).
///
/// A slot holds the answer value (0…127) or a negative ``Missing`` code, so a
/// whole pupil's answers fit in a few bytes and copy without allocation churn.
public struct AnswerSet: Hashable, Sendable {
    /// Why an item has no value.
    public enum Missing: Int8, Sendable, CaseIterable {
        case notAsked = -1, refused = -2, dontKnow = -3

        /// Parses the return's `missing` attribute.
        public init?(code: some StringProtocol) {
            switch code {
            case "not-asked": self = .notAsked
            case "refused": self = .refused
            case "dont-know": self = .dontKnow
            default: return nil
            }
        }
    }

    public private(set) var slots: [Int8]

    /// An answer set with every item not asked.
    public init(itemCount: Int) {
        slots = Array(repeating: Missing.notAsked.rawValue, count: itemCount)
    }

    /// The valid value of item `index`, or nil when it is missing for any reason.
    @inline(__always)
    public func value(_ index: Int) -> Int? {
        let raw = slots[index]
        return raw >= 0 ? Int(raw) : nil
    }

    /// The missing reason of item `index`, or nil when it has a value.
    public func missing(_ index: Int) -> Missing? {
        Missing(rawValue: slots[index])
    }

    public mutating func set(_ index: Int, value: Int) {
        precondition((0...127).contains(value), "answer values are small integers")
        slots[index] = Int8(value)
    }

    public mutating func set(_ index: Int, missing: Missing) {
        slots[index] = missing.rawValue
    }

    /// Resets every item to not asked, keeping the storage.
    public mutating func reset() {
        for i in slots.indices { slots[i] = Missing.notAsked.rawValue }
    }

    /// True when at least one item has a valid value.
    public var hasAnyValue: Bool { slots.contains { $0 >= 0 } }

    public var itemCount: Int { slots.count }
}
