import WellbeingCore

/// How a school's pupils are drawn: the mixes of sex, free school meals, SEN and ethnicity.
///
/// The shares are rough figures for English schools (DfE "Schools, pupils and
/// their characteristics"): about a quarter eligible for free school meals,
/// 13% on SEN support and 4–5% with an EHC plan, most pupils White British
/// outside London and a much more mixed picture inside it. Each school
/// departs from its LA's mix, which departs from the national one, so
/// breakdowns differ between areas as they do in real data.
struct SchoolDemographics: Sendable {
    /// Outcomes index ``sexCodes``.
    let sex: WeightedChoice
    let freeSchoolMeals: Probability
    /// Outcomes index ``senCodes``; the last outcome leaves the attribute out (unknown).
    let sen: WeightedChoice
    /// Outcomes index `EthnicityMajor.mainCodes`; one past the end leaves the attribute out.
    let ethnicity: WeightedChoice

    /// The return's codes for ``sex`` outcomes.
    static let sexCodes = ["F", "M", "O", "U"]
    /// The return's codes for ``sen`` outcomes (the last, unknown, is written as no attribute).
    static let senCodes = ["N", "K", "E", ""]
    /// Share of pupils with no `fsm` attribute (unknown to the survey).
    static let fsmUnknown = Probability(0.015)

    /// Draws a school's mix around its LA's.
    init(phase: SchoolPhase, authority: AuthorityProfile, random: inout SeededRandom) {
        switch phase {
        case .special: sex = WeightedChoice(weights: [0.28, 0.70, 0.01, 0.01])
        case .pru: sex = WeightedChoice(weights: [0.26, 0.72, 0.01, 0.01])
        default: sex = WeightedChoice(weights: [0.487, 0.488, 0.012, 0.013])
        }

        let phaseFactor: Double = switch phase {
        case .special: 1.8
        case .pru: 2.1
        default: 1.0
        }
        let fsmRate = 0.24 * authority.deprivation * phaseFactor * PortableMath.logNormal(sigma: 0.45, using: &random)
        freeSchoolMeals = Probability(min(0.8, max(0.02, fsmRate)))

        sen = switch phase {
        case .special: WeightedChoice(weights: [0.01, 0.06, 0.92, 0.01])
        case .pru: WeightedChoice(weights: [0.39, 0.45, 0.15, 0.01])
        default: WeightedChoice(weights: [0.835, 0.13, 0.025, 0.01])
        }

        // A school's diversity scales every code but White British; what is left of
        // the mix (absent attribute included) keeps its LA's proportions.
        let diversity = authority.diversity * PortableMath.logNormal(sigma: 0.55, using: &random)
        let base = authority.isLondon ? Self.londonEthnicity : Self.englandEthnicity
        var weights = base.enumerated().map { index, weight in index == 0 ? weight : weight * diversity }
        weights.append(authority.isLondon ? 2.5 : 2.1)
        ethnicity = WeightedChoice(weights: weights)
    }

    /// Percentages of pupils by main code outside London, in `EthnicityMajor.mainCodes` order.
    private static let englandEthnicity: [Double] = [
        70.0, 0.2, 0.1, 5.5, 0.6,  // WBRI WIRI WIRT WOTH WROM
        1.7, 0.7, 1.7, 1.8,  // MWBC MWBA MWAS MOTH
        2.8, 4.2, 0.9, 1.6,  // AIND APKN ABAN AOTH
        0.5, 2.5, 0.5,  // BCRB BAFR BOTH
        0.4, 1.3, 0.6, 0.3,  // CHNE OOTH REFU NOBT
    ]

    /// The same for London's boroughs.
    private static let londonEthnicity: [Double] = [
        29.0, 0.5, 0.1, 13.5, 0.7,
        2.3, 1.3, 2.2, 4.7,
        6.5, 3.5, 6.0, 4.5,
        2.5, 10.0, 2.5,
        0.9, 5.5, 1.0, 0.3,
    ]
}

/// What a local authority contributes to its schools' pupils: deprivation and diversity.
struct AuthorityProfile: Sendable {
    /// Multiplies the national free-school-meal rate.
    let deprivation: Double
    /// Multiplies the share of pupils who are not White British.
    let diversity: Double
    let isLondon: Bool

    /// ONS code of the London region.
    static let londonRegion = "E12000007"

    init(authority: LocalAuthority, random: inout SeededRandom) {
        isLondon = authority.region.code == Self.londonRegion
        deprivation = PortableMath.logNormal(sigma: 0.3, using: &random)
        diversity = PortableMath.logNormal(sigma: isLondon ? 0.3 : 0.6, using: &random)
    }
}
