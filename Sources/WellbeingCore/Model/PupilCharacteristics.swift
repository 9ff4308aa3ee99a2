/// A National Curriculum year group: reception (`R`) or years 1 to 13.
public struct YearGroup: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 0 for reception, otherwise the year number.
    public let value: UInt8

    public init?(_ value: Int) {
        guard (0...13).contains(value) else { return nil }
        self.value = UInt8(value)
    }

    /// Parses the return's code: `R`, `1` … `13`.
    public init?(code: some StringProtocol) {
        if code == "R" { self.value = 0; return }
        guard let number = Int(code), (1...13).contains(number), !code.hasPrefix("0") else { return nil }
        self.value = UInt8(number)
    }

    public var code: String { value == 0 ? "R" : String(value) }
    public var description: String { value == 0 ? "Reception" : "Year \(value)" }
    public static func < (lhs: YearGroup, rhs: YearGroup) -> Bool { lhs.value < rhs.value }
}

/// A pupil's recorded sex, as the return codes it.
public enum Sex: UInt8, CaseIterable, Sendable {
    case female, male, other, unknown

    public init?(code: some StringProtocol) {
        switch code {
        case "F": self = .female
        case "M": self = .male
        case "O": self = .other
        case "U": self = .unknown
        default: return nil
        }
    }
}

/// Free-school-meal eligibility (census flag); absent means unknown.
public enum FSMStatus: UInt8, CaseIterable, Sendable {
    case eligible, notEligible, unknown

    public init?(code: some StringProtocol) {
        switch code {
        case "true", "1": self = .eligible
        case "false", "0": self = .notEligible
        default: return nil
        }
    }
}

/// Special educational needs provision; absent means unknown.
public enum SENStatus: UInt8, CaseIterable, Sendable {
    case none, support, ehcPlan, unknown

    public init?(code: some StringProtocol) {
        switch code {
        case "N": self = .none
        case "K": self = .support
        case "E": self = .ehcPlan
        default: return nil
        }
    }
}

/// The DfE major ethnic group a main ethnicity code reports under.
public enum EthnicityMajor: UInt8, CaseIterable, Sendable {
    case white, mixed, asian, black, chinese, other, unclassified

    /// Maps a DfE main ethnicity code (e.g. `WBRI`) to its major group.
    public init?(code: some StringProtocol) {
        switch code {
        case "WBRI", "WIRI", "WIRT", "WOTH", "WROM": self = .white
        case "MWBC", "MWBA", "MWAS", "MOTH": self = .mixed
        case "AIND", "APKN", "ABAN", "AOTH": self = .asian
        case "BCRB", "BAFR", "BOTH": self = .black
        case "CHNE": self = .chinese
        case "OOTH": self = .other
        case "REFU", "NOBT": self = .unclassified
        default: return nil
        }
    }

    /// Every DfE main ethnicity code, in the order the return format lists them.
    public static let mainCodes = [
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH",
        "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
    ]
}

/// The phase of education a school provides.
public enum SchoolPhase: String, CaseIterable, Sendable {
    case primary, middle, secondary, allThrough = "all-through", special, pru
}
