extension ReturnValidator {
    /// Checks a pupil and its answers.
    ///
    /// Logs the pupil's attributes (E101, E120, E121; the UPN is noted for
    /// E122), its answers (E130, E131, E132) and the warnings W202–W204.
    /// Returns the response when the pupil is valid, in a valid school, and has
    /// at least one valid answer; answers outside an item's years are cleared.
    public mutating func pupil(_ raw: RawPupil) -> PupilResponse? {
        pupilCount += 1
        // Taken out, not copied: a copy would duplicate the school's ref dictionary for every pupil.
        guard var state = school.take() else { return nil }
        state.pupils += 1
        defer { school = state }
        let errorsBefore = log.errorCount
        let location = raw.location

        let ref = required(raw.ref, Self.refRule, at: location, about: state.subject) { PupilRef.isValid($0) ? $0 : nil }
        let subject = DiagnosticSubject(school: state.subject.school, pupil: ref)
        if let ref {
            if let first = state.refs[ref] {
                log.append(Diagnostic(.e121, at: location, school: subject.school, pupil: ref,
                                      "this pupil ref is already used by the pupil at line \(first.line) of this"
                                        + " school; each pupil's ref must be unique within its school."))
            } else {
                state.refs[ref] = location
            }
        }
        if let upn = raw.upn { checkUPN(upn, at: PupilOccurrence(location: location, schoolURN: state.urn, pupilRef: ref)) }

        let yearGroup = required(raw.yearGroup, Self.pupilYearRule, at: location, about: subject) { Self.yearGroup($0) }
        let sex = required(raw.sex, Self.sexRule, at: location, about: subject) { Sex(code: $0) }
        let fsm = optional(raw.fsm, Self.fsmRule, absent: FSMStatus.unknown, at: location, about: subject) {
            $0 == "true" ? .eligible : $0 == "false" ? .notEligible : nil
        }
        let sen = optional(raw.sen, Self.senRule, absent: SENStatus.unknown, at: location, about: subject) {
            SENStatus(code: $0)
        }
        let ethnicity = optional(raw.ethnicity, Self.ethnicityRule, absent: EthnicityMajor.unclassified,
                                 at: location, about: subject) { EthnicityMajor(code: $0) }

        // Without a known instrument there is nothing to check answers against (E102 says why).
        guard let instrument else { return nil }
        readAnswers(raw.answers, of: instrument, yearGroup: yearGroup, about: subject)
        let hasAnswer = answers.hasAnyValue
        if let yearGroup, hasAnswer { state.respondents[Int(yearGroup.value)] += 1 }
        guard log.errorCount == errorsBefore, let ref, let yearGroup, let sex, let fsm, let sen, let ethnicity
        else { return nil }

        if isStraightLined {
            log.append(Diagnostic(.w203, at: location, school: subject.school, pupil: ref,
                                  "the pupil gave the same answer to all seven SWEMWBS items (straight-lining);"
                                    + " the answers are counted, but are worth checking with the school."))
        }
        guard hasAnswer else {
            log.append(Diagnostic(.w204, at: location, school: subject.school, pupil: ref,
                                  "the pupil has no valid answer (no Answer, or every Answer missing or ignored),"
                                    + " so the pupil is not counted."))
            return nil
        }
        guard state.record != nil else { return nil }
        acceptedPupilCount += 1
        return PupilResponse(ref: ref, upn: raw.upn, yearGroup: yearGroup, sex: sex, fsm: fsm, sen: sen,
                             ethnicity: ethnicity, answers: answers)
    }

    /// Checks a UPN's shape and check letter (E120) and notes it for the duplicate check (E122).
    private mutating func checkUPN(_ text: String, at occurrence: PupilOccurrence) {
        do {
            upnRegistry.record(try UniquePupilNumber(validating: text), at: occurrence)
        } catch {
            let message = switch error {
            case .format:
                "upn is not a valid UPN; it must be 13 characters: a check letter, 11 digits, then a digit or"
                    + " a check letter (A–Z without I, O and S), e.g. H801200001001 — or be left out."
            case .checkLetter:
                "upn's check letter does not match the other 12 characters; check the UPN against the pupil's"
                    + " school record, or leave it out."
            }
            log.append(Diagnostic(.e120, at: occurrence.location, school: occurrence.schoolURN.map(String.init),
                                  pupil: occurrence.pupilRef, message))
        }
    }

