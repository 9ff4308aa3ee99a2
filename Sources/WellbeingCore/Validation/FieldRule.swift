/// How the validator checks one attribute and describes it to the submitter.
struct FieldRule {
    var element: String
    var attribute: String
    /// What a valid value looks like, e.g. "F, M, O or U".
    var expectation: String
    var code: DiagnosticCode = .e101
    /// Whether the value may be repeated in a message; false for every pupil attribute.
    var showsValue = true
}

/// Who a diagnostic is about: the school (URN) and the pupil (ref) where they apply.
struct DiagnosticSubject {
    var school: String?
    var pupil: String?

    /// The return as a whole, or its header.
    static let file = DiagnosticSubject(school: nil, pupil: nil)
}
