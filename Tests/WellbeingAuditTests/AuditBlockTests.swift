import Testing
@testable import WellbeingCore

/// Which hidden cells the audit's narrowed blocks hold: what they leave out is held at its true value.
@Suite("Audit blocks")
struct AuditBlockTests {
    /// Camden, Islington and Hackney (all London), two schools each; every WB03 cell hidden.
    static func london() -> IndicatorTable {
        let hackney = Fixture.reference.localAuthorities.authority(code: "204")!
        var schools: [SchoolAggregate] = []
        for (l, la) in [Fixture.camden, Fixture.islington, hackney].enumerated() {
            for s in 0..<2 { schools.append(Fixture.school(100_000 + 10 * l + s, in: la, Fixture.pupils(12, safe: 3))) }
        }
        var table = Fixture.table(schools)
        let indicator = Fixture.indicator("WB03")
        for unit in table.units.indices {
            for category in 0..<table.layout.count
            where table.units[unit].status(category: category, indicator: indicator) != .empty {
                table.setStatus(.secondary, CellReference(unit: unit, category: category, indicator: indicator))
            }
        }
        return table
    }

    @Test("a pair block holds its two LAs' schools and every LA of the region, not the third LA's schools")
    func pairBlockKeepsTwoBranches() throws {
        let table = Self.london()
        let cell = Fixture.cell(table, urn: 100_000, category: "Female", breakdown: .sex)
        let islington = Fixture.cell(table, la: "206").unit
        let block = try #require(AuditBlock(pair: cell, partner: islington, in: table))
        let units = Set(block.hiddenCells(in: table).map(\.unit))
        for urn in [100_000, 100_001, 100_010, 100_011] { #expect(units.contains(Fixture.cell(table, urn: urn).unit)) }
        for urn in [100_020, 100_021] { #expect(!units.contains(Fixture.cell(table, urn: urn).unit), "Hackney school \(urn)") }
        for la in ["202", "206", "204"] { #expect(units.contains(Fixture.cell(table, la: la).unit), "LA \(la)") }
        // The whole parent's family holds every school of the region.
        let family = AuditBlock(family: CellReference(unit: table.units[cell.unit].parent!, category: cell.category,
                                                      indicator: cell.indicator), in: table)
        #expect(Set(family.hiddenCells(in: table).map(\.unit)).isSuperset(of: units.union(
            [Fixture.cell(table, urn: 100_020).unit, Fixture.cell(table, urn: 100_021).unit])))
    }

    /// Either way round, so that sibling order alone cannot pass: a republished LA's schools, and the LA expected.
    @Test("the partner is the parent's sibling with the most hidden cells below it",
          arguments: [([100_010, 100_011], "204"), ([100_020, 100_021], "206")])
    func partnerHasTheMostHiddenCells(published urns: [Int], expected: String) {
        var table = Self.london()
        let indicator = Fixture.indicator("WB03")
        for urn in urns {
            let unit = Fixture.cell(table, urn: urn).unit
            for category in 0..<table.layout.count where table.units[unit].status(category: category, indicator: indicator)
                .isSuppressed
            {
                table.setStatus(.published, CellReference(unit: unit, category: category, indicator: indicator))
            }
        }
        let cell = Fixture.cell(table, urn: 100_000, category: "Female", breakdown: .sex)
        let camden = Fixture.cell(table, la: "202").unit
        let partners = AuditBlock.partners(for: [cell], in: table)
        #expect(partners[AuditFamily(parent: camden, indicator: indicator)] == Fixture.cell(table, la: expected).unit)
    }
}
