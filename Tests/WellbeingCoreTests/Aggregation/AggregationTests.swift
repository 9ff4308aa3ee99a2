import Testing
import WellbeingCore

@Suite("Aggregation")
struct AggregationTests {
    let wb03 = TestData.indicatorIndex("WB03")
    let wb01 = TestData.indicatorIndex("WB01")
    let resp = TestData.indicatorIndex("RESP")

    @Test("a pupil counts in the total and in one category of every breakdown")
    func categories() {
        let layout = CategoryLayout(catalogue: TestData.catalogue)
        let school = TestData.school(urn: 100001, la: TestData.camden, pupils: [
            TestData.pupil(["SAFE": 5], year: 8, sex: .male, fsm: .eligible, sen: .support, ethnicity: .asian),
            TestData.pupil(["SAFE": 2], year: 8, sex: .female, fsm: .notEligible, sen: .none, ethnicity: .asian),
        ])
        let cells = school.cells
        func slot(_ breakdown: Breakdown, _ label: String) -> Int {
            layout.slots(of: breakdown).first { layout.categories[$0].label == label }!
        }
        #expect(cells.n(category: 0, indicator: wb03) == 2)
        #expect(cells.count(category: 0, indicator: wb03) == 1)
        #expect(cells.n(category: slot(.sex, "Male"), indicator: wb03) == 1)
        #expect(cells.count(category: slot(.sex, "Male"), indicator: wb03) == 1)
        #expect(cells.count(category: slot(.sex, "Female"), indicator: wb03) == 0)
        #expect(cells.n(category: slot(.yearGroup, "Year 8"), indicator: wb03) == 2)
        #expect(cells.n(category: slot(.fsmStatus, "FSM eligible"), indicator: wb03) == 1)
        #expect(cells.n(category: slot(.senStatus, "SEN support"), indicator: wb03) == 1)
        #expect(cells.n(category: slot(.ethnicityMajor, "Asian"), indicator: wb03) == 2)
        #expect(cells.n(category: slot(.ethnicityMajor, "White"), indicator: wb03) == 0)
        // Every breakdown's categories add up to the total.
        for breakdown in Breakdown.filters {
            #expect(layout.slots(of: breakdown).reduce(0) { $0 + cells.n(category: $1, indicator: wb03) } == 2)
        }
    }

    @Test("year-group categories run from Year 4 to Year 13 for SRC-WB-1")
    func yearCategories() {
        let layout = CategoryLayout(catalogue: TestData.catalogue)
        let labels = layout.slots(of: .yearGroup).map { layout.categories[$0].label }
        #expect(labels == (4...13).map { "Year \($0)" })
        #expect(layout.count == 1 + 4 + 10 + 3 + 4 + 7)
    }

    @Test("mean sums are exact hundredths and merge in any order to the same result")
    func meanSums() {
        // raw 14 → 15.32, raw 21 → 19.25, raw 28 → 25.03
        let pupils = [14, 21, 28].map { TestData.pupil(TestData.swemwbs(raw: $0), year: 9) }
        let a = TestData.school(urn: 100001, la: TestData.camden, pupils: Array(pupils.prefix(1)))
        let b = TestData.school(urn: 100002, la: TestData.camden, pupils: Array(pupils.suffix(2)))
        var ab = a.cells
        ab.merge(b.cells)
        var ba = b.cells
        ba.merge(a.cells)
        #expect(ab == ba)
        let sums = ab.scoreSums(category: 0, indicator: wb01)
        #expect(sums.sum == 1532 + 1925 + 2503)
        #expect(sums.sumOfSquares == 1532 * 1532 + 1925 * 1925 + 2503 * 2503)
        #expect(ab.n(category: 0, indicator: wb01) == 3)
    }

