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
        defer { school = state }
        state.pupils += 1
        let errorsBefore = log.errorCount
        let location = raw.location

        let ref = required(raw.ref, Self.refRule, at: location, about: state.subject) {
            PupilRef.isValid($0) ? $0 : nil
        }
        let subject = DiagnosticSubject(school: state.subject.school, pupil: ref)
        if let ref {
            if let first = state.refs.updateValue(location, forKey: ref) {
                state.refs[ref] = first
                log.append(Diagnostic(.e121, at: location, school: subject.school, pupil: ref,
                                      "this pupil ref is already used by the pupil at line \(first.line) of this"
                                        + " school; each pupil's ref must be unique within its school."))
            }
        }
        if let upn = raw.upn {
            checkUPN(upn, at: PupilOccurrence(location: location, schoolURN: state.urn, pupilRef: ref))
        }

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
        guard instrument != nil else { return nil }
        readAnswers(raw.answers, yearGroup: yearGroup, about: subject)
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
    private mutating func readAnswers(_ raw: [RawAnswer], yearGroup: YearGroup?, about subject: DiagnosticSubject) {
        answers.reset()
        for index in answered.indices { answered[index] = false }
        nextItemGuess = 0
        // By index rather than `for answer in raw`, which would copy every answer's strings.
        for position in raw.indices {
            let answer = raw[position]
            guard let index = itemIndex(answer, about: subject) else { continue }
            guard !answered[index] else {
                log.append(Diagnostic(.e132, at: answer.location, school: subject.school, pupil: subject.pupil,
                                      "\(itemCodes[index]) is answered more than once for this pupil;"
                                        + " give one Answer per item."))
                continue
            }
            answered[index] = true
            guard readValue(answer, item: index, about: subject) else { continue }
            let years = itemYears[index]
            if let yearGroup, !years.contains(Int(yearGroup.value)), answers.missing(index) != .notAsked {
                log.append(Diagnostic(.w202, at: answer.location, school: subject.school, pupil: subject.pupil,
                                      "\(itemCodes[index]) is asked in years \(years.lowerBound)–\(years.upperBound)"
                                        + " only, and this pupil is in another year; the answer is ignored."))
                answers.set(index, missing: .notAsked)
            }
        }
    }

    /// The instrument's index of the answer's item (E130).
    private mutating func itemIndex(_ answer: RawAnswer, about subject: DiagnosticSubject) -> Int? {
        let instrumentID = instrument?.id ?? ""
        guard let code = answer.item else {
            log.append(Diagnostic(.e130, at: answer.location, school: subject.school, pupil: subject.pupil,
                                  "Answer has no item attribute; it must name an item of \(instrumentID),"
                                    + " e.g. item=\"SAFE\"."))
            return nil
        }
        // Answers usually follow the instrument's order, so the item after the last one is tried first.
        let guess = nextItemGuess
        if guess < itemCodes.count, itemCodes[guess] == code {
            nextItemGuess = guess + 1
            return guess
        }
        if let index = instrument?.index(of: code) {
            nextItemGuess = index + 1
            return index
        }
        log.append(Diagnostic(.e130, at: answer.location, school: subject.school, pupil: subject.pupil,
                              "item \(Self.quoted(code)) is not an item of \(instrumentID); use one of its codes: "
                                + itemCodes.joined(separator: ", ") + "."))
        return nil
    }

    /// Stores the answer's value or missing reason (E131, E101); false when there is neither, validly.
    private mutating func readValue(_ answer: RawAnswer, item index: Int, about subject: DiagnosticSubject) -> Bool {
        let reading = DecimalText.integer(answer.value ?? "")
        if let missingText = answer.missing {
            guard let missing = AnswerSet.Missing(code: missingText) else {
                log.append(Diagnostic(.e101, at: answer.location, school: subject.school, pupil: subject.pupil,
                                      "missing is not valid; it must be not-asked, refused or dont-know."))
                return false
            }
            guard reading == .empty else {
                log.append(Diagnostic(.e131, at: answer.location, school: subject.school, pupil: subject.pupil,
                                      "the Answer to \(itemCodes[index]) has both a value and a missing reason;"
                                        + " give either \(valueRule(index)) or a missing reason, not both."))
                return false
            }
            answers.set(index, missing: missing)
            return true
        }
        switch reading {
        case .value(let value) where itemValues[index].contains(value):
            answers.set(index, value: value)
            return true
        case .empty:
            log.append(Diagnostic(.e131, at: answer.location, school: subject.school, pupil: subject.pupil,
                                  "the Answer to \(itemCodes[index]) has neither a value nor a missing reason;"
                                    + " give \(valueRule(index)), or missing=\"not-asked\", \"refused\" or"
                                    + " \"dont-know\"."))
        case .value, .tooLarge, .notAnInteger:
            log.append(Diagnostic(.e131, at: answer.location, school: subject.school, pupil: subject.pupil,
                                  "the answer to \(itemCodes[index]) must be \(valueRule(index))."))
        }
        return false
    }

    /// "a whole number from 1 to 5": what an item's valid values are.
    private func valueRule(_ index: Int) -> String {
        "a whole number from \(itemValues[index].lowerBound) to \(itemValues[index].upperBound)"
    }

    /// True when all seven SWEMWBS items have the same valid value.
    private var isStraightLined: Bool {
        guard let first = swemwbsItems.first, let value = answers.value(first) else { return false }
        return swemwbsItems.allSatisfy { answers.value($0) == value }
    }

    static let refRule = FieldRule(element: "Pupil", attribute: "ref",
                                   expectation: "1 to 32 letters, digits, dots, underscores or hyphens",
                                   showsValue: false)
    static let pupilYearRule = FieldRule(element: "Pupil", attribute: "yearGroup",
                                         expectation: yearGroupExpectation, showsValue: false)
    static let sexRule = FieldRule(element: "Pupil", attribute: "sex", expectation: "F, M, O or U", showsValue: false)
    static let fsmRule = FieldRule(element: "Pupil", attribute: "fsm", expectation: "true or false, or left out",
                                   showsValue: false)
    static let senRule = FieldRule(element: "Pupil", attribute: "sen", expectation: "N, K or E, or left out",
                                   showsValue: false)
    static let ethnicityRule = FieldRule(element: "Pupil", attribute: "ethnicity",
                                         expectation: "a DfE main ethnicity code such as WBRI, MWBC, AIND, BCRB,"
                                            + " CHNE, OOTH or NOBT, or left out",
                                         showsValue: false)
}
