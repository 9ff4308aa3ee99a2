import Testing
import WellbeingCore

/// Each rule of return-format.md ("Validation") on small raw inputs, without any XML.
@Suite struct ReturnValidatorTests {
    static let here = SourceLocation(line: 1, column: 1)

    /// A validator that has read a valid Camden header and opened a valid school.
    static func validatorInSchool(enrolment: [RawEnrolment] = []) -> ReturnValidator {
        var validator = ReturnValidator(instruments: [TestData.instrument],
                                        localAuthorities: TestData.reference.localAuthorities,
                                        upnRegistry: InMemoryUPNRegistry())
        validator.begin(schemaVersion: "1.0", at: here)
        #expect(validator.header(header()) != nil)
        #expect(validator.school(school(enrolment: enrolment)) != nil)
        return validator
    }

    static func header(laCode: String = "202", onsCode: String = "E09000007", instrument: String = "SRC-WB-1",
                       wave: String = "2026AUT", academicYear: String = "202627") -> RawHeader {
        RawHeader(location: here, returnId: "T-1",
                  survey: .init(location: SourceLocation(line: 3, column: 5), wave: wave, academicYear: academicYear,
                                instrument: instrument),
                  localAuthority: .init(location: SourceLocation(line: 4, column: 5), laCode: laCode,
                                        onsCode: onsCode, name: "Camden"),
                  generated: "2026-11-02T10:15:00Z")
    }

    static func school(urn: String = "100049", laestab: String = "2024104", phase: String = "secondary",
                       enrolment: [RawEnrolment] = [], line: Int = 10) -> RawSchool {
        RawSchool(location: SourceLocation(line: line, column: 3), urn: urn, laestab: laestab, name: "Test School",
                  phase: phase, enrolment: enrolment)
    }

    static func pupil(_ ref: String = "P001", upn: String? = nil, year: String = "8", sex: String = "F",
                      answers: [(String, String)] = [("SAFE", "4")], line: Int = 20) -> RawPupil {
        RawPupil(location: SourceLocation(line: line, column: 5), ref: ref, upn: upn, yearGroup: year, sex: sex,
                 answers: answers.enumerated().map { offset, answer in
                     RawAnswer(location: SourceLocation(line: line + 1 + offset, column: 7), item: answer.0,
                               value: answer.1)
                 })
    }

    static func codes(_ validator: ReturnValidator) -> [DiagnosticCode] {
        validator.log.diagnostics.map(\.code)
    }

    // MARK: - Header

    @Test func validHeaderIsHandedOnWithTheLAFromTheLookup() {
        var validator = ReturnValidator(instruments: [TestData.instrument],
                                        localAuthorities: TestData.reference.localAuthorities,
                                        upnRegistry: InMemoryUPNRegistry())
        let header = validator.header(Self.header())
        #expect(header?.localAuthority.name == "Camden")
        #expect(header?.wave == SurveyWave(code: "2026AUT"))
        #expect(header?.academicYear.startYear == 2026)
        #expect(validator.isValid)
    }

    @Test(arguments: [nil, "2.0", "1.1", "1", "1.0 "])
    func unsupportedSchemaVersionIsE102(version: String?) {
        var validator = ReturnValidator(instruments: [TestData.instrument],
                                        localAuthorities: TestData.reference.localAuthorities,
                                        upnRegistry: InMemoryUPNRegistry())
        validator.begin(schemaVersion: version, at: Self.here)
        #expect(Self.codes(validator) == [.e102])
    }

    @Test func unknownInstrumentIsE102AndItsAnswersAreNotChecked() {
        var validator = ReturnValidator(instruments: [TestData.instrument],
                                        localAuthorities: TestData.reference.localAuthorities,
                                        upnRegistry: InMemoryUPNRegistry())
        #expect(validator.header(Self.header(instrument: "SRC-WB-9")) == nil)
        _ = validator.school(Self.school())
        #expect(validator.pupil(Self.pupil(answers: [("HAPPINESS", "4")])) == nil)
        validator.endSchool()
        #expect(Self.codes(validator) == [.e102])
        #expect(validator.log.diagnostics[0].message.contains("SRC-WB-1"))
    }

