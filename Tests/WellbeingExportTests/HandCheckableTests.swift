import Testing
import WellbeingCore
import WellbeingExport

/// `Fixtures/valid/hand-checkable.xml` against the figures worked out by hand in
/// `hand-checkable.expected.md` (two Camden schools, 30 and 12 pupils).
@Suite("Hand-checked return")
struct HandCheckableTests {
    static let expected: [(id: String, a: (Int, Int), b: (Int, Int), la: (Int, Int))] = [
        ("WB02", (28, 6), (11, 3), (39, 9)),
        ("WB03", (27, 20), (11, 8), (38, 28)),
        ("WB04", (29, 15), (12, 6), (41, 21)),
        ("WB05", (28, 10), (12, 3), (40, 13)),
        ("WB06", (28, 4), (12, 2), (40, 6)),
        ("WB07", (30, 22), (11, 10), (41, 32)),
        ("WB08", (28, 18), (12, 6), (40, 24)),
        ("WB09", (29, 9), (12, 4), (41, 13)),
        ("WB10", (29, 6), (11, 3), (40, 9)),
        ("WB11", (27, 12), (12, 7), (39, 19)),
        ("WB12", (0, 0), (0, 0), (0, 0)),
        ("RESP", (30, 30), (12, 12), (42, 42)),
    ]

    @Test("n and count per indicator for each school and the LA", arguments: expected)
    func counts(row: (id: String, a: (Int, Int), b: (Int, Int), la: (Int, Int))) throws {
        let table = try Pipeline.rawTable(["valid/hand-checkable.xml"])
        let i = Pipeline.indicator(row.id)
        let la = table.units[table.indices(of: .localAuthority)[0]].cells
        let schools = table.indices(of: .school).map { table.units[$0] }
        #expect(schools.map { $0.geography.school?.urn } == [100049, 100050])
        let a = schools[0].cells, b = schools[1].cells
        #expect((a.n(category: 0, indicator: i), a.count(category: 0, indicator: i)) == row.a)
        #expect((b.n(category: 0, indicator: i), b.count(category: 0, indicator: i)) == row.b)
        #expect((la.n(category: 0, indicator: i), la.count(category: 0, indicator: i)) == row.la)
    }

    @Test("WB01 sums the authors' metric scores (26.02 for raw 29, not 25.99)")
    func metricSums() throws {
        let table = try Pipeline.rawTable(["valid/hand-checkable.xml"])
        let wb01 = Pipeline.indicator("WB01")
        let schools = table.indices(of: .school).map { table.units[$0].cells }
        let la = table.units[table.indices(of: .localAuthority)[0]].cells
        #expect(schools[0].scoreSums(category: 0, indicator: wb01).sum == 61383)
        #expect(schools[1].scoreSums(category: 0, indicator: wb01).sum == 23686)
        #expect(la.scoreSums(category: 0, indicator: wb01).sum == 85069)
        #expect(la.n(category: 0, indicator: wb01) == 39)
    }

    @Test("n by sex for the LA, as worked out by hand")
    func sexBreakdown() throws {
        let table = try Pipeline.rawTable(["valid/hand-checkable.xml"])
        let la = table.units[table.indices(of: .localAuthority)[0]].cells
        let sexSlots = Array(table.layout.slots(of: .sex))
        func bySex(_ id: String) -> [Int] {
            sexSlots.map { la.n(category: $0, indicator: Pipeline.indicator(id)) }
        }
        #expect(bySex("RESP") == [20, 19, 2, 1])
        #expect(bySex("WB01") == [18, 19, 1, 1])
        #expect(bySex("WB03") == [19, 18, 1, 0])
        #expect(bySex("WB11") == [19, 18, 2, 0])
    }

    @Test("published LA rows carry percent, Wilson limits and t-interval as independently computed")
    func publishedStatistics() throws {
        let tables = try Pipeline.protectedTables(["valid/hand-checkable.xml"])
        var rows: [String: PublishedRow] = [:]
        tables[0].forEachRow(levels: [.localAuthority]) { row in
            if row.breakdown == .total { rows[row.indicator.id] = row }
        }
        // WB03: 28 of 38. Wilson with z = 1.959964: 57.9911…, 85.0283… (statsmodels agrees to 1e-7).
        let wb03 = try #require(rows["WB03"])
        #expect(wb03.respondents == .number("38"))
        #expect(wb03.count == .number("28"))
        #expect(wb03.percent == .number("73.7"))
        #expect(wb03.percentLowerCI == .number("58.0"))
        #expect(wb03.percentUpperCI == .number("85.0"))
        #expect(wb03.mean == .z)
        // WB01: 850.69 / 39 = 21.8126; sd 4.27356; t(0.975, 38) interval 20.4272…, 23.1979… (scipy).
        let wb01 = try #require(rows["WB01"])
        #expect(wb01.mean == .number("21.81"))
        #expect(wb01.sd == .number("4.27"))
        #expect(wb01.meanLowerCI == .number("20.43"))
        #expect(wb01.meanUpperCI == .number("23.20"))
        #expect(wb01.count == .z && wb01.percent == .z)
        // A single-LA table: the LA is the whole of England, so every comparison is Similar.
        #expect(wb03.comparison == .similar)
        // RESP: 42 respondents ÷ 75 on roll (20 + 25 + 30) = 56.0%.
        #expect(try #require(rows["RESP"]).responseRate == .number("56.0"))
        // WB12 has no respondents in years 7–9, so it has no row at all.
        #expect(rows["WB12"] == nil)
    }

    @Test("the small school's cells are hidden, and hiding never leaves one hidden cell in a relation")
    func suppression() throws {
        let table = try Pipeline.protectedTables(["valid/hand-checkable.xml"])[0]
        // School B has 12 pupils: WB06 2 of 12 breaks P2, so it is hidden; A's WB06 then hides too.
        let wb06 = Pipeline.indicator("WB06")
        let schools = table.indices(of: .school)
        #expect(table.units[schools[1]].status(category: 0, indicator: wb06) == .primarySmallCount)
        #expect(table.units[schools[0]].status(category: 0, indicator: wb06).isSuppressed)
        for relation in table.additiveRelations {
            let hidden = ([relation.total] + relation.parts).filter { table.status($0).isSuppressed }.count
            #expect(hidden != 1)
        }
    }
}
