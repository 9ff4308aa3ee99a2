import WellbeingCore

/// Decides every LA and school of a wave (sizes, phases, rolls, names), but no pupils.
///
/// The plan is small (a few numbers per school), so pupils can then be
/// streamed out school by school with memory that does not grow with them.
struct WavePlanner {
    /// One LA's schools, in LAESTAB order.
    struct AuthorityPlan: Sendable {
        let authority: LocalAuthority
        let schools: [SchoolPlan]
    }

    /// Per-school choices made before pupils are shared out.
    private struct Draft {
        let authorityIndex: Int
        let phase: SchoolPhase
        /// Relative size among ordinary schools.
        let weight: Double
        /// A fixed small number of respondents (3–15), or nil for an ordinary school.
        var tinySize: Int?
    }

    private var random: SeededRandom
    private let parameters: SyntheticWaveParameters

    init(parameters: SyntheticWaveParameters) {
        self.parameters = parameters
        random = SeededRandom(seed: parameters.seed, stream: 0)
    }

    /// Plans the wave for the given LAs.
    mutating func plan(authorities: [LocalAuthority]) -> [AuthorityPlan] {
        let profiles = authorities.map { AuthorityProfile(authority: $0, random: &random) }
        // LAs differ a lot in size (Kent and Rutland), so their school counts do too.
        let authorityWeights = authorities.map { _ in PortableMath.logNormal(sigma: 0.5, using: &random) }
        let schoolsPerAuthority = Apportionment.split(parameters.schools, weights: authorityWeights, minimum: 1,
                                                      maximum: SyntheticWaveParameters.maximumSchoolsPerAuthority)
        var drafts: [Draft] = []
        drafts.reserveCapacity(parameters.schools)
        for (authorityIndex, count) in schoolsPerAuthority.enumerated() {
            for _ in 0..<count { drafts.append(draft(authorityIndex: authorityIndex)) }
        }
        let sizes = schoolSizes(&drafts)

        var urns: Set<Int> = []
        var establishments = Array(repeating: Set<Int>(), count: authorities.count)
        var namers = Array(repeating: SchoolNamer(), count: authorities.count)
        var schools = Array(repeating: [SchoolPlan](), count: authorities.count)
        for (index, draft) in drafts.enumerated() {
            let authority = authorities[draft.authorityIndex]
            var urn: Int
            repeat { urn = random.int(in: 100_000...999_999) } while !urns.insert(urn).inserted
            let establishment = establishmentNumber(for: draft.phase, taken: &establishments[draft.authorityIndex])
            let school = SchoolPlan(
                urn: urn,
                laestab: Int(authority.code)! * 10_000 + establishment,
                name: namers[draft.authorityIndex].name(for: draft.phase, random: &random),
                phase: draft.phase,
                yearGroups: yearGroups(for: draft.phase, respondents: sizes[index]),
                effect: 0.25 * random.normal() - (draft.phase == .special || draft.phase == .pru ? 0.2 : 0),
                demographics: SchoolDemographics(phase: draft.phase, authority: profiles[draft.authorityIndex],
                                                 random: &random),
                refLetter: UInt8(ascii: "A") + UInt8(random.below(26)),
                stream: UInt64(index) + 1)
            schools[draft.authorityIndex].append(school)
        }
        return zip(authorities, schools).map { authority, schools in
            AuthorityPlan(authority: authority, schools: schools.sorted { $0.laestab < $1.laestab })
        }
    }

    /// A school's phase and how big it is relative to others.
    private mutating func draft(authorityIndex: Int) -> Draft {
        // Roughly England's mix of schools teaching years 4–13.
        let phases: [(SchoolPhase, share: Double, typicalRespondents: Double, sigma: Double)] = [
            (.primary, 0.74, 120, 0.55), (.secondary, 0.16, 800, 0.45), (.special, 0.05, 45, 0.5),
            (.pru, 0.02, 25, 0.6), (.middle, 0.01, 300, 0.4), (.allThrough, 0.02, 900, 0.4),
        ]
        let choice = WeightedChoice(weights: phases.map(\.share)).draw(using: &random)
        let (phase, _, typical, sigma) = phases[choice]
        let weight = typical * PortableMath.logNormal(sigma: sigma, using: &random)
        // Small schools matter for disclosure control, so every wave has some:
        // half the PRUs, a quarter of special schools, a few village primaries.
        let tinyChance: Double = switch phase {
        case .pru: 0.5
        case .special: 0.25
        case .primary: 0.02
        default: 0
        }
        let tinySize = random.unit() < tinyChance ? random.int(in: 3...15) : nil
        return Draft(authorityIndex: authorityIndex, phase: phase, weight: weight, tinySize: tinySize)
    }

