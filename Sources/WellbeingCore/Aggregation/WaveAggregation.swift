/// Every school's partial sums, by wave, from any number of returns.
///
/// A school that arrives again for the same wave replaces its earlier sums:
/// the most recent accepted return containing a school is the one that counts.
public struct WaveAggregation: Sendable {
    /// Schools keyed by wave, then URN.
    public private(set) var schools: [SurveyWave: [Int: SchoolAggregate]] = [:]

    public init() {}

    /// Adds (or supersedes) one school's sums.
    public mutating func add(_ school: SchoolAggregate) {
        schools[school.wave, default: [:]][school.school.urn] = school
    }

    /// The waves present, oldest first.
    public var waves: [SurveyWave] { schools.keys.sorted() }

    public var schoolCount: Int { schools.values.reduce(0) { $0 + $1.count } }
}

/// A ``ReturnVisitor`` that folds a valid return's pupils into a ``WaveAggregation``.
///
/// Schools are staged per return and handed over only when the return ends
/// valid: a rejected return contributes nothing (returns are atomic).
public struct ReturnAggregator: ReturnVisitor, Sendable {
    public private(set) var aggregation: WaveAggregation
    private var pupils: PupilAggregator
    private var header: ReturnHeader?
    private var staged: [SchoolAggregate] = []
    private var current: SchoolAggregate?

    public init(catalogue: Catalogue, into aggregation: WaveAggregation = .init()) {
        self.aggregation = aggregation
        self.pupils = PupilAggregator(catalogue: catalogue)
    }

    public mutating func begin(_ header: ReturnHeader) {
        self.header = header
        staged.removeAll(keepingCapacity: true)
        current = nil
    }

    public mutating func school(_ school: SchoolRecord) {
        guard let header else { return }
        finishCurrentSchool()
        current = SchoolAggregate(school: school, localAuthority: header.localAuthority, wave: header.wave,
                                  academicYear: header.academicYear, returnId: header.returnId,
                                  cells: pupils.emptyCells())
    }

    public mutating func pupil(_ pupil: PupilResponse) {
        guard current != nil else { return }
        pupils.add(pupil, to: &current!)
    }

    public mutating func endSchool() {
        finishCurrentSchool()
    }

    public mutating func end(valid: Bool) {
        finishCurrentSchool()
        if valid {
            for school in staged { aggregation.add(school) }
        }
        staged.removeAll()
        header = nil
    }

    private mutating func finishCurrentSchool() {
        if var current {
            // The school's sums are final: kept narrow, they take half the memory for as long as the table lives.
            current.cells.narrow()
            staged.append(current)
        }
        current = nil
    }
}
