import CLibXML2
import WellbeingCore

/// Assembles raw return elements from SAX events and hands them to a ``RawReturnSink``, within the read limits.
///
/// A struct, mutated in place through one access per event: the per-element
/// work then runs without the dynamic exclusivity checks a class's properties
/// would cost on every field touched.
struct RawReturnAssembler {
    let sink: any RawReturnSink
    let limits: ReadLimits
    let vocabulary: ReturnVocabulary
    let pump: InputPump
    /// True once the parse must stop (fatal error, limit, DOCTYPE, entity); later events are ignored.
    private(set) var halted = false

    /// The elements open above the current point.
    private var open: [ReturnElement] = []
    /// Bytes of text since the last tag, for the text limit.
    private var textRun = 0
    /// Text of the element being captured (`ReturnId`, `Generated`, `Software`, `Answer`).
    ///
    /// libxml2 hands text over in pieces of whole, valid UTF-8 characters, so the pieces can be
    /// decoded one by one; an answer's text is then one small string, with no buffer to clear.
    private var capture = ""
    private var capturing = false

    private var header: RawHeader?
    private var school: RawSchool?
    /// True once the current school has gone to the sink (at its first pupil, or its end).
    private var schoolDelivered = false
    /// The pupil being read; its answers are built in place, the last one being the open `Answer`.
    private var pupil = RawPupil(location: SourceLocation(line: 0, column: 0))

    /// Whether the last element started is in a school, and in a pupil (see ``report(_:at:_:)``).
    private var inSchool = false
    private var inPupil = false

    init(sink: any RawReturnSink, limits: ReadLimits, vocabulary: ReturnVocabulary, pump: InputPump) {
        self.sink = sink
        self.limits = limits
        self.vocabulary = vocabulary
        self.pump = pump
    }

    /// A start tag at `location` (just after the tag): checks the limits, then collects what the validator needs.
    mutating func startElement(_ name: UnsafePointer<xmlChar>, attributes: AttributeList, at location: SourceLocation) {
        guard !halted else { return }
        textRun = 0
        guard open.count < limits.maxDepth else {
            return halt(.e103, at: location, "elements are nested more than \(limits.maxDepth) deep; a return needs"
                            + " four levels (WellbeingReturn, School, Pupil, Answer).")
        }
        for attribute in attributes where attribute.length > limits.maxValueLength {
            return halt(.e103, at: location, "an attribute value is longer than"
                            + " \(ReadLimits.size(limits.maxValueLength)); no value in a return needs to be that long.")
        }
        let element = vocabulary.element(name, in: open.last)
        open.append(element)
        // Messages are about the school and pupil this element is in (WellbeingReturn/School/Pupil/…).
        inSchool = open.count >= 2 && open[1] == .school
        inPupil = open.count >= 3 && open[2] == .pupil
        switch element {
        case .root:
            let version = attributes.first { $0.name == vocabulary.schemaVersion && $0.namespace == nil }
            sink.begin(schemaVersion: version?.value, at: location)
        case .header:
            header = RawHeader(location: location)
        case .survey:
            var survey = RawHeader.Survey(location: location)
            for attribute in attributes where attribute.namespace == nil {
                switch attribute.name {
                case vocabulary.wave: survey.wave = attribute.value
                case vocabulary.academicYear: survey.academicYear = attribute.value
                case vocabulary.instrument: survey.instrument = attribute.value
                default: break
                }
            }
            header?.survey = survey
        case .localAuthority:
            var authority = RawHeader.Authority(location: location)
            for attribute in attributes where attribute.namespace == nil {
                switch attribute.name {
                case vocabulary.laCode: authority.laCode = attribute.value
                case vocabulary.onsCode: authority.onsCode = attribute.value
                case vocabulary.name: authority.name = attribute.value
                default: break
                }
            }
            header?.localAuthority = authority
        case .returnId, .generated, .software:
            startCapture()
        case .answer:
            startAnswer(at: location, attributes)
            startCapture()
        case .school:
            startSchool(at: location, attributes)
        case .enrolment:
            var row = RawEnrolment(location: location)
            for attribute in attributes where attribute.namespace == nil {
                switch attribute.name {
                case vocabulary.yearGroup: row.yearGroup = attribute.value
                case vocabulary.onRoll: row.onRoll = attribute.value
                default: break
                }
            }
            school?.enrolment.append(row)
        case .pupil:
            deliverSchool()
            startPupil(at: location, attributes)
        case .other:
            break
        }
    }

    /// An end tag: hands a finished element to the sink.
    mutating func endElement() {
        guard !halted, let element = open.popLast() else { return }
        textRun = 0
        let text = capturing ? endCapture() : nil
        switch element {
        case .header:
            if let header { sink.header(header) }
            header = nil
        case .returnId:
            header?.returnId = text
        case .generated:
            header?.generated = text
        case .software:
            header?.software = text
        case .answer:
            // The answer was appended at its start tag; filling it in place spares a copy of its strings.
            if !pupil.answers.isEmpty { pupil.answers[pupil.answers.count - 1].value = text }
        case .pupil:
            let ref = pupil.ref
            sink.pupil(&pupil)
            // The sink may have exchanged the pupil for a used one, but a message about this end tag
            // (libxml2 sends it after the callback) must still name this pupil.
            pupil.ref = ref
        case .school:
            deliverSchool()
            sink.endSchool()
        case .root, .survey, .localAuthority, .enrolment, .other:
            break
        }
    }

