import WellbeingCore

/// Runs raw elements through the validator and hands what passes to the visitor.
final class ValidatingSink<Visitor: ReturnVisitor>: RawReturnSink {
    var validator: ReturnValidator
    /// The caller's visitor, borrowed for the length of one read.
    private let visitor: UnsafeMutablePointer<Visitor>
    /// True between a school the visitor was given and its end.
    private var schoolOpen = false

    init(validator: ReturnValidator, visitor: UnsafeMutablePointer<Visitor>) {
        self.validator = validator
        self.visitor = visitor
    }

    func begin(schemaVersion: String?, at location: SourceLocation) {
        validator.begin(schemaVersion: schemaVersion, at: location)
    }

    func header(_ raw: RawHeader) {
        if let header = validator.header(raw) { visitor.pointee.begin(header) }
    }

    func school(_ raw: RawSchool) {
        guard let school = validator.school(raw) else { return }
        visitor.pointee.school(school)
        schoolOpen = true
    }

    func pupil(_ raw: inout RawPupil) {
        if let pupil = validator.pupil(raw), schoolOpen { visitor.pointee.pupil(pupil) }
    }

    func endSchool() {
        validator.endSchool()
        if schoolOpen { visitor.pointee.endSchool() }
        schoolOpen = false
    }

    func report(_ diagnostic: Diagnostic) {
        validator.report(diagnostic)
    }
}
