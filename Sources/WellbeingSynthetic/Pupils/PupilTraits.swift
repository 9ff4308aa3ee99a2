/// The hidden traits one pupil's answers are derived from.
///
/// A single well-being factor (with a school effect) drives the well-being
/// scale and colours every other answer; bullying and risk-taking are their
/// own factors, partly explained by well-being. Deriving each answer from
/// these, rather than independently, gives the correlations real surveys show:
/// bullied pupils feel less safe and score lower on SWEMWBS, older pupils
/// drink more, pupils on free school meals eat less fruit and join fewer clubs.
struct PupilTraits {
    /// Higher is better; roughly standard normal, lower in older years and some groups.
    let wellBeing: Double
    /// Higher means bullied more often.
    let bullying: Double
    /// Higher means more drinking and drug use.
    let risk: Double
    let year: Int
    let isFemale: Bool
    let isMale: Bool
    let isEligibleForFreeMeals: Bool

    /// Draws the traits of a pupil with these characteristics at a school with this effect.
    init(year: Int, sex: Int, freeMeals: Bool, sen: Int, schoolEffect: Double, random: inout SeededRandom) {
        self.year = year
        isFemale = sex == 0
        isMale = sex == 1
        isEligibleForFreeMeals = freeMeals

        // Published gaps, roughly: well-being falls through secondary school and
        // more for girls, and is lower with deprivation, SEN and for pupils who
        // describe their sex another way.
        var wellBeing = schoolEffect + 0.97 * random.normal() - 0.05 * Double(year - 4)
        if freeMeals { wellBeing -= 0.15 }
        if sen == 1 { wellBeing -= 0.2 } else if sen == 2 { wellBeing -= 0.25 }
        if isFemale && year >= 9 { wellBeing -= 0.25 }
        if sex == 2 { wellBeing -= 0.5 }
        self.wellBeing = wellBeing

        var bullying = -0.45 * wellBeing + 0.9 * random.normal()
        if year <= 6 { bullying += 0.25 }
        if sen == 1 || sen == 2 { bullying += 0.3 }
        if sex == 2 { bullying += 0.4 }
        self.bullying = bullying

        risk = -0.3 * wellBeing + 0.3 * Double(year - 10) + 0.2 * bullying + 0.9 * random.normal()
    }
}
