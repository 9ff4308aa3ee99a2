/// Numbers every breakdown category so that cells can live in flat arrays.
///
/// Slot 0 is the shared `Total`; each breakdown's categories follow in a
/// contiguous run. Year groups span the catalogue's indicator years (Year 4 …
/// Year 13 for SRC-WB-1), so a new indicator for younger pupils widens them.
public struct CategoryLayout: Sendable, Hashable {
    /// One category: its breakdown and its EES label.
    public struct Category: Sendable, Hashable {
        public var breakdown: Breakdown
        public var label: String
    }

    public let categories: [Category]
    public let years: ClosedRange<Int>
    private let firstSlot: [Breakdown: Int]
    // The first slots again as plain integers: pupils are placed millions of times.
    private let sexBase: Int, yearBase: Int, fsmBase: Int, senBase: Int, ethnicityBase: Int

    public init(years: ClosedRange<Int>) {
        self.years = years
        var categories = [Category(breakdown: .total, label: totalCategoryLabel)]
        var first: [Breakdown: Int] = [.total: 0]
        func add(_ breakdown: Breakdown, _ labels: [String]) {
            first[breakdown] = categories.count
            categories += labels.map { Category(breakdown: breakdown, label: $0) }
        }
        add(.sex, ["Female", "Male", "Other", "Unknown"])
        add(.yearGroup, years.map { YearGroup($0)!.description })
        add(.fsmStatus, ["FSM eligible", "Not FSM eligible", "Unknown"])
        add(.senStatus, ["No SEN", "SEN support", "EHC plan", "Unknown"])
        add(.ethnicityMajor, ["White", "Mixed", "Asian", "Black", "Chinese", "Any other ethnic group", "Unclassified"])
        self.categories = categories
        self.firstSlot = first
        sexBase = first[.sex]!
        yearBase = first[.yearGroup]!
        fsmBase = first[.fsmStatus]!
        senBase = first[.senStatus]!
        ethnicityBase = first[.ethnicityMajor]!
    }

    /// The layout for a catalogue: year groups from its youngest to its oldest indicator years.
    public init(catalogue: Catalogue) {
        let from = catalogue.indicators.map(\.years.from).min() ?? 0
        let to = catalogue.indicators.map(\.years.to).max() ?? 13
        self.init(years: from...to)
    }

    public var count: Int { categories.count }

    /// The slots of one breakdown's categories (the total's is `0..<1`).
    public func slots(of breakdown: Breakdown) -> Range<Int> {
        let start = firstSlot[breakdown]!
        var end = start + 1
        while end < categories.count, categories[end].breakdown == breakdown { end += 1 }
        return start..<end
    }

    /// The slot of every breakdown a pupil falls in, total first; nil for a year outside the layout.
    @inline(__always)
    public func slots(for pupil: PupilResponse) -> (sex: Int, year: Int?, fsm: Int, sen: Int, ethnicity: Int) {
        let year = Int(pupil.yearGroup.value)
        return (
            sexBase + Int(pupil.sex.rawValue),
            years.contains(year) ? yearBase + year - years.lowerBound : nil,
            fsmBase + Int(pupil.fsm.rawValue),
            senBase + Int(pupil.sen.rawValue),
            ethnicityBase + Int(pupil.ethnicity.rawValue)
        )
    }

    /// Whether the category of `slot` can hold pupils of an indicator for these years.
    public func isStructurallyPossible(slot: Int, years indicatorYears: ClosedRange<Int>) -> Bool {
        guard categories[slot].breakdown == .yearGroup else { return true }
        return indicatorYears.contains(years.lowerBound + slot - yearBase)
    }
}
