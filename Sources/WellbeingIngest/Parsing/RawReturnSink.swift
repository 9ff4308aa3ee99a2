import WellbeingCore

/// Receives a return's raw elements, in document order, from the parser.
protocol RawReturnSink: AnyObject {
    func begin(schemaVersion: String?, at location: SourceLocation)
    func header(_ raw: RawHeader)
    /// A school with its `Enrolment` rows, before its first pupil.
    func school(_ raw: RawSchool)
    /// A pupil; the sink may exchange it for a used one (``RawPupil/reset(at:)`` clears it), whose storage
    /// the caller then reuses.
    func pupil(_ raw: inout RawPupil)
    func endSchool()
    /// A problem found while parsing: well-formedness, the XSD, or a read limit.
    func report(_ diagnostic: Diagnostic)
}
