extension ReturnValidator {
    /// Checks the header: the wave and academic year (E101), the instrument (E102) and the LA (E112).
    ///
    /// Returns the header when every part of it is valid. The instrument is
    /// taken up even when other parts fail, so that answers are still checked.
    public mutating func header(_ raw: RawHeader) -> ReturnHeader? {
        var wave: SurveyWave?
        var academicYear: AcademicYear?
        if let survey = raw.survey {
            wave = required(survey.wave, Self.waveRule, at: survey.location, about: .file) { SurveyWave(code: $0) }
            academicYear = required(survey.academicYear, Self.academicYearRule, at: survey.location,
                                    about: .file) { AcademicYear(code: $0) }
            adoptInstrument(survey.instrument, at: survey.location)
        }
        let authority = raw.localAuthority.flatMap { checkAuthority($0) }
        guard let returnId = raw.returnId, let wave, let academicYear, let instrument, let authority,
              let generated = raw.generated
        else { return nil }
        let header = ReturnHeader(returnId: returnId, wave: wave, academicYear: academicYear,
                                  instrumentID: instrument.id, localAuthority: authority, generated: generated,
                                  software: raw.software)
        self.header = header
        return header
    }

    static let waveRule = FieldRule(element: "Survey", attribute: "wave",
                                    expectation: "a year and AUT, SPR or SUM, e.g. 2026AUT")

    static let academicYearRule = FieldRule(element: "Survey", attribute: "academicYear",
                                            expectation: "six digits YYYYyy where yy is the year after YYYY,"
                                                + " e.g. 202627")

    /// Looks the instrument up (E102) and prepares the per-pupil answer buffers for it.
    private mutating func adoptInstrument(_ id: String?, at location: SourceLocation) {
        let known = instruments.keys.sorted().joined(separator: ", ")
        guard let id else {
            log.append(Diagnostic(.e102, at: location,
                                  "Survey has no instrument attribute; it must be one of: \(known)."))
            return
        }
        guard let found = instruments[id] else {
            log.append(Diagnostic(.e102, at: location,
                                  "instrument \(Self.quoted(id)) is not known; it must be one of: \(known)."))
            return
        }
        instrument = found
        answers = AnswerSet(itemCount: found.items.count)
        answered = Array(repeating: false, count: found.items.count)
        itemCodes = found.items.map(\.code)
        itemValues = found.items.map(\.values)
        itemYears = found.items.map(\.years)
        let swemwbs = (1...7).compactMap { found.index(of: "SWEMWBS\($0)") }
        swemwbsItems = swemwbs.count == 7 ? swemwbs : []
    }

    /// Checks the LA code and ONS code against the shipped lookup (E112).
    private mutating func checkAuthority(_ raw: RawHeader.Authority) -> LocalAuthority? {
        let codeRule = FieldRule(element: "LocalAuthority", attribute: "laCode",
                                 expectation: "the 3-digit DfE code of an English LA, e.g. 202 for Camden",
                                 code: .e112)
        let onsRule = FieldRule(element: "LocalAuthority", attribute: "onsCode",
                                expectation: "the 9-character ONS code of the same LA, e.g. E09000007 for Camden",
                                code: .e112)
        let code = required(raw.laCode, codeRule, at: raw.location, about: .file) { text in
            DecimalText.fixedDigits(text, count: 3).map { _ in text }
        }
        returnLACode = code
        guard let code, let ons = required(raw.onsCode, onsRule, at: raw.location, about: .file, parse: { $0 })
        else { return nil }
        guard localAuthorities.isKnown(code: code) else {
            log.append(Diagnostic(.e112, at: raw.location, "LA code \(Self.quoted(code)) is not a known English"
                                    + " local authority; use the 3-digit DfE code, e.g. 202 for Camden."))
            return nil
        }
        guard let authority = localAuthorities.authority(code: code, onsCode: ons) else {
            let name = localAuthorities.authority(code: code)?.name ?? code
            let expected = localAuthorities.onsCodes(code: code).joined(separator: " or ")
            log.append(Diagnostic(.e112, at: raw.location, "ONS code \(Self.quoted(ons)) does not belong to LA \(code)"
                                    + " (\(name)); its ONS code is \(expected)."))
            return nil
        }
        return authority
    }
}
