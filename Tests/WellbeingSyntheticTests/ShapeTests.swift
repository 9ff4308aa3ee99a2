import Testing
import WellbeingCore
import WellbeingSynthetic

@Suite("Generated returns have the requested shape and valid identifiers")
struct ShapeTests {
    @Test("exact pupil, school and LA counts", arguments: [
        (1, 1, 1), (40, 40, 1), (1_000, 10, 1), (5_000, 40, 3), (3_000, 200, 7), (8_000, 60, 1),
    ])
    func exactCounts(pupils: Int, schools: Int, las: Int) throws {
        let wave = try SyntheticWave.make(pupils: pupils, schools: schools, las: las, seed: 5)
        let parsed = try wave.allBytes().map(ParsedReturn.init)
        #expect(parsed.count == las)
        #expect(parsed.reduce(0) { $0 + $1.pupils.count } == pupils)
        #expect(parsed.reduce(0) { $0 + $1.schools.count } == schools)
        #expect(Set(parsed.map { $0.localAuthority["laCode"]! }).count == las)
        for (summary, parsed) in zip(wave.returns, parsed) {
            #expect(summary.pupils == parsed.pupils.count)
            #expect(summary.schools == parsed.schools.count)
            #expect(summary.returnId == parsed.returnId)
            #expect(parsed.schools.allSatisfy { !$0.pupils.isEmpty })
        }
    }

    @Test("the header follows the return format")
    func header() throws {
        let wave = try SyntheticWave.make(pupils: 300, schools: 3, codes: ["202"])
        let parsed = try ParsedReturn(wave.allBytes()[0])
        #expect(parsed.rootNamespace == "urn:school-wellbeing:return:1")
        #expect(parsed.rootAttributes["schemaVersion"] == "1.0")
        #expect(parsed.survey == ["wave": "2026AUT", "academicYear": "202627", "instrument": "SRC-WB-1"])
        #expect(parsed.localAuthority == ["laCode": "202", "onsCode": "E09000007", "name": "Camden"])
        #expect(parsed.returnId == "LA202-2026AUT-01")
        #expect(parsed.generated.hasPrefix("2026-11-") && parsed.generated.hasSuffix("Z"))
    }

    @Test("the academic year follows the wave", arguments: [
        ("2026AUT", "202627"), ("2027SPR", "202627"), ("2027SUM", "202627"), ("1999AUT", "199900"),
    ])
    func academicYear(wave: String, expected: String) {
        let parameters = SyntheticWaveParameters(pupils: 1, schools: 1, seed: 1, wave: SurveyWave(code: wave)!)
        #expect(parameters.academicYear.code == expected)
    }

    @Test("URNs, LAESTABs, pupil refs and UPNs are valid and unique where the format says")
    func identifiers() throws {
        let wave = try SyntheticWave.make(pupils: 12_000, schools: 80, las: 3, seed: 11)
        var urns = Set<String>()
        for parsed in try wave.allBytes().map(ParsedReturn.init) {
            let laCode = parsed.localAuthority["laCode"]!
            var upns = Set<String>()
            for school in parsed.schools {
                let urn = school.attributes["urn"]!
                #expect(SchoolIdentifiers.urn(urn) != nil)
                #expect(urns.insert(urn).inserted)
                let laestab = school.attributes["laestab"]!
                #expect((try? SchoolIdentifiers.laestab(laestab, laCode: laCode).get()) != nil)
                #expect(SchoolPhase(rawValue: school.attributes["phase"]!) != nil)
                let refs = school.pupils.map { $0.attributes["ref"]! }
                #expect(Set(refs).count == refs.count)
                for pupil in school.pupils {
                    guard let upn = pupil.attributes["upn"] else { continue }
                    #expect(throws: Never.self) { try UniquePupilNumber(validating: upn) }
                    #expect(upn.dropFirst().hasPrefix(laestab))
                    #expect(upns.insert(upn).inserted)
                }
            }
        }
    }

    @Test("characteristics use the format's codes")
    func characteristicCodes() throws {
        let parsed = try ParsedReturn(SyntheticWave.make(pupils: 3_000, schools: 15).allBytes()[0])
        for pupil in parsed.pupils {
            let attributes = pupil.attributes
            #expect(YearGroup(code: attributes["yearGroup"]!) != nil)
            #expect(Sex(code: attributes["sex"]!) != nil)
            #expect(attributes["fsm"].map { $0 == "true" || $0 == "false" } ?? true)
            #expect(attributes["sen"].map { SENStatus(code: $0) != nil } ?? true)
            #expect(attributes["ethnicity"].map { EthnicityMajor(code: $0) != nil } ?? true)
        }
    }

