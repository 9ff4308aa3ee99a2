import Foundation
import Testing
import WellbeingCore
import WellbeingResources

@Suite("Catalogue")
struct CatalogueTests {
    @Test("the shipped catalogue holds SRC-WB-1's 20 items and WB01–WB12 plus RESP")
    func shippedCatalogue() {
        let catalogue = TestData.catalogue
        #expect(catalogue.instrument.id == "SRC-WB-1")
        #expect(catalogue.instrument.items.count == 20)
        #expect(catalogue.indicators.map(\.id) == (1...12).map { String(format: "WB%02d", $0) } + ["RESP"])
        #expect(catalogue.indicators.filter(\.sensitive).map(\.id) == ["WB02", "WB05", "WB06", "WB12"])
        #expect(catalogue.indicator(id: "WB01")?.kind == .mean)
        #expect(catalogue.indicator(id: "RESP")?.kind == .count)
        #expect(catalogue.instrument.items[catalogue.instrument.index(of: "DRUNK_4WK")!].years == 10...13)
    }

    /// The scale authors' conversion table, copied from instrument.md by hand.
    static let metric: [Int: Double] = [
        7: 7.00, 8: 9.51, 9: 11.25, 10: 12.40, 11: 13.33, 12: 14.08, 13: 14.75, 14: 15.32, 15: 15.84, 16: 16.36,
        17: 16.88, 18: 17.43, 19: 17.98, 20: 18.59, 21: 19.25, 22: 19.98, 23: 20.73, 24: 21.54, 25: 22.35,
        26: 23.21, 27: 24.11, 28: 25.03, 29: 26.02, 30: 27.03, 31: 28.13, 32: 29.31, 33: 30.70, 34: 32.55, 35: 35.00,
    ]

    @Test("SWEMWBS raw sums map to the metric score exactly", arguments: 7...35)
    func swemwbsConversion(raw: Int) {
        let scorer = PupilScorer(catalogue: TestData.catalogue)
        let outcomes = scorer.outcomes(for: TestData.pupil(TestData.swemwbs(raw: raw), year: 9))
        let expected = Int64((Self.metric[raw]! * 100).rounded())
        #expect(outcomes[TestData.indicatorIndex("WB01")] == .score(expected))
        // WB02: metric below 18.00 — raw 19 (17.98) is low, raw 20 (18.59) is not.
        #expect(outcomes[TestData.indicatorIndex("WB02")] == .counted(raw <= 19))
    }

    @Test("a missing SWEMWBS item takes the pupil out of WB01 and WB02")
    func incompleteSwemwbs() {
        var answers = TestData.swemwbs(raw: 20)
        answers["SWEMWBS4"] = nil
        let outcomes = PupilScorer(catalogue: TestData.catalogue).outcomes(for: TestData.pupil(answers))
        #expect(outcomes[TestData.indicatorIndex("WB01")] == .excluded)
        #expect(outcomes[TestData.indicatorIndex("WB02")] == .excluded)
        #expect(outcomes[TestData.indicatorIndex("RESP")] == .counted(true))
    }

    @Test("WB08 needs a friend and at least two of three people to talk to", arguments: [
        ([1, 1, 1, 2], true), ([1, 1, 2, 1], true), ([1, 2, 1, 1], true), ([3, 1, 2, 2], false),
        ([0, 1, 1, 1], false), ([2, 2, 2, 2], false),
    ])
    func goodRelationships(values: [Int], expected: Bool) {
        let pupil = TestData.pupil(["FRIENDS": values[0], "TALK_PARENT": values[1], "TALK_FRIEND": values[2],
                                    "TALK_ADULT": values[3]], year: 5)
        let outcomes = PupilScorer(catalogue: TestData.catalogue).outcomes(for: pupil)
        #expect(outcomes[TestData.indicatorIndex("WB08")] == .counted(expected))
    }

    @Test("years decide who counts: WB12 only from year 10, SAFE from year 4, nothing in year 3")
    func years() {
        let scorer = PupilScorer(catalogue: TestData.catalogue)
        let answers = ["DRUNK_4WK": 2, "DRUGS_4WK": 0, "SAFE": 4]
        let year9 = scorer.outcomes(for: TestData.pupil(answers, year: 9))
        let year10 = scorer.outcomes(for: TestData.pupil(answers, year: 10))
        let year3 = scorer.outcomes(for: TestData.pupil(answers, year: 3))
        #expect(year9[TestData.indicatorIndex("WB12")] == .excluded)
        #expect(year10[TestData.indicatorIndex("WB12")] == .counted(true))
        #expect(year9[TestData.indicatorIndex("WB03")] == .counted(true))
        #expect(year3.allSatisfy { $0 == .excluded })
    }

    @Test("every proportion's numerator follows its threshold", arguments: [
        ("WB03", "SAFE", 3, false), ("WB03", "SAFE", 4, true), ("WB04", "ENJOY", 5, true),
        ("WB05", "BULLIED", 0, false), ("WB05", "BULLIED", 1, true), ("WB06", "BULLIED", 2, false),
        ("WB06", "BULLIED", 3, true), ("WB07", "ADULT", 1, true), ("WB07", "ADULT", 3, false),
        ("WB09", "FRUITVEG", 4, false), ("WB09", "FRUITVEG", 5, true), ("WB10", "ACTIVE_DAYS", 6, false),
        ("WB10", "ACTIVE_DAYS", 7, true), ("WB11", "GROUP_ACTIVITY", 1, true), ("WB11", "GROUP_ACTIVITY", 2, false),
    ])
    func thresholds(indicator: String, item: String, value: Int, expected: Bool) {
        let outcomes = PupilScorer(catalogue: TestData.catalogue).outcomes(for: TestData.pupil([item: value]))
        #expect(outcomes[TestData.indicatorIndex(indicator)] == .counted(expected))
    }

    @Test("an indicator added in a catalogue file needs no code change")
    func addedIndicator() throws {
        let url = fixture("catalogues/extra-indicator.json")
        let catalogue: Catalogue = try ShippedReferenceData.decode(url, what: "catalogue")
        #expect(catalogue.indicators.last?.id == "WB13")
        let scorer = PupilScorer(catalogue: catalogue)
        let index = catalogue.indicators.count - 1
        let active = scorer.outcomes(for: TestData.pupil(["ACTIVE_DAYS": 5, "FRUITVEG": 5], year: 6))
        let lazy = scorer.outcomes(for: TestData.pupil(["ACTIVE_DAYS": 1, "FRUITVEG": 5], year: 6))
        #expect(active[index] == .counted(true))
        #expect(lazy[index] == .counted(false))
        // The mean of ACTIVE_DAYS (raw score, no table) in hundredths.
        #expect(active[index - 1] == .score(500))
    }

    @Test("a broken catalogue is refused with a message naming the problem", arguments: [
        ("unknown-item.json", "does not have"),
        ("bad-table.json", "no entry for raw sum"),
        ("wrong-format.json", "catalogue format"),
        ("numerator-outside-denominator.json", "not in the denominator"),
    ])
    func brokenCatalogues(file: String, message: String) {
        #expect {
            let _: Catalogue = try ShippedReferenceData.decode(fixture("catalogues/invalid/\(file)"), what: "catalogue")
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