    /// Respondents per school, summing to the wave's pupils exactly.
    private mutating func schoolSizes(_ drafts: inout [Draft]) -> [Int] {
        // With few pupils per school there is no room for fixed tiny schools;
        // with enough, make sure there is at least one.
        let average = Double(parameters.pupils) / Double(drafts.count)
        if average < 30 {
            for index in drafts.indices { drafts[index].tinySize = nil }
        } else if drafts.count >= 5, !drafts.contains(where: { $0.tinySize != nil }) {
            let smallest = drafts.indices.min { drafts[$0].weight < drafts[$1].weight }!
            drafts[smallest].tinySize = random.int(in: 3...15)
        }
        let tinyTotal = drafts.reduce(0) { $0 + ($1.tinySize ?? 0) }
        let ordinary = drafts.indices.filter { drafts[$0].tinySize == nil }
        if ordinary.isEmpty || parameters.pupils - tinyTotal < ordinary.count {
            return Apportionment.split(parameters.pupils, weights: drafts.map(\.weight), minimum: 1)
        }
        let shared = Apportionment.split(parameters.pupils - tinyTotal, weights: ordinary.map { drafts[$0].weight },
                                         minimum: 1)
        var sizes = drafts.map { $0.tinySize ?? 0 }
        for (index, size) in zip(ordinary, shared) { sizes[index] = size }
        return sizes
    }

    /// The surveyed year groups of a school, its respondents shared among them, and their rolls.
    private mutating func yearGroups(for phase: SchoolPhase, respondents: Int) -> [SchoolPlan.YearGroupPlan] {
        let years: ClosedRange<Int> = switch phase {
        case .primary: 4...6
        case .middle: 5...8
        case .secondary: random.unit() < 0.55 ? 7...13 : 7...11
        case .allThrough, .special: 4...13
        case .pru: 7...11
        }
        // Sixth forms are smaller than the years below; PRUs fill up towards year 11.
        let weights = years.map { year -> Double in
            let base: Double = if phase == .pru { 0.3 + 0.25 * Double(year - 7) } else if year >= 12 { 0.45 } else { 1 }
            return base * PortableMath.logNormal(sigma: 0.12, using: &random)
        }
        let counts = Apportionment.split(respondents, weights: weights)
        // Most schools get 60–95% of a year group to answer, a few under half,
        // never under 25% (no W200) and never more than are on roll (no W201).
        let schoolRate = random.unit() < 0.08 ? 0.25 + 0.25 * random.unit() : 0.60 + 0.35 * random.unit()
        var plans: [SchoolPlan.YearGroupPlan] = []
        for (year, count) in zip(years, counts) where count > 0 {
            let rate = min(1, max(0.25, schoolRate + 0.1 * (random.unit() - 0.5)))
            let onRoll = max(count, Int(Double(count) / rate))
            plans.append(SchoolPlan.YearGroupPlan(year: year, respondents: count, onRoll: onRoll))
        }
        return plans
    }

    /// A free four-digit establishment number in the DfE range for the phase, if possible.
    private mutating func establishmentNumber(for phase: SchoolPhase, taken: inout Set<Int>) -> Int {
        let preferred: ClosedRange<Int> = switch phase {
        case .primary: 2000...3999
        case .middle, .secondary, .allThrough: 4000...4999
        case .special: 7000...7999
        case .pru: 1100...1199
        }
        for _ in 0..<10 {
            let number = random.int(in: preferred)
            if taken.insert(number).inserted { return number }
        }
        // The preferred range is crowded: take the next free number anywhere.
        let all = 1000...9999
        let start = random.int(in: all)
        for offset in 0..<all.count {
            let number = all.lowerBound + (start - all.lowerBound + offset) % all.count
            if taken.insert(number).inserted { return number }
        }
        preconditionFailure("an LA has at most \(all.count) schools; the parameters check guarantees it")
    }
}