    @Test(arguments: [("999", "E09000099"), ("202", "E09000001"), ("20", "E09000007"), ("202", "X")])
    func badLocalAuthorityIsOneE112(laCode: String, onsCode: String) {
        var validator = ReturnValidator(instruments: [TestData.instrument],
                                        localAuthorities: TestData.reference.localAuthorities,
                                        upnRegistry: InMemoryUPNRegistry())
        #expect(validator.header(Self.header(laCode: laCode, onsCode: onsCode)) == nil)
        #expect(Self.codes(validator) == [.e112])
        #expect(validator.log.diagnostics[0].location == SourceLocation(line: 4, column: 5))
    }

    @Test(arguments: [("2026WIN", "202627"), ("2026AUT", "202628"), ("26AUT", "202627"), ("2026AUT", "2026-7")])
    func badWaveOrAcademicYearIsE101(wave: String, academicYear: String) {
        var validator = ReturnValidator(instruments: [TestData.instrument],
                                        localAuthorities: TestData.reference.localAuthorities,
                                        upnRegistry: InMemoryUPNRegistry())
        #expect(validator.header(Self.header(wave: wave, academicYear: academicYear)) == nil)
        #expect(Self.codes(validator) == [.e101])
    }

    // MARK: - Schools

    @Test(arguments: ["099999", "10049", "", "1000499"])
    func badURNIsE110(urn: String) {
        var validator = Self.validatorInSchool()
        #expect(validator.school(Self.school(urn: urn, line: 30)) == nil)
        #expect(Self.codes(validator) == [.e110])
    }

    @Test func laestabOfAnotherLAIsE111() {
        var validator = Self.validatorInSchool()
        #expect(validator.school(Self.school(urn: "100050", laestab: "3034104", line: 30)) == nil)
        #expect(Self.codes(validator) == [.e111])
        #expect(validator.log.diagnostics[0].message.contains("303"))
    }

    @Test func malformedLAESTABIsOneE111() {
        var validator = Self.validatorInSchool()
        #expect(validator.school(Self.school(urn: "100050", laestab: "202410", line: 30)) == nil)
        #expect(Self.codes(validator) == [.e111])
    }

    @Test func sameSchoolTwiceIsE113() {
        var validator = Self.validatorInSchool()
        _ = validator.pupil(Self.pupil())
        validator.endSchool()
        #expect(validator.school(Self.school(line: 40)) == nil)
        #expect(Self.codes(validator) == [.e113])
        #expect(validator.log.diagnostics[0].message.contains("line 10"))
    }

    @Test func schoolWithoutPupilsIsE140() {
        var validator = Self.validatorInSchool()
        validator.endSchool()
        #expect(Self.codes(validator) == [.e140])
        #expect(validator.log.diagnostics[0].schoolURN == "100049")
    }

    @Test func enrolmentGoesIntoTheSchoolRecord() {
        var validator = ReturnValidator(instruments: [TestData.instrument],
                                        localAuthorities: TestData.reference.localAuthorities,
                                        upnRegistry: InMemoryUPNRegistry())
        _ = validator.header(Self.header())
        let record = validator.school(Self.school(enrolment: [
            RawEnrolment(location: Self.here, yearGroup: "7", onRoll: "182"),
            RawEnrolment(location: Self.here, yearGroup: "R", onRoll: " +30 "),
        ]))
        #expect(record?.enrolment == [YearGroup(7)!: 182, YearGroup(0)!: 30])
        #expect(record?.laCode == 202)
    }

