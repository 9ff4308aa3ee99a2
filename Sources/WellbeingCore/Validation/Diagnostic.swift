/// Where in a return a diagnostic points.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// The rule a diagnostic reports (return-format.md, "Validation").
public enum DiagnosticCode: String, Sendable, CaseIterable, Codable {
    case e100 = "E100", e101 = "E101", e102 = "E102", e103 = "E103"
    case e110 = "E110", e111 = "E111", e112 = "E112", e113 = "E113"
    case e120 = "E120", e121 = "E121", e122 = "E122"
    case e130 = "E130", e131 = "E131", e132 = "E132"
    case e140 = "E140"
    case w200 = "W200", w201 = "W201", w202 = "W202", w203 = "W203", w204 = "W204"

    public var severity: Diagnostic.Severity { rawValue.hasPrefix("E") ? .error : .warning }
}

/// One finding about a return: an error that rejects it, or a warning (a "query").
///
/// `description` never prints pupil data (pupil refs, UPNs or answers);
/// ``expandedDescription`` adds the pupil ref for the submitter's own eyes.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var code: DiagnosticCode
    public var location: SourceLocation?
    public var schoolURN: String?
    public var pupilRef: String?
    /// What is wrong and what a valid value looks like; never contains pupil data.
    public var message: String

    public init(_ code: DiagnosticCode, at location: SourceLocation?, school: String? = nil, pupil: String? = nil,
                _ message: String) {
        self.code = code
        self.location = location
        self.schoolURN = school
        self.pupilRef = pupil
        self.message = message
    }

    public var severity: Severity { code.severity }

    public var description: String {
        var text = "\(code.rawValue) \(severity.rawValue)"
        if let location { text += " at line \(location.line), column \(location.column)" }
        if let schoolURN { text += ", school \(schoolURN)" }
        return text + ": " + message
    }

    /// The description plus the pupil ref, for the submitting LA only.
    public var expandedDescription: String {
        guard let pupilRef else { return description }
        var text = "\(code.rawValue) \(severity.rawValue)"
        if let location { text += " at line \(location.line), column \(location.column)" }
        if let schoolURN { text += ", school \(schoolURN)" }
        return text + ", pupil \(pupilRef): " + message
    }
}
