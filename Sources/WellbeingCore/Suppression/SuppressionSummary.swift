/// How many cells each rule hid, per level: what suppression cost readers.
public struct SuppressionSummary: Sendable, Hashable {
    /// The tally for one geographic level.
    public struct Tally: Sendable, Hashable {
        /// Cells with respondents (each is a published row).
        public var cells = 0
        public var primaryBase = 0
        public var primarySmallCount = 0
        public var primaryGroupDisclosure = 0
        public var secondary = 0

        public var primary: Int { primaryBase + primarySmallCount + primaryGroupDisclosure }
        public var published: Int { cells - primary - secondary }
        /// Share of cells published after primary suppression alone.
        public var publishedShareBeforeSecondary: Double { cells == 0 ? 1 : Double(cells - primary) / Double(cells) }
        /// Share of cells published in the end.
        public var publishedShare: Double { cells == 0 ? 1 : Double(published) / Double(cells) }

        mutating func add(_ status: CellStatus) {
            switch status {
            case .empty: return
            case .published: break
            case .primaryBase: primaryBase += 1
            case .primarySmallCount: primarySmallCount += 1
            case .primaryGroupDisclosure: primaryGroupDisclosure += 1
            case .secondary: secondary += 1
            }
            cells += 1
        }

        mutating func add(_ other: Tally) {
            cells += other.cells
            primaryBase += other.primaryBase
            primarySmallCount += other.primarySmallCount
            primaryGroupDisclosure += other.primaryGroupDisclosure
            secondary += other.secondary
        }
    }

    public var byLevel: [GeographicLevel: Tally] = [:]

    public init() {}

    /// Tallies every cell of the tables.
    public init(tables: [IndicatorTable]) {
        for table in tables {
            for unit in table.units {
                var tally = byLevel[unit.geography.level] ?? Tally()
                for status in unit.status { tally.add(status) }
                byLevel[unit.geography.level] = tally
            }
        }
    }

    /// All levels together.
    public var overall: Tally {
        var total = Tally()
        for tally in byLevel.values { total.add(tally) }
        return total
    }
}
