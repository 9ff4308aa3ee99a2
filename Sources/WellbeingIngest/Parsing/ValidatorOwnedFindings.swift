/// XSD findings that the validator reports itself, under its own code and in its own words.
///
/// The validator checks every value it turns into a typed value, with the
/// spec's specific code where there is one (a URN is E110, not E101) and
/// without repeating a pupil's data (libxml2's messages quote the value). An
/// XSD message about one of those values is therefore dropped; the XSD still
/// reports structure, unknown attributes and the free-text fields.
enum ValidatorOwnedFindings {
    /// Attributes, by element, whose values the validator checks.
    static let attributes: [String: Set<String>] = [
        "WellbeingReturn": ["schemaVersion"],
        "Survey": ["wave", "academicYear", "instrument"],
        "LocalAuthority": ["laCode", "onsCode"],
        "School": ["urn", "laestab", "phase"],
        "Enrolment": ["yearGroup", "onRoll"],
        "Pupil": ["ref", "upn", "yearGroup", "sex", "fsm", "sen", "ethnicity"],
        "Answer": ["item", "missing"],
    ]

    /// Elements whose text the validator checks.
    static let textElements: Set<String> = ["Answer"]

    /// libxml2 codes for a value that fails its simple type: datatype (1824–1826) and facets (1829–1840).
    private static let valueCodes: Set<Int32> = Set(1824...1826).union(1829...1840)
    /// libxml2's code for "The attribute … is required but missing" (cvc-complex-type.4).
    private static let missingAttributeCode: Int32 = 1868

    /// True when the validator reports what this XSD message is about.
    static func contains(_ message: LibXML2Message) -> Bool {
        guard let subject = subject(of: message.text) else { return false }
        if let attribute = subject.attribute {
            return attributes[subject.element]?.contains(attribute) ?? false
        }
        if message.code == missingAttributeCode, let attribute = message.detail {
            return attributes[subject.element]?.contains(attribute) ?? false
        }
        return valueCodes.contains(message.code) && textElements.contains(subject.element)
    }

    /// The element and attribute a schema message begins with:
    /// `Element 'Pupil', attribute 'upn': …` or `Element 'Answer': …` (namespace already removed).
    static func subject(of text: String) -> (element: String, attribute: String?)? {
        guard let afterElement = text.firstRange(of: "Element '")?.upperBound,
              let elementEnd = text[afterElement...].firstIndex(of: "'") else { return nil }
        let element = String(text[afterElement ..< elementEnd])
        let rest = text[text.index(after: elementEnd)...]
        guard rest.hasPrefix(", attribute '") else { return (element, nil) }
        let attributeStart = rest.index(rest.startIndex, offsetBy: ", attribute '".count)
        guard let attributeEnd = rest[attributeStart...].firstIndex(of: "'") else { return (element, nil) }
        return (element, String(rest[attributeStart ..< attributeEnd]))
    }
}
