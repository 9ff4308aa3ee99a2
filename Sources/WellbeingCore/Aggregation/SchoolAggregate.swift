/// One school's partial sums for one wave: everything later levels need, and nothing about any pupil.
public struct SchoolAggregate: Sendable, Hashable {
    public var school: SchoolRecord
    public var localAuthority: LocalAuthority
    public var wave: SurveyWave
    public var academicYear: AcademicYear
    /// The return the school's pupils came from.
    public var returnId: String
    public var cells: CellAccumulator
    /// Respondents (RESP) in year groups without an `Enrolment` row; a response rate needs none.
    public var respondentsWithoutRoll: Int

    public init(school: SchoolRecord, localAuthority: LocalAuthority, wave: SurveyWave,
                academicYear: AcademicYear, returnId: String, cells: CellAccumulator, respondentsWithoutRoll: Int = 0) {
        self.school = school
        self.localAuthority = localAuthority
        self.wave = wave
        self.academicYear = academicYear
        self.returnId = returnId
        self.cells = cells
        self.respondentsWithoutRoll = respondentsWithoutRoll
    }

    /// Pupils on roll in the surveyed year groups, or nil when no `Enrolment` was given.
    public var pupilsOnRoll: Int? {
        school.enrolment.isEmpty ? nil : school.enrolment.values.reduce(0, +)
    }
}

/// Folds pupils into school aggregates: scores each pupil once and adds it to every category it falls in.
public struct PupilAggregator: Sendable {
    public let scorer: PupilScorer
    public let layout: CategoryLayout
    public let kinds: [IndicatorDefinition.Kind]
    private let respondentsIndicator: Int?
    private var outcomes: [IndicatorOutcome] = []

    public init(catalogue: Catalogue) {
        scorer = PupilScorer(catalogue: catalogue)
        layout = CategoryLayout(catalogue: catalogue)
        kinds = catalogue.indicators.map(\.kind)
        respondentsIndicator = catalogue.indicators.firstIndex { $0.kind == .count }
    }

    /// An empty accumulator of the right shape.
    public func emptyCells() -> CellAccumulator {
        CellAccumulator(categoryCount: layout.count, kinds: kinds)
    }

    /// Adds one validated pupil to its school's aggregate.
    public mutating func add(_ pupil: PupilResponse, to aggregate: inout SchoolAggregate) {
        scorer.score(pupil, into: &outcomes)
        let slots = layout.slots(for: pupil)
        let categories = (0, slots.sex, slots.year, slots.fsm, slots.sen, slots.ethnicity)
        for (indicator, outcome) in outcomes.enumerated() {
            aggregate.cells.add(outcome, indicator: indicator, categories: categories)
        }
        if let respondentsIndicator, outcomes[respondentsIndicator] != .excluded,
           !aggregate.school.enrolment.isEmpty, aggregate.school.enrolment[pupil.yearGroup] == nil {
            aggregate.respondentsWithoutRoll += 1
        }
    }
}
