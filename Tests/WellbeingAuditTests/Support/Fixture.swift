import WellbeingCore
import WellbeingResources

/// Hand-built schools and tables for the adversarial audit tests.
///
/// Pupils answer only `SAFE` (WB03, a proportion) and, from Year 7, the seven
/// SWEMWBS items (WB01, a mean; WB02, a sensitive proportion), so each table
/// has a handful of indicators and every cell's value is easy to follow.
enum Fixture {
    static let reference = try! ShippedReferenceData.load()
    static var catalogue: Catalogue { reference.catalogue }
    static let wave = SurveyWave(code: "2026AUT")!

    /// Camden (202) and Islington (206), London; Leeds (383), Yorkshire and the Humber.
    static var camden: LocalAuthority { reference.localAuthorities.authority(code: "202")! }
    static var islington: LocalAuthority { reference.localAuthorities.authority(code: "206")! }
    static var leeds: LocalAuthority { reference.localAuthorities.authority(code: "383")! }

    static func indicator(_ id: String) -> Int { catalogue.indicators.firstIndex { $0.id == id }! }

    /// `count` pupils, the first `safe` of whom feel safe (WB03); sex, year and SWEMWBS as given.
    static func pupils(_ count: Int, safe: Int = 0, year: Int = 8, sex: Sex = .female,
                       ethnicity: EthnicityMajor = .white, swemwbs: Int? = nil) -> [PupilResponse]
    {
        let instrument = catalogue.instrument
        return (0..<count).map { i in
            var answers = AnswerSet(itemCount: instrument.items.count)
            answers.set(instrument.index(of: "SAFE")!, value: i < safe ? 5 : 2)
            if let swemwbs {
                // Seven items summing to `swemwbs` (7…35).
                var left = swemwbs - 7
                for item in 1...7 {
                    let extra = min(4, left)
                    answers.set(instrument.index(of: "SWEMWBS\(item)")!, value: 1 + extra)
                    left -= extra
                }
            }
            return PupilResponse(ref: "T", upn: nil, yearGroup: YearGroup(year)!, sex: sex, fsm: .notEligible,
                                 sen: .none, ethnicity: ethnicity, answers: answers)
        }
    }

    /// A school's aggregate, as the aggregator builds it.
    static func school(_ urn: Int, in la: LocalAuthority, _ pupils: [PupilResponse]) -> SchoolAggregate {
        var aggregator = PupilAggregator(catalogue: catalogue)
        var aggregate = SchoolAggregate(
            school: SchoolRecord(urn: urn, laestab: Int(la.code)! * 10_000 + urn % 10_000, name: "School \(urn)",
                                 phase: .secondary),
            localAuthority: la, wave: wave, academicYear: AcademicYear(code: "202627")!, returnId: "T",
            cells: aggregator.emptyCells())
        for pupil in pupils { aggregator.add(pupil, to: &aggregate) }
        return aggregate
    }

    static func table(_ schools: [SchoolAggregate]) -> IndicatorTable {
        IndicatorTable(catalogue: catalogue, wave: wave, schools: schools)
    }

    /// The cell of a school (by URN), LA (by code) or England, in a category slot.
    static func cell(_ table: IndicatorTable, urn: Int? = nil, la: String? = nil, category: String = "Total",
                     breakdown: Breakdown = .total, indicator id: String = "WB03") -> CellReference
    {
        let unit = table.units.firstIndex { unit in
            if let urn { return unit.geography.school?.urn == urn }
            if let la { return unit.geography.level == .localAuthority && unit.geography.localAuthority?.code == la }
            return unit.geography.level == .national
        }!
        let slot = table.layout.slots(of: breakdown).first { table.layout.categories[$0].label == category }!
        return CellReference(unit: unit, category: slot, indicator: indicator(id))
    }
}