    @Test(arguments: [("14", "10"), ("07", "10"), ("+7", "10"), ("7", "-1"), ("7", "many"), (nil, "10")]
          as [(String?, String)])
    func badEnrolmentIsE101(year: String?, onRoll: String) {
        var validator = ReturnValidator(instruments: [TestData.instrument],
                                        localAuthorities: TestData.reference.localAuthorities,
                                        upnRegistry: InMemoryUPNRegistry())
        _ = validator.header(Self.header())
        #expect(validator.school(Self.school(enrolment: [RawEnrolment(location: Self.here, yearGroup: year,
                                                                      onRoll: onRoll)])) == nil)
        #expect(Self.codes(validator) == [.e101])
    }

    // MARK: - Pupils

    @Test func validPupilIsHandedOnWithItsAnswers() throws {
        var validator = Self.validatorInSchool()
        let response = validator.pupil(Self.pupil(upn: "P207000016049",
                                                             answers: [("SAFE", "4"), ("BULLIED", " 0 ")]))
        let pupil = try #require(response)
        let instrument = TestData.instrument
        #expect(pupil.answers.value(instrument.index(of: "SAFE")!) == 4)
        #expect(pupil.answers.value(instrument.index(of: "BULLIED")!) == 0)
        #expect(pupil.answers.missing(instrument.index(of: "ENJOY")!) == .notAsked)
        #expect(pupil.yearGroup == YearGroup(8))
        #expect(pupil.fsm == .unknown && pupil.sen == .unknown && pupil.ethnicity == .unclassified)
        #expect(validator.isValid)
        #expect(validator.acceptedPupilCount == 1)
    }

    @Test func missingReasonIsKept() throws {
        var validator = Self.validatorInSchool()
        var raw = Self.pupil(answers: [("SAFE", "4")])
        raw.answers.append(RawAnswer(location: Self.here, item: "BULLIED", value: "", missing: "refused"))
        let response = validator.pupil(raw)
        let pupil = try #require(response)
        #expect(pupil.answers.missing(TestData.instrument.index(of: "BULLIED")!) == .refused)
    }

    @Test func badCheckLetterIsE120AndTheMessageHidesTheUPN() {
        var validator = Self.validatorInSchool()
        #expect(validator.pupil(Self.pupil(upn: "Q207000016049")) == nil)
        #expect(Self.codes(validator) == [.e120])
        let diagnostic = validator.log.diagnostics[0]
        #expect(diagnostic.pupilRef == "P001")
        #expect(!diagnostic.message.contains("Q207000016049"))
        #expect(!diagnostic.description.contains("P001"), "the plain description carries no pupil data")
    }

    @Test func duplicateRefInASchoolIsE121() {
        var validator = Self.validatorInSchool()
        _ = validator.pupil(Self.pupil("P001", line: 20))
        #expect(validator.pupil(Self.pupil("P001", line: 30)) == nil)
        #expect(Self.codes(validator) == [.e121])
        #expect(validator.log.diagnostics[0].message.contains("line 20"))
    }

    @Test func sameRefInAnotherSchoolIsFine() {
        var validator = Self.validatorInSchool()
        _ = validator.pupil(Self.pupil("P001"))
        validator.endSchool()
        _ = validator.school(Self.school(urn: "100050", laestab: "2024105", line: 40))
        #expect(validator.pupil(Self.pupil("P001", line: 50)) != nil)
        #expect(validator.isValid)
    }

    @Test func duplicateUPNAcrossSchoolsIsE122AtTheEnd() throws {
        var validator = Self.validatorInSchool()
        _ = validator.pupil(Self.pupil("P001", upn: "Y202410419001", line: 20))
        validator.endSchool()
        _ = validator.school(Self.school(urn: "100050", laestab: "2024105", line: 40))
        _ = validator.pupil(Self.pupil("Q001", upn: "Y202410419001", line: 50))
        validator.endSchool()
        #expect(validator.isValid, "duplicates are only known once the whole return is read")
        try validator.finish()
        #expect(Self.codes(validator) == [.e122])
        let diagnostic = validator.log.diagnostics[0]
        #expect(diagnostic.location?.line == 50)
        #expect(diagnostic.schoolURN == "100050")
        #expect(diagnostic.pupilRef == "Q001")
        #expect(diagnostic.message.contains("line 20") && diagnostic.message.contains("100049"))
        #expect(!diagnostic.message.contains("Y202410419001"))
    }

    @Test(arguments: [("ref", "P 1"), ("year", "14"), ("year", "07"), ("sex", "X"), ("sex", "f")])
    func badPupilAttributeIsE101WithoutItsValue(field: String, value: String) {
        var validator = Self.validatorInSchool()
        var raw = Self.pupil()
        switch field {
        case "ref": raw.ref = value
        case "year": raw.yearGroup = value
        default: raw.sex = value
        }
        #expect(validator.pupil(raw) == nil)
        #expect(Self.codes(validator) == [.e101])
        #expect(!validator.log.diagnostics[0].message.contains("\"\(value)\""))
    }

    @Test(arguments: [("fsm", "1"), ("fsm", "yes"), ("sen", "X"), ("ethnicity", "WHITE")])
    func badOptionalPupilAttributeIsE101(field: String, value: String) {
        var validator = Self.validatorInSchool()
        var raw = Self.pupil()
        switch field {
        case "fsm": raw.fsm = value
        case "sen": raw.sen = value
        default: raw.ethnicity = value
        }
        #expect(validator.pupil(raw) == nil)
        #expect(Self.codes(validator) == [.e101])
    }

    @Test func characteristicsAreRead() throws {
        var validator = Self.validatorInSchool()
        var raw = Self.pupil()
        (raw.fsm, raw.sen, raw.ethnicity) = ("true", "E", "MWBC")
        let response = validator.pupil(raw)
        let pupil = try #require(response)
        #expect(pupil.fsm == .eligible && pupil.sen == .ehcPlan && pupil.ethnicity == .mixed)
    }

    @Test func unknownItemIsE130() {
        var validator = Self.validatorInSchool()
        #expect(validator.pupil(Self.pupil(answers: [("SAFE", "4"), ("HAPPINESS", "3")])) == nil)
        #expect(Self.codes(validator) == [.e130])
        #expect(validator.log.diagnostics[0].message.contains("HAPPINESS"))
    }

    @Test(arguments: ["6", "0", "-1", "four", "", "4.5", String(repeating: "9", count: 30)])
    func answerOutsideItsRangeIsE131WithoutItsValue(value: String) {
        var validator = Self.validatorInSchool()
        #expect(validator.pupil(Self.pupil(answers: [("SAFE", value)])) == nil)
        #expect(Self.codes(validator) == [.e131])
        #expect(validator.log.diagnostics[0].message.contains("1 to 5"))
        if !value.isEmpty { #expect(!validator.log.diagnostics[0].message.contains(value)) }
    }

    @Test func answerWithBothValueAndMissingReasonIsE131() {
        var validator = Self.validatorInSchool()
        var raw = Self.pupil()
        raw.answers[0].missing = "refused"
        #expect(validator.pupil(raw) == nil)
        #expect(Self.codes(validator) == [.e131])
    }

    @Test func unknownMissingReasonIsE101() {
        var validator = Self.validatorInSchool()
        var raw = Self.pupil(answers: [("ENJOY", "3")])
        raw.answers.append(RawAnswer(location: Self.here, item: "SAFE", missing: "skipped"))
        #expect(validator.pupil(raw) == nil)
        #expect(Self.codes(validator) == [.e101])
    }

    @Test func sameItemTwiceIsE132() {
        var validator = Self.validatorInSchool()
        #expect(validator.pupil(Self.pupil(answers: [("SAFE", "4"), ("SAFE", "5")])) == nil)
        #expect(Self.codes(validator) == [.e132])
    }

    // MARK: - Warnings

    @Test func answerOutsideTheItemsYearsIsW202AndCleared() throws {
        var validator = Self.validatorInSchool()
        let response = validator.pupil(Self.pupil(year: "9", answers: [("SAFE", "4"), ("DRUNK_4WK", "0")]))
        let pupil = try #require(response)
        #expect(Self.codes(validator) == [.w202])
        #expect(pupil.answers.missing(TestData.instrument.index(of: "DRUNK_4WK")!) == .notAsked)
        #expect(pupil.answers.value(TestData.instrument.index(of: "SAFE")!) == 4)
        #expect(validator.isValid)
    }

    @Test func notAskedOutsideTheItemsYearsIsNoWarning() throws {
        var validator = Self.validatorInSchool()
        var raw = Self.pupil(year: "9")
        raw.answers.append(RawAnswer(location: Self.here, item: "DRUNK_4WK", missing: "not-asked"))
        #expect(validator.pupil(raw) != nil)
        #expect(Self.codes(validator).isEmpty)
    }

    @Test func sameAnswerToAllSevenSWEMWBSItemsIsW203() throws {
        var validator = Self.validatorInSchool()
        let answers = (1...7).map { ("SWEMWBS\($0)", "3") }
        #expect(validator.pupil(Self.pupil(answers: answers)) != nil)
        #expect(Self.codes(validator) == [.w203])
    }

    @Test func sixEqualSWEMWBSAnswersAreNotStraightLining() throws {
        var validator = Self.validatorInSchool()
        let answers = (1...6).map { ("SWEMWBS\($0)", "3") } + [("SWEMWBS7", "4")]
        #expect(validator.pupil(Self.pupil(answers: answers)) != nil)
        #expect(Self.codes(validator).isEmpty)
    }

    @Test func pupilWithoutAValidAnswerIsW204AndNotHandedOn() {
        var validator = Self.validatorInSchool()
        #expect(validator.pupil(Self.pupil(answers: [])) == nil)
        #expect(validator.pupil(Self.pupil("P002", year: "5", answers: [("SWEMWBS1", "4")], line: 30)) == nil)
        // Lines 20 (no answers), 30 (its only answer cleared at line 31).
        #expect(Self.codes(validator) == [.w204, .w204, .w202])
        #expect(validator.isValid)
        #expect(validator.acceptedPupilCount == 0)
    }

    @Test func lowResponseRateIsW200AndMoreRespondentsThanOnRollIsW201() {
        var validator = Self.validatorInSchool(enrolment: [
            RawEnrolment(location: SourceLocation(line: 11, column: 5), yearGroup: "7", onRoll: "50"),
            RawEnrolment(location: SourceLocation(line: 12, column: 5), yearGroup: "8", onRoll: "1"),
            RawEnrolment(location: SourceLocation(line: 13, column: 5), yearGroup: "9", onRoll: "10"),
        ])
        for index in 0 ..< 9 { _ = validator.pupil(Self.pupil("A\(index)", year: "7", line: 20 + index)) }
        for index in 0 ..< 2 { _ = validator.pupil(Self.pupil("B\(index)", year: "8", line: 40 + index)) }
        for index in 0 ..< 2 { _ = validator.pupil(Self.pupil("C\(index)", year: "9", line: 50 + index)) }
        validator.endSchool()
        // Year 7: 9 of 50 = 18% < 20%; year 8: 2 > 1; year 9: 2 of 10 = 20%, not below.
        #expect(Self.codes(validator) == [.w200, .w201])
        #expect(validator.log.diagnostics.map { $0.location!.line } == [11, 12])
    }

    @Test func noMessageRepeatsPupilData() throws {
        var validator = Self.validatorInSchool()
        var raw = Self.pupil("SECRETREF", upn: "Q207000016049", year: "9", sex: "Z",
                             answers: [("SAFE", "77"), ("DRUNK_4WK", "3"), ("SAFE", "2")])
        raw.fsm = "maybe"
        _ = validator.pupil(raw)
        validator.endSchool()
        try validator.finish()
        #expect(validator.log.diagnostics.count >= 4)
        for diagnostic in validator.log.diagnostics {
            for secret in ["SECRETREF", "Q207000016049", "77", "\"Z\"", "maybe"] {
                #expect(!diagnostic.message.contains(secret), "\(diagnostic.message)")
            }
        }
    }
}
