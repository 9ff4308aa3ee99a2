import WellbeingCore

/// How each item of the instrument is answered, given a pupil's traits.
///
/// Items of SRC-WB-1 are recognised by code and modelled on published
/// prevalences (e.g. about a fifth of secondary pupils with low well-being,
/// 5–8% bullied most weeks, a few percent of older pupils drinking or taking
/// drugs often). An item the model does not know (a catalogue may add some)
/// gets uniformly spread values, so any instrument yields a valid return.
struct AnswerModel: Sendable {
    /// One item's rule, in instrument order.
    struct Rule: Sendable {
        let kind: Kind
        let years: ClosedRange<Int>
        let values: ClosedRange<Int>
        /// Latent cut points: the answer is the number of cuts at or below the latent value…
        let cuts: [Double]
        /// …mapped through this table when the item's codes are not in latent order.
        let codes: [Int]
        let missing: Probability
    }

    /// What drives an item.
    enum Kind: Sendable {
        case swemwbs(shift: Double)
        case safe, enjoy, adult, bullied, friends, talkParent, talkFriend, talkAdult
        case fruitVeg, activeDays, groupActivity, drunk, drugs
        case unknown
    }

    let rules: [Rule]
    /// Instrument indices of SWEMWBS1…7 when all seven are present (for the straight-lining rule).
    let swemwbsItems: [Int]

    init(instrument: Instrument, missingRate: Double) {
        rules = instrument.items.map { item in
            let (kind, cuts, codes, missingFactor) = Self.model(for: item.code)
            return Rule(kind: kind, years: item.years, values: item.values, cuts: cuts, codes: codes,
                        missing: Probability(min(1, missingRate * missingFactor)))
        }
        let swemwbs = (1...7).compactMap { instrument.index(of: "SWEMWBS\($0)") }
        swemwbsItems = swemwbs.count == 7 ? swemwbs : []
    }

    /// The value a pupil gives to item `index`, within the item's range.
    @inline(__always)
    func value(_ index: Int, traits: PupilTraits, random: inout SeededRandom) -> Int {
        let rule = rules[index]
        let t = traits
        let primary = t.year <= 6 ? 1.0 : 0.0
        let latent: Double
        switch rule.kind {
        case .swemwbs(let shift): latent = 0.75 * t.wellBeing + 0.75 * random.normal() + shift
        case .safe: latent = 0.45 * t.wellBeing - 0.3 * t.bullying + 0.75 * random.normal() + 0.4 * primary
        case .enjoy: latent = 0.5 * t.wellBeing + 0.8 * random.normal() + 0.5 * primary
        case .adult: latent = 0.4 * t.wellBeing - 0.15 * t.bullying + 0.9 * random.normal() + 0.45 * primary
        case .bullied: latent = t.bullying
        case .friends: latent = 0.35 * t.wellBeing - 0.3 * t.bullying + 0.9 * random.normal()
        case .talkParent: latent = 0.35 * t.wellBeing + random.normal()
        case .talkFriend: latent = 0.3 * t.wellBeing + random.normal() + (t.isFemale ? 0.3 : 0)
        case .talkAdult: latent = 0.3 * t.wellBeing + random.normal() + 0.5 * primary
        case .fruitVeg: latent = 0.15 * t.wellBeing + random.normal() - (t.isEligibleForFreeMeals ? 0.3 : 0)
        case .activeDays:
            latent = 0.2 * t.wellBeing + random.normal() + (t.isMale ? 0.35 : 0) - 0.06 * Double(t.year - 4)
        case .groupActivity:
            latent = 0.25 * t.wellBeing + random.normal() - (t.isEligibleForFreeMeals ? 0.4 : 0)
                - 0.04 * Double(t.year - 4)
        case .drunk: latent = t.risk
        case .drugs: latent = 0.7 * t.risk + 0.7 * random.normal()
        case .unknown:
            return rule.values.lowerBound + random.below(rule.values.count)
        }
        var category = 0
        for cut in rule.cuts where latent >= cut { category += 1 }
        let value = rule.codes.isEmpty ? rule.values.lowerBound + category : rule.codes[category]
        return min(max(value, rule.values.lowerBound), rule.values.upperBound)
    }

    /// The cut points, code order and missing-answer factor of a known item code.
    private static func model(for code: String) -> (Kind, [Double], [Int], Double) {
        // Cut points are tuned so that, over a typical mix of schools, the
        // answers come out near published shares (see the tests).
        let swemwbsCuts = [-2.2, -1.32, -0.26, 0.74]
        switch code {
        case "SWEMWBS1": return (.swemwbs(shift: 0), swemwbsCuts, [], 0.8)
        case "SWEMWBS2": return (.swemwbs(shift: 0.1), swemwbsCuts, [], 0.8)
        case "SWEMWBS3": return (.swemwbs(shift: -0.25), swemwbsCuts, [], 0.8)
        case "SWEMWBS4": return (.swemwbs(shift: 0), swemwbsCuts, [], 0.8)
        case "SWEMWBS5": return (.swemwbs(shift: 0), swemwbsCuts, [], 0.8)
        case "SWEMWBS6": return (.swemwbs(shift: 0.15), swemwbsCuts, [], 0.8)
        case "SWEMWBS7": return (.swemwbs(shift: 0.25), swemwbsCuts, [], 0.8)
        case "SAFE": return (.safe, [-1.75, -1.35, -0.6, 0.55], [], 1)
        case "ENJOY": return (.enjoy, [-1.6, -1.0, -0.15, 0.85], [], 1)
        // Latent order no < not sure < yes; codes 1 yes, 2 no, 3 not sure.
        case "ADULT": return (.adult, [-1.1, -0.45], [2, 3, 1], 1)
        case "BULLIED": return (.bullied, [0.49, 1.16, 1.88, 2.3], [], 1.5)
        case "FRIENDS": return (.friends, [-2.3, -1.8, -1.25], [], 1)
        // Latent order no < yes; codes 1 yes, 2 no.
        case "TALK_PARENT": return (.talkParent, [-1.0], [2, 1], 1)
        case "TALK_FRIEND": return (.talkFriend, [-0.75], [2, 1], 1)
        case "TALK_ADULT": return (.talkAdult, [-0.1], [2, 1], 1)
        case "FRUITVEG": return (.fruitVeg, [-1.5, -0.9, -0.3, 0.3, 0.75], [], 1)
        case "ACTIVE_DAYS": return (.activeDays, [-1.65, -1.3, -0.9, -0.45, 0, 0.4, 0.8], [], 1)
        case "GROUP_ACTIVITY": return (.groupActivity, [-0.5], [2, 1], 1)
        case "DRUNK_4WK": return (.drunk, [1.7, 2.3, 2.6], [], 2)
        case "DRUGS_4WK": return (.drugs, [1.95, 2.3, 2.6], [], 2)
        default: return (.unknown, [], [], 1)
        }
    }
}
