import WellbeingCore

/// One school of a synthetic wave, decided before any pupil is written.
struct SchoolPlan: Sendable {
    /// Respondents and roll of one surveyed year group.
    struct YearGroupPlan: Sendable {
        let year: Int
        let respondents: Int
        let onRoll: Int
    }

    let urn: Int
    /// LA code × 10 000 + establishment number.
    let laestab: Int
    let name: String
    let phase: SchoolPhase
    /// Surveyed year groups with at least one respondent, youngest first.
    let yearGroups: [YearGroupPlan]
    /// Added to every pupil's well-being factor (schools differ a little).
    let effect: Double
    let demographics: SchoolDemographics
    /// First character of the survey platform's pupil refs at this school (e.g. `K7-0001`).
    let refLetter: UInt8
    /// Seeds this school's own random stream, so its pupils do not depend on other schools.
    let stream: UInt64

    var pupils: Int { yearGroups.reduce(0) { $0 + $1.respondents } }
}
