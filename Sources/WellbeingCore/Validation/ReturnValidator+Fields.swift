extension ReturnValidator {
    /// Parses a required attribute, logging the rule's code when it is absent or invalid.
    mutating func required<Value>(_ text: String?, _ rule: FieldRule, at location: SourceLocation,
                                  about subject: DiagnosticSubject, parse: (String) -> Value?) -> Value? {
        guard let text else {
            log.append(Diagnostic(rule.code, at: location, school: subject.school, pupil: subject.pupil,
                                  "\(rule.element) has no \(rule.attribute) attribute;"
                                    + " it must be \(rule.expectation)."))
            return nil
        }
        return present(text, rule, at: location, about: subject, parse: parse)
    }

    /// Parses an optional attribute: `absent` when it is left out, nil (logged) when it is invalid.
    mutating func optional<Value>(_ text: String?, _ rule: FieldRule, absent: Value, at location: SourceLocation,
                                  about subject: DiagnosticSubject, parse: (String) -> Value?) -> Value? {
        guard let text else { return absent }
        return present(text, rule, at: location, about: subject, parse: parse)
    }

    private mutating func present<Value>(_ text: String, _ rule: FieldRule, at location: SourceLocation,
                                         about subject: DiagnosticSubject, parse: (String) -> Value?) -> Value? {
        if let value = parse(text) { return value }
        let shown = rule.showsValue ? " \(Self.quoted(text))" : ""
        log.append(Diagnostic(rule.code, at: location, school: subject.school, pupil: subject.pupil,
                              "\(rule.attribute)\(shown) is not valid; it must be \(rule.expectation)."))
        return nil
    }

    /// A year group written exactly as the format lists them: `R` or `1`…`13`, no sign, no leading zero.
    static func yearGroup(_ text: String) -> YearGroup? {
        if text == "R" { return YearGroup(0) }
        // YearGroup(code:) alone would also take "+5"; the format allows one or two digits, no leading zero.
        let length = text.utf8.count
        guard (1...2).contains(length), text.utf8.first != UInt8(ascii: "0"),
              let value = DecimalText.fixedDigits(text, count: length)
        else { return nil }
        return YearGroup(value)
    }

    static let yearGroupExpectation = "R or a year from 1 to 13"
}
