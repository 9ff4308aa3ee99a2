import CLibXML2
import WellbeingCore

extension ReturnEventParser {
    /// A start tag: checks the limits, then collects the attributes the validator needs.
    func startElement(_ name: UnsafePointer<xmlChar>, attributes: AttributeList) {
        guard !halted, let vocabulary, let parser else { return }
        textRun = 0
        guard open.count < limits.maxDepth else {
            return halt(.e103, "elements are nested more than \(limits.maxDepth) deep; a return needs four levels"
                            + " (WellbeingReturn, School, Pupil, Answer).")
        }
        for attribute in attributes where attribute.length > limits.maxValueLength {
            return halt(.e103, "an attribute value is longer than \(ReadLimits.size(limits.maxValueLength));"
                            + " no value in a return needs to be that long.")
        }
        let element = vocabulary.element(name, in: open.last)
        open.append(element)
        let location = parser.position
        switch element {
        case .root:
            (currentSchool, currentPupil) = (nil, nil)
            let version = attributes.first { $0.name == vocabulary.schemaVersion && $0.namespace == nil }
            sink.begin(schemaVersion: version?.value, at: location)
        case .header:
            (currentSchool, currentPupil) = (nil, nil)
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
        case .returnId, .generated, .software, .answer:
            if element == .answer { startAnswer(at: location, attributes, vocabulary) }
            capture.removeAll(keepingCapacity: true)
            capturing = true
        case .school:
            startSchool(at: location, attributes, vocabulary)
        case .enrolment:
            currentPupil = nil
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
            startPupil(at: location, attributes, vocabulary)
        case .other:
            break
        }
    }

    /// An end tag: hands a finished element to the sink.
    func endElement() {
        guard !halted, let element = open.popLast() else { return }
        textRun = 0
        switch element {
        case .header:
            if let header { sink.header(header) }
            header = nil
        case .returnId:
            header?.returnId = endCapture()
        case .generated:
            header?.generated = endCapture()
        case .software:
            header?.software = endCapture()
        case .answer:
            answer.value = endCapture()
            pupil.answers.append(answer)
        case .pupil:
            sink.pupil(pupil)
        case .school:
            deliverSchool()
            sink.endSchool()
            school = nil
        case .root, .survey, .localAuthority, .enrolment, .other:
            break
        }
    }

    /// Text or CDATA, which libxml2 may deliver in several pieces.
    func text(_ bytes: UnsafePointer<xmlChar>, count: Int) {
        guard !halted else { return }
        textRun += count
        guard textRun <= limits.maxValueLength else {
            return halt(.e103, "a run of text is longer than \(ReadLimits.size(limits.maxValueLength));"
                            + " no value in a return needs to be that long.")
        }
        if capturing { capture.append(contentsOf: UnsafeBufferPointer(start: bytes, count: count)) }
    }

    /// A DOCTYPE declaration, reported before its internal subset is read.
    func rejectDoctype() {
        halt(.e103, "the return has a DOCTYPE declaration; DTDs and entities are not allowed in a return."
                + " Remove the <!DOCTYPE …> declaration.")
    }

    /// A reference to an entity other than the five predefined ones.
    func rejectEntity(_ name: UnsafePointer<xmlChar>?) {
        let shown = name.map { "&\(String(cString: $0).prefix(40));" } ?? "an entity reference"
        halt(.e103, "the return uses the entity \(shown); DTDs and entities are not allowed in a return."
                + " Write the text itself (only &amp; &lt; &gt; &quot; &apos; and character references may be used).")
    }

    private func startSchool(at location: SourceLocation, _ attributes: AttributeList,
                             _ vocabulary: ReturnVocabulary) {
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
        currentSchool = raw.urn.flatMap { SchoolIdentifiers.urn($0) != nil ? $0 : nil }
        currentPupil = nil
    }

    private func startPupil(at location: SourceLocation, _ attributes: AttributeList,
                            _ vocabulary: ReturnVocabulary) {
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
        currentPupil = pupil.ref.flatMap { PupilRef.isValid($0) ? $0 : nil }
    }

    private func startAnswer(at location: SourceLocation, _ attributes: AttributeList,
                             _ vocabulary: ReturnVocabulary) {
        answer = RawAnswer(location: location)
        for attribute in attributes where attribute.namespace == nil {
            switch attribute.name {
            case vocabulary.item: answer.item = attribute.value
            case vocabulary.missing: answer.missing = attribute.value
            default: break
            }
        }
    }

    /// Hands the current school to the sink once, when its `Enrolment` rows are complete.
    private func deliverSchool() {
        guard let school, !schoolDelivered else { return }
        schoolDelivered = true
        sink.school(school)
    }

    private func endCapture() -> String {
        capturing = false
        return String(decoding: capture, as: UTF8.self)
    }
}
