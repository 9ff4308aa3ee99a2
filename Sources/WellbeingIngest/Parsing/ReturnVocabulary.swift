import CLibXML2

/// The elements of a return the parser acts on; anything else is left to the XSD.
enum ReturnElement: UInt8 {
    case root, header, returnId, survey, localAuthority, generated, software
    case school, enrolment, pupil, answer
    case other
}

/// Element and attribute names of the return format, as the parser's interned pointers.
///
/// Comparing a name is then one pointer comparison, with no Swift string made per name.
struct ReturnVocabulary {
    let root, header, returnId, survey, localAuthority, generated, software: UnsafePointer<xmlChar>
    let school, enrolment, pupil, answer: UnsafePointer<xmlChar>

    let schemaVersion, wave, academicYear, instrument, laCode, onsCode, name: UnsafePointer<xmlChar>
    let urn, laestab, phase, yearGroup, onRoll: UnsafePointer<xmlChar>
    let ref, upn, sex, fsm, sen, ethnicity, item, missing: UnsafePointer<xmlChar>

    init(_ parser: ParserContext) {
        root = parser.intern("WellbeingReturn")
        header = parser.intern("Header")
        returnId = parser.intern("ReturnId")
        survey = parser.intern("Survey")
        localAuthority = parser.intern("LocalAuthority")
        generated = parser.intern("Generated")
        software = parser.intern("Software")
        school = parser.intern("School")
        enrolment = parser.intern("Enrolment")
        pupil = parser.intern("Pupil")
        answer = parser.intern("Answer")
        schemaVersion = parser.intern("schemaVersion")
        wave = parser.intern("wave")
        academicYear = parser.intern("academicYear")
        instrument = parser.intern("instrument")
        laCode = parser.intern("laCode")
        onsCode = parser.intern("onsCode")
        name = parser.intern("name")
        urn = parser.intern("urn")
        laestab = parser.intern("laestab")
        phase = parser.intern("phase")
        yearGroup = parser.intern("yearGroup")
        onRoll = parser.intern("onRoll")
        ref = parser.intern("ref")
        upn = parser.intern("upn")
        sex = parser.intern("sex")
        fsm = parser.intern("fsm")
        sen = parser.intern("sen")
        ethnicity = parser.intern("ethnicity")
        item = parser.intern("item")
        missing = parser.intern("missing")
    }

    /// What an element is, given its parent; an element in an unexpected place is `.other`.
    func element(_ name: UnsafePointer<xmlChar>, in parent: ReturnElement?) -> ReturnElement {
        switch parent {
        case nil: name == root ? .root : .other
        case .root?: name == header ? .header : name == school ? .school : .other
        case .header?:
            name == returnId ? .returnId : name == survey ? .survey : name == localAuthority ? .localAuthority
                : name == generated ? .generated : name == software ? .software : .other
        case .school?: name == pupil ? .pupil : name == enrolment ? .enrolment : .other
        case .pupil?: name == answer ? .answer : .other
        default: .other
        }
    }
}
