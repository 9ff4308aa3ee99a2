import Testing
import WellbeingAudit
import WellbeingCore

/// disclosure-control.md: a published rounded mean is published information, but only to its rounding.
///
/// The export's own audit credits the attacker with every published score sum
/// exactly; the re-audit from the files (`wellbeing audit DIR`) has only the
/// 2-decimal means. On a table where a hidden mean is recovered by subtraction,
/// the exact model pins it to a point and the rounded model to an interval
/// around it: the exact model is the stronger attacker.
@Suite("Published means known only to their rounding")
struct RoundedMeansTests {
    /// Camden: school A (8 pupils, hidden, P1) and school B (22, published); the LA, London and England published.
    ///
    /// WB01 score sums in hundredths: A 16989 (mean 21.24), B 47305 (21.50), the
    /// LA 64294 (21.43). Every pupil is in one category of each breakdown, so each
    /// unit's categories repeat its total.
    static func table(laTotalSum: Int64 = 64294) -> IndicatorTable {
        let camden = Fixture.camden
        let layout = CategoryLayout(catalogue: Fixture.catalogue)
        let labels: [(Breakdown, String)] = [(.total, "Total"), (.sex, "Unknown"), (.yearGroup, "Year 8"),
                                             (.fsmStatus, "Unknown"), (.senStatus, "Unknown"),
                                             (.ethnicityMajor, "Unclassified")]
        func cells(_ geography: Geography, n: Int, sum: Int64, status: CellStatus) -> [StatedCell] {
            labels.map { breakdown, label in
                let slot = layout.slots(of: breakdown).first { layout.categories[$0].label == label }!
                return StatedCell(geography: geography, indicator: Fixture.indicator("WB01"), category: slot, n: n,
                                  count: 0, scoreSum: sum, status: status)
            }
        }
        func school(_ urn: Int) -> Geography {
            Geography(level: .school, region: camden.region, localAuthority: camden,
                      school: SchoolRecord(urn: urn, laestab: 2_024_000 + urn % 1000, name: "School \(urn)",
                                           phase: .secondary))
        }
        let la = Geography(level: .localAuthority, region: camden.region, localAuthority: camden)
        let region = Geography(level: .regional, region: camden.region)
        let stated = cells(school(100_001), n: 8, sum: 16989, status: .primaryBase)
            + cells(school(100_002), n: 22, sum: 47305, status: .published)
            + cells(la, n: 30, sum: 64294, status: .published).enumerated().map { slot, cell in
                var cell = cell
                if slot == 0 { cell.scoreSum = laTotalSum }
                return cell
            }
            + cells(region, n: 30, sum: 64294, status: .published)
            + cells(.england, n: 30, sum: 64294, status: .published)
        return IndicatorTable(catalogue: Fixture.catalogue, wave: Fixture.wave,
                              academicYear: AcademicYear(code: "202627")!, cells: stated)
    }

    @Test("the rounding interval of a published mean is every sum that rounds to the same 2 decimals")
    func roundingInterval() {
        // 64294 / 30 = 2143.13 hundredths → "21.43"; 64275/30 = 2142.5 rounds up to it, 64305/30 = 2143.5 just not.
        #expect(PublishedMeans.roundedInterval(sum: 64294, n: 30) == 64275...64305)
        #expect(PublishedMeans.roundedInterval(sum: 47305, n: 22) == 47289...47311)
        // A half rounds away from zero: 47311 / 22 = 2150.5 → 2151.
        #expect(PublishedMeans.roundedInterval(sum: 47311, n: 22) == 47311...47333)
    }

    @Test("the rebuilt table adds up, and an edited total is a contradiction")
    func contradictions() {
        #expect(Self.table().contradictions.isEmpty)
        // The LA's total mean edited to 21.50 (sum 64500): no sums of its parts within rounding reach it.
        let table = Self.table(laTotalSum: 64500)
        let la = table.units.firstIndex { $0.geography.level == .localAuthority }!
        let found = table.contradictions
        #expect(found.contains { $0.total.unit == la && $0.quantity == .scoreSum })
        #expect(found.allSatisfy { $0.quantity == .scoreSum })
    }

    @Test("the exact model pins the hidden mean's score sum; the rounded model leaves exactly its rounding slack")
    func roundedIsWeaker() throws {
        let table = Self.table()
        let control = DisclosureControl(policy: Fixture.reference.policy)
        let exact = try control.audit(table, auditor: GLPKAuditor())
        let rounded = try control.audit(table, publishedMeans: .rounded, auditor: GLPKAuditor())
        let target = Fixture.cell(table, urn: 100_001, indicator: "WB01")
        let exactEntry = try #require(exact.entries.first { $0.cell == target })
        let roundedEntry = try #require(rounded.entries.first { $0.cell == target })

        // n: both attackers subtract B's published 22 from the LA's 30.
        for entry in [exactEntry, roundedEntry] {
            let n = try #require(entry.measures.first { $0.quantity == .respondents })
            #expect(n.feasible.lower.value.rounded() == 8 && n.feasible.upper.value.rounded() == 8)
        }
        // Score sum: exact, 64294 − 47305 = 16989 and nothing else; rounded, from 64275 − 47311 = 16964
        // to 64305 − 47289 = 17016.
        let exactSum = try #require(exactEntry.measures.first { $0.quantity == .scoreSum })
        let roundedSum = try #require(roundedEntry.measures.first { $0.quantity == .scoreSum })
        #expect(abs(exactSum.feasible.lower.value - 16989) < 1e-6 && abs(exactSum.feasible.upper.value - 16989) < 1e-6)
        #expect(abs(roundedSum.feasible.lower.value - 16964) < 1e-6)
        #expect(abs(roundedSum.feasible.upper.value - 17016) < 1e-6)
        #expect(roundedSum.feasible.lower.isExtreme && roundedSum.feasible.upper.isExtreme)
        #expect(roundedSum.feasible.lower.value < exactSum.feasible.lower.value
                    && roundedSum.feasible.upper.value > exactSum.feasible.upper.value)
        // Either way a 52-hundredths interval is far inside the protection interval 16989 ± 5097: exposed.
        #expect(roundedSum.required == 11892...22086)
        #expect(!exact.isPassed && !rounded.isPassed)
    }
}
