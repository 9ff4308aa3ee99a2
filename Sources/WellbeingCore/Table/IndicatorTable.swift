/// Every cell of one wave at every level, with the hierarchy that links them.
///
/// Units are ordered England, regions, LAs, schools (each by code), and this
/// order is the order of publication. Suppression works on this table, never
/// on pupil records, so files, API responses and pages share one protection.
public struct IndicatorTable: Sendable {
    public let catalogue: Catalogue
    public let layout: CategoryLayout
    public let wave: SurveyWave
    public let academicYear: AcademicYear
    public var units: [GeographyUnit]

    /// Builds the table for one wave from its schools' partial sums.
    public init(catalogue: Catalogue, wave: SurveyWave, schools: some Collection<SchoolAggregate>) {
        self.catalogue = catalogue
        self.layout = CategoryLayout(catalogue: catalogue)
        self.wave = wave
        self.academicYear = schools.first?.academicYear ?? AcademicYear(startYear: wave.year)
        let empty = CellAccumulator(categoryCount: layout.count, kinds: catalogue.indicators.map(\.kind))

        let sortedSchools = schools.sorted { ($0.localAuthority.code, $0.school.urn) < ($1.localAuthority.code, $1.school.urn) }
        let authorities = Dictionary(grouping: sortedSchools, by: \.localAuthority.code)
        let laCodes = authorities.keys.sorted()
        let regions = Set(sortedSchools.map(\.localAuthority.region)).sorted()

        var units: [GeographyUnit] = [GeographyUnit(geography: .england, cells: empty, pupilsOnRoll: nil,
                                                    parent: nil, benchmark: nil)]
        var regionIndex: [String: Int] = [:]
        for region in regions {
            regionIndex[region.code] = units.count
            units.append(GeographyUnit(geography: Geography(level: .regional, region: region), cells: empty,
                                       pupilsOnRoll: nil, parent: 0, benchmark: 0))
        }
        var laIndex: [String: Int] = [:]
        for code in laCodes {
            let members = authorities[code]!
            let la = members[0].localAuthority
            // An LA's rate is only honest when every school gave rolls covering all its respondents.
            let rolls = members.map { $0.respondentsWithoutRoll == 0 ? $0.pupilsOnRoll : nil }
            let roll: Int? = rolls.contains(nil) ? nil : rolls.reduce(0) { $0 + $1! }
            laIndex[code] = units.count
            units.append(GeographyUnit(
                geography: Geography(level: .localAuthority, region: la.region, localAuthority: la),
                cells: empty, pupilsOnRoll: roll, parent: regionIndex[la.region.code], benchmark: 0))
        }
        for aggregate in sortedSchools {
            let la = aggregate.localAuthority
            units.append(GeographyUnit(
                geography: Geography(level: .school, region: la.region, localAuthority: la, school: aggregate.school),
                cells: aggregate.cells,
                pupilsOnRoll: aggregate.respondentsWithoutRoll == 0 ? aggregate.pupilsOnRoll : nil,
                parent: laIndex[la.code], benchmark: laIndex[la.code]))
        }
        // Sum upwards, deepest level first, so each parent is complete before it is added to its own parent.
        for index in units.indices.reversed() {
            guard let parent = units[index].parent else { continue }
            units[parent].children.append(index)
            units[parent].cells.merge(units[index].cells)
        }
        for index in units.indices {
            units[index].children.reverse()
            units[index] = GeographyUnit(rebuilding: units[index])
        }
        self.units = units
    }

    /// The units of one level, in publication order.
    public func indices(of level: GeographicLevel) -> [Int] {
        units.indices.filter { units[$0].geography.level == level }
    }
}

extension GeographyUnit {
    /// The same unit with statuses recomputed from its (now complete) cells.
    init(rebuilding unit: GeographyUnit) {
        self.init(geography: unit.geography, cells: unit.cells, pupilsOnRoll: unit.pupilsOnRoll,
                  parent: unit.parent, benchmark: unit.benchmark)
        children = unit.children
    }
}
