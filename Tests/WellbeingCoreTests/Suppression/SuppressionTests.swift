import Testing
import WellbeingCore

@Suite("Primary and secondary suppression")
struct SuppressionTests {
    let rules = PrimarySuppression(policy: .standard)
    let wb03 = TestData.catalogue.indicator(id: "WB03")!  // not sensitive
    let wb05 = TestData.catalogue.indicator(id: "WB05")!  // sensitive
    let wb01 = TestData.catalogue.indicator(id: "WB01")!  // mean

    @Test("P1–P3 with the default policy", arguments: [
        (9, 5, "WB03", CellStatus?.some(.primaryBase)),
        (10, 5, "WB03", nil),
        (10, 4, "WB03", .primarySmallCount),
        (20, 16, "WB03", .primarySmallCount),
        (20, 15, "WB03", nil),
        (20, 0, "WB03", nil),
        (20, 0, "WB05", .primaryGroupDisclosure),
        (49, 49, "WB05", .primaryGroupDisclosure),
        (50, 0, "WB05", nil),
        (12, 3, "WB01", nil),
        (9, 0, "WB01", .primaryBase),
        (0, 0, "WB03", nil),
    ])
    func primaryRules(n: Int, count: Int, indicator: String, expected: CellStatus?) {
        #expect(rules.rule(n: n, count: count, indicator: TestData.catalogue.indicator(id: indicator)!) == expected)
    }

    @Test("the protection interval is 30% rounded up, at least 1", arguments: [
        (0, 1), (1, 1), (3, 1), (4, 2), (10, 3), (11, 4), (100, 30),
    ])
    func protection(x: Int, p: Int) {
        #expect(SuppressionPolicy.standard.protection(for: x) == p)
    }

    @Test("after secondary suppression no additive relation has exactly one hidden cell")
    func noLoneHiddenCell() {
        // Camden: a school of 40 and a school of 6 (P1); Islington: one school of 60.
        let table = protectedTable()
        for relation in table.additiveRelations {
            let hidden = ([relation.total] + relation.parts).filter { table.status($0).isSuppressed }.count
            #expect(hidden != 1, "relation \(relation) leaves one hidden cell")
        }
    }

    @Test("a lone small school is protected by hiding another school, not the LA total")
    func smallSchool() {
        let table = protectedTable()
        let wb03 = TestData.indicatorIndex("WB03")
        let schools = table.indices(of: .school)
        #expect(table.units[schools[1]].status(category: 0, indicator: wb03) == .primaryBase)
        #expect(table.units[schools[0]].status(category: 0, indicator: wb03) == .secondary)
        let camden = table.indices(of: .localAuthority)[0]
        #expect(table.units[camden].status(category: 0, indicator: wb03) == .published)
    }

    @Test("hidden cells that cannot give way get a partner with room: a small count beside a category counting nobody")
    func partnersHaveRoom() {
        // One breakdown row: 60 girls and 50 boys (published), 6 of other sex none of whom feel safe (P1, count 0)
        // and 12 of unknown sex of whom 2 do (P2). Hidden together, the P2 count could not rise: the P1 cell has no
        // count to give. The floor must hide a category that does.
        func pupils(_ count: Int, safe: Int, sex: Sex) -> [PupilResponse] {
            (0..<count).map { i in TestData.pupil(["SAFE": i < safe ? 5 : 2], year: 8, sex: sex) }
        }
        let school = TestData.school(urn: 100001, la: TestData.camden,
                                     pupils: pupils(60, safe: 40, sex: .female) + pupils(50, safe: 30, sex: .male)
                                         + pupils(6, safe: 0, sex: .other) + pupils(12, safe: 2, sex: .unknown))
        let other = TestData.school(urn: 100002, la: TestData.camden, pupils: pupils(80, safe: 50, sex: .female))
        var table = IndicatorTable(catalogue: TestData.catalogue, wave: TestData.wave, schools: [school, other])
        DisclosureControl(policy: .standard).protect(&table)
        let wb03 = TestData.indicatorIndex("WB03")
        let unit = table.indices(of: .school)[0]
        let sexes = Array(table.layout.slots(of: .sex))
        let status = sexes.map { table.units[unit].status(category: $0, indicator: wb03) }
        #expect(status[2] == .primaryBase && status[3] == .primarySmallCount)
        // A rule that only pairs lone hidden cells would stop at the two primary cells.
        #expect(status[0] == .secondary || status[1] == .secondary, "\(status)")
        #expect(Self.everyRelationHasRoom(table))
        #expect(Self.everyRelationHasRoom(protectedTable()))
    }

    /// In every relation with a published total, the other hidden parts can give each hidden part its protection.
    static func everyRelationHasRoom(_ table: IndicatorTable) -> Bool {
        let policy = SuppressionPolicy.standard
        for relation in table.additiveRelations where !table.status(relation.total).isSuppressed {
            let hidden = relation.parts.filter { table.status($0).isSuppressed }
            func count(_ cell: CellReference) -> Int {
                table.units[cell.unit].cells.count(category: cell.category, indicator: cell.indicator)
            }
            let isProportion = table.catalogue.indicators[relation.total.indicator].kind == .proportion
            for part in hidden where table.status(part).isPrimary {
                let others = hidden.filter { $0 != part }
                if others.map(table.n).reduce(0, +) < policy.protection(for: table.n(part)) { return false }
                if isProportion, others.map(count).reduce(0, +) < policy.protection(for: count(part)) { return false }
            }
        }
        return true
    }

    @Test("the same input always gives the same pattern")
    func deterministic() {
        #expect(protectedTable().units.map(\.status) == protectedTable().units.map(\.status))
    }

    @Test("a hidden cell publishes no value at all, only c")
    func hiddenRows() {
        let table = protectedTable()
        var hidden = 0
        table.forEachRow { row in
            guard row.isSuppressed else { return }
            hidden += 1
            let values = [row.respondents, row.count, row.percent, row.percentLowerCI, row.percentUpperCI,
                          row.mean, row.sd, row.meanLowerCI, row.meanUpperCI]
            #expect(values.allSatisfy { $0 == .c || $0 == .z })
            #expect(row.comparison == .notCompared)
        }
        #expect(hidden > 0)
    }

    private func protectedTable() -> IndicatorTable {
        func pupils(_ count: Int, safe: Int) -> [PupilResponse] {
            (0..<count).map { i in TestData.pupil(["SAFE": i % 3 == 0 ? 2 : safe], year: 7 + i % 3,
                                                  sex: i % 2 == 0 ? .female : .male) }
        }
        let schools = [
            TestData.school(urn: 100001, la: TestData.camden, pupils: pupils(40, safe: 5)),
            TestData.school(urn: 100002, la: TestData.camden, pupils: pupils(6, safe: 4)),
            TestData.school(urn: 100003, la: TestData.islington, pupils: pupils(60, safe: 4)),
        ]
        var table = IndicatorTable(catalogue: TestData.catalogue, wave: TestData.wave, schools: schools)
        DisclosureControl(policy: .standard).protect(&table)
        return table
    }
}
