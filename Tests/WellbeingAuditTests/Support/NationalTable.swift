import Foundation
import WellbeingCore
import WellbeingResources

/// A synthetic national wave built straight from school aggregates: every LA, 20,000 schools, ~2.6 M pupils.
///
/// Primary schools (four in five) survey years 4–6, secondary schools years 7–13, with
/// the rough national mixes of sex, FSM, SEN and ethnicity and a school-to-school spread,
/// so small categories (Other sex, Chinese, EHC plan, …) are as common as in real data.
/// Seeded, so every run builds the same table.
struct NationalTable {
    static let reference = try! ShippedReferenceData.load()

    let schools: [SchoolAggregate]

    init(schools schoolCount: Int = 20_000, authorities authorityCount: Int? = nil, seed: UInt64 = 2026) {
        let catalogue = Self.reference.catalogue
        let instrument = catalogue.instrument
        let items = Dictionary(uniqueKeysWithValues: instrument.items.enumerated().map { ($1.code, $0) })
        let all = Self.reference.localAuthorities.authorities
        let authorities = Array(all.prefix(authorityCount ?? all.count))
        var random = SplitMix(seed: seed)
        var aggregator = PupilAggregator(catalogue: catalogue)
        let wave = SurveyWave(code: "2026AUT")!
        let year = AcademicYear(code: "202627")!
        var answers = AnswerSet(itemCount: instrument.items.count)
        var schools: [SchoolAggregate] = []
        schools.reserveCapacity(schoolCount)
        for index in 0..<schoolCount {
            let la = authorities[index % authorities.count]
            let secondary = random.uniform() < 0.2
            let years = secondary ? Array(7...13) : Array(4...6)
            let fsmRate = min(0.8, 0.24 * random.logNormal(sigma: 0.5))
            let diversity = random.logNormal(sigma: 0.7)
            let ethnicity = [77.0, 6 * diversity, 10.5 * diversity, 3.5 * diversity, 0.4 * diversity,
                             1.9 * diversity, 2.0]
            let urn = 100_000 + index
            var aggregate = SchoolAggregate(
                school: SchoolRecord(urn: urn, laestab: Int(la.code)! * 10_000 + index % 10_000,
                                     name: "School \(urn)", phase: secondary ? .secondary : .primary),
                localAuthority: la, wave: wave, academicYear: year, returnId: "N", cells: aggregator.emptyCells())
            let size = random.logNormal(sigma: 0.4)
            for groupYear in years {
                let mean = secondary ? (groupYear <= 11 ? 60.0 : 25.0) : 25.0
                let pupils = max(1, Int(mean * size * random.logNormal(sigma: 0.25)))
                for _ in 0..<pupils {
                    answers.reset()
                    let wellbeing = random.uniform()
                    func answer(_ code: String, _ value: Int) { answers.set(items[code]!, value: value) }
                    func scale(_ low: Int, _ high: Int, tilt: Double) -> Int {
                        let u = min(0.999, max(0, 0.6 * random.uniform() + 0.4 * tilt))
                        return low + Int(u * Double(high - low + 1))
                    }
                    if groupYear >= 7 {
                        for i in 1...7 { answer("SWEMWBS\(i)", scale(1, 5, tilt: wellbeing)) }
                    }
                    answer("SAFE", scale(1, 5, tilt: wellbeing))
                    answer("ENJOY", scale(1, 5, tilt: wellbeing))
                    answer("ADULT", scale(1, 3, tilt: 1 - wellbeing))
                    answer("BULLIED", random.uniform() < 0.7 ? 0 : scale(1, 4, tilt: 1 - wellbeing))
                    answer("FRIENDS", scale(0, 3, tilt: wellbeing))
                    for talk in ["TALK_PARENT", "TALK_FRIEND", "TALK_ADULT"] { answer(talk, random.uniform() < 0.6 ? 1 : 2) }
                    answer("FRUITVEG", scale(0, 5, tilt: wellbeing))
                    answer("ACTIVE_DAYS", scale(0, 7, tilt: wellbeing))
                    answer("GROUP_ACTIVITY", random.uniform() < 0.55 ? 1 : 2)
                    if groupYear >= 10 {
                        answer("DRUNK_4WK", random.uniform() < 0.85 ? 0 : scale(1, 3, tilt: 1 - wellbeing))
                        answer("DRUGS_4WK", random.uniform() < 0.93 ? 0 : scale(1, 3, tilt: 1 - wellbeing))
                    }
                    let pupil = PupilResponse(
                        ref: "N", upn: nil, yearGroup: YearGroup(groupYear)!,
                        sex: Sex(rawValue: UInt8(random.pick([0.487, 0.488, 0.012, 0.013])))!,
                        fsm: random.uniform() < 0.015 ? .unknown : random.uniform() < fsmRate ? .eligible : .notEligible,
                        sen: SENStatus(rawValue: UInt8(random.pick([0.835, 0.13, 0.025, 0.01])))!,
                        ethnicity: EthnicityMajor(rawValue: UInt8(random.pick(ethnicity)))!,
                        answers: answers)
                    aggregator.add(pupil, to: &aggregate)
                }
            }
            schools.append(aggregate)
        }
        self.schools = schools
    }

    /// The unprotected indicator table of the wave.
    func table() -> IndicatorTable {
        IndicatorTable(catalogue: Self.reference.catalogue, wave: schools[0].wave, schools: schools)
    }

    var pupils: Int {
        let respondents = Self.reference.catalogue.indicators.firstIndex { $0.kind == .count }!
        return schools.reduce(0) { $0 + $1.cells.n(category: 0, indicator: respondents) }
    }
}

/// SplitMix64: a tiny seeded generator, so the synthetic table is the same on every machine.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// exp(σ·Z) for a standard normal Z (Box–Muller), centred on 1.
    mutating func logNormal(sigma: Double) -> Double {
        let z = (-2 * log(max(uniform(), 1e-300))).squareRoot() * cos(2 * Double.pi * uniform())
        return exp(sigma * z)
    }

    /// An index drawn with the given (unnormalised) weights.
    mutating func pick(_ weights: [Double]) -> Int {
        var u = uniform() * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            u -= weight
            if u < 0 { return index }
        }
        return weights.count - 1
    }
}
