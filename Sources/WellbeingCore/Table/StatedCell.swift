/// One cell as an export folder states it: where it is, its values, and whether it is published.
///
/// A published cell's values are its row's: `n`, the count of a proportion, and
/// for a mean the score sum `n × mean` its rounded mean gives (good only to
/// ``PublishedMeans/roundedInterval(sum:n:)``). A hidden cell's true values
/// come from the audit report, which holds them for administrators.
public struct StatedCell: Sendable, Hashable {
    public var geography: Geography
    /// The indicator's position in the catalogue.
    public var indicator: Int
    /// The category's slot in the ``CategoryLayout``.
    public var category: Int
    public var n: Int
    /// Pupils in a proportion's numerator; `n` for a count indicator, 0 for a mean.
    public var count: Int
    /// A mean's sum of scores in hundredths; 0 for other indicators.
    public var scoreSum: Int64
    public var status: CellStatus

    public init(geography: Geography, indicator: Int, category: Int, n: Int, count: Int, scoreSum: Int64,
                status: CellStatus) {
        self.geography = geography
        self.indicator = indicator
        self.category = category
        self.n = n
        self.count = count
        self.scoreSum = scoreSum
        self.status = status
    }
}

extension IndicatorTable {
    /// A table rebuilt from the cells an export folder states, to audit it again without the returns.
    ///
    /// Units are ordered and linked as ``init(catalogue:wave:schools:)`` does it
    /// (England, regions, LAs, schools; each school in its LA, each LA in its
    /// region), but their cells are the stated ones, never sums of their
    /// children, so that a folder whose parts do not add up shows it
    /// (``contradictions``). Every stated school's LA and every LA's region must
    /// be stated too: a full export states every level.
    public init(catalogue: Catalogue, wave: SurveyWave, academicYear: AcademicYear, cells: some Sequence<StatedCell>) {
        self.catalogue = catalogue
        self.layout = CategoryLayout(catalogue: catalogue)
        self.wave = wave
        self.academicYear = academicYear
        let empty = CellAccumulator(categoryCount: layout.count, kinds: catalogue.indicators.map(\.kind))

        var byGeography: [Geography: [StatedCell]] = [:]
        for cell in cells { byGeography[cell.geography, default: []].append(cell) }
        func order(_ geography: Geography) -> (Int, String, Int) {
            let level = GeographicLevel.allCases.firstIndex(of: geography.level)!
            return switch geography.level {
            case .national: (level, "", 0)
            case .regional: (level, geography.region?.code ?? "", 0)
            case .localAuthority: (level, geography.localAuthority?.code ?? "", 0)
            case .school: (level, geography.localAuthority?.code ?? "", geography.school?.urn ?? 0)
            }
        }
        let geographies = Set(byGeography.keys).union([.england]).sorted { order($0) < order($1) }
        var index: [String: Int] = [:]
        func key(_ level: GeographicLevel, _ code: String?) -> String { "\(level.rawValue)|\(code ?? "")" }

        var units: [GeographyUnit] = []
        for geography in geographies {
            let parent: Int?, benchmark: Int?
            switch geography.level {
            case .national: (parent, benchmark) = (nil, nil)
            case .regional: (parent, benchmark) = (0, 0)
            case .localAuthority: (parent, benchmark) = (index[key(.regional, geography.region?.code)], 0)
            case .school:
                parent = index[key(.localAuthority, geography.localAuthority?.code)]
                benchmark = parent
            }
            precondition(geography.level == .national || parent != nil, "a stated unit's parent is not stated")
            var accumulator = empty
            for cell in byGeography[geography] ?? [] {
                accumulator.set(category: cell.category, indicator: cell.indicator, n: cell.n, count: cell.count,
                                scoreSum: cell.scoreSum)
            }
            let code: String? = switch geography.level {
            case .national: nil
            case .regional: geography.region?.code
            case .localAuthority: geography.localAuthority?.code
            case .school: geography.school.map { String($0.urn) }
            }
            index[key(geography.level, code)] = units.count
            var unit = GeographyUnit(geography: geography, cells: accumulator, pupilsOnRoll: nil, parent: parent,
                                     benchmark: benchmark)
            for cell in byGeography[geography] ?? [] {
                unit.setStatus(cell.status, category: cell.category, indicator: cell.indicator)
            }
            units.append(unit)
        }
        for u in units.indices { if let parent = units[u].parent { units[parent].children.append(u) } }
        self.units = units
    }
}