    @Test("a narrowed accumulator reads, compares and merges as the wide one, and widens when a pupil is added")
    func narrowedCounts() {
        let pupils = [14, 21, 28].map { TestData.pupil(TestData.swemwbs(raw: $0), year: 9) }
            + [TestData.pupil(["SAFE": 5], sex: .male), TestData.pupil(["SAFE": 1], year: 11)]
        var school = TestData.school(urn: 100001, la: TestData.camden, pupils: pupils)
        let wide = school.cells
        school.cells.narrow()
        let narrow = school.cells
        #expect(narrow == wide && narrow.hashValue == wide.hashValue && narrow.counts == wide.counts)
        for category in 0..<wide.categoryCount {
            for indicator in 0..<wide.indicatorCount {
                #expect(narrow.n(category: category, indicator: indicator)
                        == wide.n(category: category, indicator: indicator))
                #expect(narrow.count(category: category, indicator: indicator)
                        == wide.count(category: category, indicator: indicator))
            }
        }
        var wideFirst = wide
        wideFirst.merge(narrow)
        var narrowFirst = narrow
        narrowFirst.merge(wide)
        #expect(wideFirst == narrowFirst)
        #expect(narrowFirst.n(category: 0, indicator: wb03) == 4)
        #expect(narrowFirst.count(category: 0, indicator: wb03) == 2)
        // A pupil added to a narrowed school counts exactly as one added before.
        var aggregator = PupilAggregator(catalogue: TestData.catalogue)
        aggregator.add(TestData.pupil(["SAFE": 4]), to: &school)
        let direct = TestData.school(urn: 100001, la: TestData.camden, pupils: pupils + [TestData.pupil(["SAFE": 4])])
        #expect(school.cells == direct.cells)
        #expect(school.cells.n(category: 0, indicator: wb03) == 3)
        #expect(school.cells.count(category: 0, indicator: wb03) == 2)
    }

    @Test("counts past 16 bits stay exact: such an accumulator is not narrowed")
    func countsPastSixteenBits() {
        var cells = TestData.school(urn: 100001, la: TestData.camden, pupils: [TestData.pupil(["SAFE": 5])]).cells
        for _ in 0..<16 { cells.merge(cells) }
        cells.narrow()
        #expect(cells.n(category: 0, indicator: wb03) == 65_536)
        #expect(cells.count(category: 0, indicator: wb03) == 65_536)
    }

    @Test("the table sums schools into LAs, regions and England")
    func hierarchy() {
        let schools = [
            TestData.school(urn: 100001, la: TestData.camden, pupils: Array(repeating: TestData.pupil(["SAFE": 5]), count: 12)),
            TestData.school(urn: 100002, la: TestData.camden, pupils: Array(repeating: TestData.pupil(["SAFE": 1]), count: 20)),
            TestData.school(urn: 100003, la: TestData.islington, pupils: Array(repeating: TestData.pupil(["SAFE": 4]), count: 30)),
        ]
        let table = IndicatorTable(catalogue: TestData.catalogue, wave: TestData.wave, schools: schools)
        #expect(table.units.map(\.geography.level) == [.national, .regional, .localAuthority, .localAuthority,
                                                       .school, .school, .school])
        let england = table.units[0]
        #expect(england.cells.n(category: 0, indicator: wb03) == 62)
        #expect(england.cells.count(category: 0, indicator: wb03) == 42)
        let camden = table.units[table.indices(of: .localAuthority)[0]]
        #expect(camden.geography.localAuthority?.code == "202")
        #expect(camden.cells.n(category: 0, indicator: wb03) == 32)
        #expect(camden.cells.count(category: 0, indicator: wb03) == 12)
        #expect(table.units[1].geography.region?.code == "E12000007")
        #expect(table.units[1].cells.n(category: 0, indicator: resp) == 62)
        // Schools are benchmarked against their LA, LAs against England.
        let school = table.units[table.indices(of: .school)[0]]
        #expect(school.benchmark == table.indices(of: .localAuthority)[0])
        #expect(camden.benchmark == 0)
    }

    @Test("a later return's school replaces the earlier one; a rejected return adds nothing")
    func supersession() {
        var aggregator = ReturnAggregator(catalogue: TestData.catalogue)
        let header = ReturnHeader(returnId: "R1", wave: TestData.wave, academicYear: AcademicYear(code: "202627")!,
                                  instrumentID: "SRC-WB-1", localAuthority: TestData.camden,
                                  generated: "2026-11-02T10:15:00Z")
        let school = SchoolRecord(urn: 100049, laestab: 2024104, name: "Hampstead School", phase: .secondary)
        func submit(_ pupils: Int, valid: Bool) {
            aggregator.begin(header)
            aggregator.school(school)
            for _ in 0..<pupils { aggregator.pupil(TestData.pupil(["SAFE": 5])) }
            aggregator.endSchool()
            aggregator.end(valid: valid)
        }
        submit(15, valid: true)
        submit(40, valid: false)
        #expect(aggregator.aggregation.schools[TestData.wave]?[100049]?.cells.n(category: 0, indicator: wb03) == 15)
        submit(22, valid: true)
        #expect(aggregator.aggregation.schoolCount == 1)
        #expect(aggregator.aggregation.schools[TestData.wave]?[100049]?.cells.n(category: 0, indicator: wb03) == 22)
    }
}
