/// A survey wave such as `2026AUT`: a calendar year and a term.
public struct SurveyWave: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Term: String, CaseIterable, Sendable {
        case autumn = "AUT", spring = "SPR", summer = "SUM"
        var order: Int { switch self { case .spring: 0; case .summer: 1; case .autumn: 2 } }
    }

    public let year: Int
    public let term: Term

    public init(year: Int, term: Term) {
        self.year = year
        self.term = term
    }

    /// Parses `YYYY` + `AUT`/`SPR`/`SUM`.
    public init?(code: some StringProtocol) {
        guard code.count == 7, code.utf8.prefix(4).allSatisfy({ (48...57).contains($0) }),
              let year = Int(code.prefix(4)), let term = Term(rawValue: String(code.suffix(3)))
        else { return nil }
        self.init(year: year, term: term)
    }

    public var code: String { "\(year)\(term.rawValue)" }
    public var description: String { code }

    public static func < (lhs: SurveyWave, rhs: SurveyWave) -> Bool {
        (lhs.year, lhs.term.order) < (rhs.year, rhs.term.order)
    }
}

/// An academic year in the EES six-digit form, e.g. `202627` for 2026/27.
public struct AcademicYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let startYear: Int

    public init(startYear: Int) { self.startYear = startYear }

    /// Parses `YYYYyy` where `yy` is the year after `YYYY`.
    public init?(code: some StringProtocol) {
        guard code.count == 6, code.utf8.allSatisfy({ (48...57).contains($0) }),
              let start = Int(code.prefix(4)), let end = Int(code.suffix(2)),
              (start + 1) % 100 == end
        else { return nil }
        self.startYear = start
    }

    /// The EES `time_period` value.
    public var code: String { "\(startYear)\(String(format2: (startYear + 1) % 100))" }
    public var description: String { "\(startYear)/\(String(format2: (startYear + 1) % 100))" }
    public static func < (lhs: AcademicYear, rhs: AcademicYear) -> Bool { lhs.startYear < rhs.startYear }
}

extension String {
    /// Two-digit zero-padded form of a number below 100.
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : String(value)
    }
}