    @Test("items are answered only in their years and within their ranges")
    func answersFollowTheInstrument() throws {
        let instrument = reference.catalogue.instrument
        let parsed = try ParsedReturn(SyntheticWave.make(pupils: 6_000, schools: 30).allBytes()[0])
        for pupil in parsed.pupils {
            let year = YearGroup(code: pupil.attributes["yearGroup"]!)!
            for (code, value) in pupil.answers {
                let item = try #require(instrument.index(of: code).map { instrument.items[$0] })
                #expect(item.isAsked(in: year))
                #expect(item.values.contains(value))
            }
            for (code, reason) in pupil.missing {
                #expect(instrument.index(of: code).map { instrument.items[$0].isAsked(in: year) } == true)
                #expect(AnswerSet.Missing(code: reason) != nil)
            }
            #expect(!pupil.answers.isEmpty)
        }
    }

    @Test("every surveyed year group has an enrolment with a response rate from 20% to 100%")
    func enrolment() throws {
        let parsed = try ParsedReturn(SyntheticWave.make(pupils: 8_000, schools: 100, seed: 3).allBytes()[0])
        var rates: [Double] = []
        for school in parsed.schools {
            let respondents = Dictionary(grouping: school.pupils) { $0.attributes["yearGroup"]! }.mapValues(\.count)
            #expect(Set(respondents.keys) == Set(school.enrolment.keys))
            for (year, count) in respondents {
                let onRoll = try #require(school.enrolment[year])
                #expect(count <= onRoll)
                #expect(Double(count) >= 0.2 * Double(onRoll))
                // A rate from a handful of pupils says little; judge the spread on real year groups.
                if count >= 20 { rates.append(Double(count) / Double(onRoll)) }
            }
        }
        // Mostly 60–95%, with a few schools well under half.
        #expect(rates.filter { (0.55...0.96).contains($0) }.count > rates.count * 3 / 4)
        #expect(rates.contains { $0 < 0.5 })
    }

    @Test("school sizes are skewed, with tiny schools and big ones")
    func schoolSizes() throws {
        let parsed = try ParsedReturn(SyntheticWave.make(pupils: 15_000, schools: 120, seed: 8).allBytes()[0])
        let sizes = parsed.schools.map(\.pupils.count).sorted()
        #expect(sizes.contains { (3...15).contains($0) })
        #expect(sizes.last! > 5 * sizes[sizes.count / 2])
        let phases = Set(parsed.schools.map { $0.attributes["phase"]! })
        #expect(phases.isSuperset(of: ["primary", "secondary", "special"]))
    }

    @Test("school names keep accents and apostrophes, escaped in the XML")
    func schoolNames() throws {
        let bytes = try SyntheticWave.make(pupils: 3_000, schools: 1_500, seed: 4).allBytes()[0]
        let names = try ParsedReturn(bytes).schools.map { $0.attributes["name"]! }
        #expect(Set(names).count == names.count)
        #expect(names.contains { $0.contains("'") })
        #expect(names.contains { $0.contains("&") })
        #expect(names.contains { $0.unicodeScalars.contains { !$0.isASCII } })
        // Ampersands only ever appear escaped in the bytes.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.contains("& "))
    }

    @Test("LAs are real, distinct and spread over the regions")
    func authorities() throws {
        let wave = try SyntheticWave.make(pupils: 9_000, schools: 90, las: 9, seed: 13)
        let authorities = wave.returns.map(\.authority)
        #expect(Set(authorities.map(\.code)).count == 9)
        #expect(Set(authorities.map(\.region)).count == 9)
        for authority in authorities {
            #expect(reference.localAuthorities.authority(code: authority.code, onsCode: authority.onsCode) != nil)
        }
    }

    @Test("impossible parameters are refused with a fix", arguments: [
        (10, 11, 1, "--schools (11) is more than --pupils (10)"),
        (100, 5, 6, "--las (6) is more than --schools (5)"),
        (0, 1, 1, "--pupils must be at least 1"),
        (100, 10, 200, "--las (200) is more than"),
    ])
    func refused(pupils: Int, schools: Int, las: Int, message: String) {
        #expect {
            try SyntheticWave.make(pupils: pupils, schools: schools, las: las)
        } throws: { error in
            (error as? SyntheticWaveError)?.description.contains(message) == true
        }
    }

    @Test("an unknown LA code is refused")
    func unknownAuthority() {
        #expect(throws: SyntheticWaveError.self) { try SyntheticWave.make(pupils: 10, schools: 1, codes: ["999"]) }
    }
}
