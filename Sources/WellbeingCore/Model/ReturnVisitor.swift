/// Receives a return's validated content as the reader streams through it.
///
/// Calls arrive in document order: `begin`, then per school `school`, its
/// `pupil`s and `endSchool`, and finally `end`. Only pupils that passed
/// validation arrive (answers outside an item's years already cleared, pupils
/// with no answers left out). `end(valid:)` says whether the return as a whole
/// was accepted; a visitor must keep nothing of a return that ends invalid.
public protocol ReturnVisitor {
    mutating func begin(_ header: ReturnHeader)
    /// A school, once its `Enrolment` rows are known, before its first pupil.
    mutating func school(_ school: SchoolRecord)
    mutating func pupil(_ pupil: PupilResponse)
    mutating func endSchool()
    mutating func end(valid: Bool)
}