    /// Text or CDATA, which libxml2 may deliver in several pieces; `position` is asked only for a problem.
    mutating func text(_ bytes: UnsafePointer<xmlChar>, count: Int, position: () -> SourceLocation) {
        guard !halted else { return }
        textRun += count
        guard textRun <= limits.maxValueLength else {
            return halt(.e103, at: position(), "a run of text is longer than"
                            + " \(ReadLimits.size(limits.maxValueLength)); no value in a return needs to be that long.")
        }
        if capturing { capture.append(LibXML2.text(from: bytes, to: bytes + count)) }
    }

    /// A DOCTYPE declaration, reported before its internal subset is read.
    mutating func rejectDoctype(at location: SourceLocation) {
        halt(.e103, at: location, "the return has a DOCTYPE declaration; DTDs and entities are not allowed in a"
                + " return. Remove the <!DOCTYPE …> declaration.")
    }

    /// A reference to an entity other than the five predefined ones.
    mutating func rejectEntity(_ name: UnsafePointer<xmlChar>?, at location: SourceLocation) {
        let shown = name.map { "&\(String(cString: $0).prefix(40));" } ?? "an entity reference"
        halt(.e103, at: location, "the return uses the entity \(shown); DTDs and entities are not allowed in a"
                + " return. Write the text itself (only &amp; &lt; &gt; &quot; &apos; and character references"
                + " may be used).")
    }

    /// Reports a problem about the current school and pupil, naming them when their identifiers are valid.
    ///
    /// libxml2 reports a problem with an element's end after our end-tag callback, so the school and
    /// pupil stay current until the next element starts.
    mutating func report(_ code: DiagnosticCode, at location: SourceLocation?, _ message: String) {
        let urn = inSchool ? school?.urn.flatMap { SchoolIdentifiers.urn($0) != nil ? $0 : nil } : nil
        let ref = inPupil ? pupil.ref.flatMap { PupilRef.isValid($0) ? $0 : nil } : nil
        sink.report(Diagnostic(code, at: location, school: urn, pupil: ref, message))
    }

    /// Reports a problem that ends the parse; the caller then stops libxml2.
    mutating func halt(_ code: DiagnosticCode, at location: SourceLocation?, _ message: String) {
        guard !halted else { return }
        report(code, at: location, message)
        halted = true
    }

    /// Ends the parse because the input passed ``ReadLimits/maxBytes``.
    mutating func haltOversize() {
        guard !halted else { return }
        sink.report(limits.oversizeDiagnostic)
        halted = true
    }

    /// Ends the parse quietly: the input itself failed, which the read reports as an error of its own.
    mutating func haltForInputFailure() {
        halted = true
    }

    private mutating func startSchool(at location: SourceLocation, _ attributes: AttributeList) {
        var raw = RawSchool(location: location)
        for attribute in attributes where attribute.namespace == nil {
            switch attribute.name {
            case vocabulary.urn: raw.urn = attribute.value
            case vocabulary.laestab: raw.laestab = attribute.value
            case vocabulary.name: raw.name = attribute.value
            case vocabulary.phase: raw.phase = attribute.value
            default: break
            }
        }
        school = raw
        schoolDelivered = false
    }

    private mutating func startPupil(at location: SourceLocation, _ attributes: AttributeList) {
        pupil.reset(at: location)
        for attribute in attributes where attribute.namespace == nil {
            switch attribute.name {
            case vocabulary.ref: pupil.ref = attribute.value
            case vocabulary.upn: pupil.upn = attribute.value
            case vocabulary.yearGroup: pupil.yearGroup = attribute.value
            case vocabulary.sex: pupil.sex = attribute.value
            case vocabulary.fsm: pupil.fsm = attribute.value
            case vocabulary.sen: pupil.sen = attribute.value
            case vocabulary.ethnicity: pupil.ethnicity = attribute.value
            default: break
            }
        }
    }

    private mutating func startAnswer(at location: SourceLocation, _ attributes: AttributeList) {
        var item: String?
        var missing: String?
        for attribute in attributes where attribute.namespace == nil {
            switch attribute.name {
            case vocabulary.item: item = attribute.value
            case vocabulary.missing: missing = attribute.value
            default: break
            }
        }
        pupil.answers.append(RawAnswer(location: location, item: item, missing: missing))
    }

    /// Hands the current school to the sink once, when its `Enrolment` rows are complete.
    private mutating func deliverSchool() {
        guard let school, !schoolDelivered else { return }
        schoolDelivered = true
        sink.school(school)
    }

    private mutating func startCapture() {
        capture = ""
        capturing = true
    }

    private mutating func endCapture() -> String {
        capturing = false
        defer { capture = "" }
        return capture
    }
}
