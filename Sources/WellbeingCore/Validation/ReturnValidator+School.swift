extension ReturnValidator {
    /// What the validator remembers about the school being read.
    struct SchoolState {
        var location: SourceLocation
        var urn: Int?
        /// The school to hand on; nil when it, or the header, is invalid.
        var record: SchoolRecord?
        var enrolment: [(yearGroup: YearGroup, onRoll: Int, location: SourceLocation)] = []
        /// Where each pupil ref was first used in this school (E121).
        var refs: [String: SourceLocation] = [:]
        /// Pupils per year group (index = year group value) with at least one valid answer.
        var respondents = Array(repeating: 0, count: 14)
        var pupils = 0
        /// The school as diagnostics name it, spelled out once rather than for every pupil.
        let subject: DiagnosticSubject

        init(location: SourceLocation, urn: Int?) {
            self.location = location
            self.urn = urn
            subject = DiagnosticSubject(school: urn.map(String.init), pupil: nil)
        }
    }

    /// Checks a school and its `Enrolment` rows: URN (E110), LAESTAB (E111), duplicate URN (E113), phase.
    ///
    /// Call once the school's `Enrolment` rows are known, before its first pupil.
    /// Returns the school when it and the header are valid.
    public mutating func school(_ raw: RawSchool) -> SchoolRecord? {
        schoolCount += 1
        let errorsBefore = log.errorCount
        let urn = required(raw.urn, Self.urnRule, at: raw.location, about: .file) { SchoolIdentifiers.urn($0) }
        var state = SchoolState(location: raw.location, urn: urn)
        swap(&state.refs, &spareRefs)
        let subject = state.subject
        if let urn {
            if let first = schoolLocations[urn] {
                log.append(Diagnostic(.e113, at: raw.location, school: subject.school,
                                      "school \(urn) is already in this return (line \(first.line));"
                                        + " send each school once, with all its pupils."))
            } else {
                schoolLocations[urn] = raw.location
            }
        }
        let laestab = checkLAESTAB(raw.laestab, at: raw.location, about: subject)
        let phase = required(raw.phase, Self.phaseRule, at: raw.location, about: subject) {
            SchoolPhase(rawValue: $0)
        }
        var enrolment: [YearGroup: Int] = [:]
        for row in raw.enrolment {
            guard let entry = checkEnrolment(row, about: subject) else { continue }
            if let earlier = state.enrolment.first(where: { $0.yearGroup == entry.yearGroup }) {
                log.append(Diagnostic(.e101, at: row.location, school: subject.school,
                                      "\(entry.yearGroup) already has an Enrolment row (line \(earlier.location.line));"
                                        + " give one row per year group."))
                continue
            }
            state.enrolment.append((entry.yearGroup, entry.onRoll, row.location))
            enrolment[entry.yearGroup] = entry.onRoll
        }
        if header != nil, log.errorCount == errorsBefore, let urn, let laestab, let phase, let name = raw.name {
            state.record = SchoolRecord(urn: urn, laestab: laestab, name: name, phase: phase, enrolment: enrolment)
        }
        school = state
        return state.record
    }

    /// Closes the school: a school without pupils (E140), and response rates per year group (W200, W201).
    public mutating func endSchool() {
        guard var state = school else { return }
        school = nil
        state.refs.removeAll(keepingCapacity: true)
        spareRefs = state.refs
        let subject = state.subject
        guard state.pupils > 0 else {
            let name = state.urn.map { "school \($0)" } ?? "this school"
            log.append(Diagnostic(.e140, at: state.location, school: subject.school,
                                  "\(name) has no pupils; a School must contain at least one Pupil,"
                                    + " or be left out of the return."))
            return
        }
        // Respondents cannot be counted without an instrument to check answers against.
        guard instrument != nil else { return }
        for row in state.enrolment {
            let respondents = state.respondents[Int(row.yearGroup.value)]
            if respondents > row.onRoll {
                log.append(Diagnostic(.w201, at: row.location, school: subject.school,
                                      "\(row.yearGroup): \(respondents) respondents but only \(row.onRoll) on roll;"
                                        + " check the Enrolment figure, which must count every pupil on roll."))
            } else if respondents * 5 < row.onRoll {
                let percent = respondents * 100 / row.onRoll
                log.append(Diagnostic(.w200, at: row.location, school: subject.school,
                                      "\(row.yearGroup): \(respondents) respondents of \(row.onRoll) on roll"
                                        + " (\(percent)%); a response rate below 20% may not represent the"
                                        + " year group."))
            }
        }
    }

    static let urnRule = FieldRule(element: "School", attribute: "urn",
                                   expectation: "6 digits from 100000 to 999999, e.g. 100049", code: .e110)

    static let phaseRule = FieldRule(element: "School", attribute: "phase",
                                     expectation: "primary, middle, secondary, all-through, special or pru")

    /// Checks the LAESTAB's shape and that its LA part is the return's LA (E111).
    private mutating func checkLAESTAB(_ text: String?, at location: SourceLocation,
                                       about subject: DiagnosticSubject) -> Int? {
        let rule = FieldRule(element: "School", attribute: "laestab",
                             expectation: "7 digits, the LA code then the establishment number, e.g. 2024104",
                             code: .e111)
        let checked = required(text, rule, at: location, about: subject) { text -> String? in
            // A wrong LA part is reported below with its own message; here only the shape counts.
            guard case .success = SchoolIdentifiers.laestab(text, laCode: nil) else { return nil }
            return text
        }
        guard let checked else { return nil }
        switch SchoolIdentifiers.laestab(checked, laCode: returnLACode) {
        case .success(let value):
            return value
        case .failure(.otherAuthority(let laPart)):
            log.append(Diagnostic(.e111, at: location, school: subject.school,
                                  "laestab \(Self.quoted(checked)) starts with LA code \(laPart), but the return is"
                                    + " from LA \(returnLACode ?? "?"); a school's LAESTAB must begin with the"
                                    + " return's LA code."))
            return nil
        case .failure(.format):
            return nil
        }
    }

    /// Checks one `Enrolment` row's year group and roll.
    private mutating func checkEnrolment(_ row: RawEnrolment, about subject: DiagnosticSubject)
        -> (yearGroup: YearGroup, onRoll: Int)?
    {
        let yearRule = FieldRule(element: "Enrolment", attribute: "yearGroup", expectation: Self.yearGroupExpectation)
        let rollRule = FieldRule(element: "Enrolment", attribute: "onRoll",
                                 expectation: "a whole number of pupils, 0 or more")
        let yearGroup = required(row.yearGroup, yearRule, at: row.location, about: subject) { Self.yearGroup($0) }
        let onRoll = required(row.onRoll, rollRule, at: row.location, about: subject) { text -> Int? in
            guard case .value(let value) = DecimalText.integer(text), value >= 0 else { return nil }
            return value
        }
        guard let yearGroup, let onRoll else { return nil }
        return (yearGroup, onRoll)
    }
}