    /// Fills `answers` from the pupil's `Answer` elements, checking each one.
    private mutating func readAnswers(_ raw: [RawAnswer], of instrument: Instrument, yearGroup: YearGroup?,
                                      about subject: DiagnosticSubject) {
        answers.reset()
        for index in answered.indices { answered[index] = false }
        for answer in raw {
            guard let index = itemIndex(answer, of: instrument, about: subject) else { continue }
            let item = instrument.items[index]
            guard !answered[index] else {
                log.append(Diagnostic(.e132, at: answer.location, school: subject.school, pupil: subject.pupil,
                                      "\(item.code) is answered more than once for this pupil;"
                                        + " give one Answer per item."))
                continue
            }
            answered[index] = true
            guard readValue(answer, of: item, into: index, about: subject) else { continue }
            if let yearGroup, !item.isAsked(in: yearGroup), answers.missing(index) != .notAsked {
                log.append(Diagnostic(.w202, at: answer.location, school: subject.school, pupil: subject.pupil,
                                      "\(item.code) is asked in years \(item.years.lowerBound)–\(item.years.upperBound)"
                                        + " only, and this pupil is in another year; the answer is ignored."))
                answers.set(index, missing: .notAsked)
            }
        }
    }

    /// The instrument's index of the answer's item (E130).
    private mutating func itemIndex(_ answer: RawAnswer, of instrument: Instrument, about subject: DiagnosticSubject) -> Int? {
        guard let code = answer.item else {
            log.append(Diagnostic(.e130, at: answer.location, school: subject.school, pupil: subject.pupil,
                                  "Answer has no item attribute; it must name an item of \(instrument.id),"
                                    + " e.g. item=\"SAFE\"."))
            return nil
        }
        if let index = instrument.index(of: code) { return index }
        log.append(Diagnostic(.e130, at: answer.location, school: subject.school, pupil: subject.pupil,
                              "item \(Self.quoted(code)) is not an item of \(instrument.id); use one of its codes: "
                                + instrument.items.map(\.code).joined(separator: ", ") + "."))
        return nil
    }

    /// Stores the answer's value or missing reason (E131, E101); false when it has neither, validly.
    private mutating func readValue(_ answer: RawAnswer, of item: SurveyItem, into index: Int,
                                    about subject: DiagnosticSubject) -> Bool {
        let range = "a whole number from \(item.values.lowerBound) to \(item.values.upperBound)"
        let reading = DecimalText.integer(answer.value ?? "")
        if let missingText = answer.missing {
            guard let missing = AnswerSet.Missing(code: missingText) else {
                log.append(Diagnostic(.e101, at: answer.location, school: subject.school, pupil: subject.pupil,
                                      "missing is not valid; it must be not-asked, refused or dont-know."))
                return false
            }
            guard reading == .empty else {
                log.append(Diagnostic(.e131, at: answer.location, school: subject.school, pupil: subject.pupil,
                                      "the Answer to \(item.code) has both a value and a missing reason; give either"
                                        + " \(range) or a missing reason, not both."))
                return false
            }
            answers.set(index, missing: missing)
            return true
        }
        switch reading {
        case .value(let value) where item.values.contains(value):
            answers.set(index, value: value)
            return true
        case .empty:
            log.append(Diagnostic(.e131, at: answer.location, school: subject.school, pupil: subject.pupil,
                                  "the Answer to \(item.code) has neither a value nor a missing reason; give \(range),"
                                    + " or missing=\"not-asked\", \"refused\" or \"dont-know\"."))
        case .value, .tooLarge, .notAnInteger:
            log.append(Diagnostic(.e131, at: answer.location, school: subject.school, pupil: subject.pupil,
                                  "the answer to \(item.code) must be \(range)."))
        }
        return false
    }

    /// True when all seven SWEMWBS items have the same valid value.
    private var isStraightLined: Bool {
        guard let first = swemwbsItems.first, let value = answers.value(first) else { return false }
        return swemwbsItems.allSatisfy { answers.value($0) == value }
    }

    static var refRule: FieldRule {
        FieldRule(element: "Pupil", attribute: "ref",
                  expectation: "1 to 32 letters, digits, dots, underscores or hyphens", showsValue: false)
    }

    static var pupilYearRule: FieldRule {
        FieldRule(element: "Pupil", attribute: "yearGroup", expectation: yearGroupExpectation, showsValue: false)
    }

    static var sexRule: FieldRule {
        FieldRule(element: "Pupil", attribute: "sex", expectation: "F, M, O or U", showsValue: false)
    }

    static var fsmRule: FieldRule {
        FieldRule(element: "Pupil", attribute: "fsm", expectation: "true or false, or left out", showsValue: false)
    }

    static var senRule: FieldRule {
        FieldRule(element: "Pupil", attribute: "sen", expectation: "N, K or E, or left out", showsValue: false)
    }

    static var ethnicityRule: FieldRule {
        FieldRule(element: "Pupil", attribute: "ethnicity",
                  expectation: "a DfE main ethnicity code such as WBRI, MWBC, AIND, BCRB, CHNE, OOTH or NOBT,"
                    + " or left out",
                  showsValue: false)
    }
}
