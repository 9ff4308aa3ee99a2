import Foundation
import WellbeingCore
import WellbeingResources

/// Shared builders for core tests: the shipped reference data and hand-made pupils.
enum TestData {
    static let reference = try! ShippedReferenceData.load()
    static var catalogue: Catalogue { reference.catalogue }
    static var instrument: Instrument { reference.catalogue.instrument }

    /// Camden (202, London).
    static var camden: LocalAuthority { reference.localAuthorities.authority(code: "202", onsCode: "E09000007")! }
    /// Islington (206, London).
    static var islington: LocalAuthority { reference.localAuthorities.authority(code: "206")! }

    /// A pupil with the given answers (item code → value); everything else not asked.
    static func pupil(_ answers: [String: Int], year: Int = 8, sex: Sex = .female, fsm: FSMStatus = .unknown,
                      sen: SENStatus = .unknown, ethnicity: EthnicityMajor = .white) -> PupilResponse
    {
        var set = AnswerSet(itemCount: instrument.items.count)
        for (code, value) in answers { set.set(instrument.index(of: code)!, value: value) }
        return PupilResponse(ref: "T", upn: nil, yearGroup: YearGroup(year)!, sex: sex, fsm: fsm, sen: sen,
                             ethnicity: ethnicity, answers: set)
    }

    /// Seven SWEMWBS answers whose raw sum is `raw` (7…35).
    static func swemwbs(raw: Int) -> [String: Int] {
        var answers: [String: Int] = [:]
        var left = raw - 7
        for i in 1...7 {
            let extra = min(4, left)
            answers["SWEMWBS\(i)"] = 1 + extra
            left -= extra
        }
        return answers
    }

    static let wave = SurveyWave(code: "2026AUT")!

    /// A school aggregate built from pupils, as the aggregator would.
    static func school(urn: Int, la: LocalAuthority, pupils: [PupilResponse], enrolment: [YearGroup: Int] = [:])
        -> SchoolAggregate
    {
        var aggregator = PupilAggregator(catalogue: catalogue)
        var aggregate = SchoolAggregate(
            school: SchoolRecord(urn: urn, laestab: Int(la.code)! * 10_000 + urn % 10_000, name: "School \(urn)",
                                 phase: .secondary, enrolment: enrolment),
            localAuthority: la, wave: wave, academicYear: AcademicYear(code: "202627")!, returnId: "T",
            cells: aggregator.emptyCells())
        for pupil in pupils { aggregator.add(pupil, to: &aggregate) }
        return aggregate
    }

    static func indicatorIndex(_ id: String) -> Int { catalogue.indicators.firstIndex { $0.id == id }! }
}

/// A file under `Fixtures/`, found from this source file's path.
func fixture(_ relative: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(relative)
}
