import Testing
import WellbeingAudit
@testable import WellbeingCore

/// The witnesses that settle school cells without an LP, checked against a second solver over the whole table.
@Suite("Cycle witnesses are feasible")
struct CycleWitnessTests {
    @Test("every value a witness reaches is feasible for the whole table, and a settled primary cell is protected",
          arguments: [1, 2, 3] as [UInt64])
    func witnessesAreFeasible(seed: UInt64) throws {
        var table = IndependentSolverTests.smallCountry(seed: seed)
        DisclosureControl(policy: .standard).protect(&table)
        let audit = DisclosureAudit(table: table, policy: .standard, auditor: GLPKAuditor())
        let settled = CycleWitness(model: audit.model).settledEntries(for: Set(audit.hiddenCells))
        let primaries = settled.values.filter { $0.status.isPrimary }
        #expect(primaries.count >= 10, "the witnesses should settle most small school cells here")
        let reference = try HiGHSReference.intervals(table)
        for entry in settled.values {
            for measure in entry.measures {
                let exact = try #require(reference[entry.cell]?[measure.quantity])
                #expect(measure.feasible.lower.value >= exact.lowerBound - 1e-6, "\(table.location(of: entry.cell))")
                #expect(measure.feasible.upper.value <= exact.upperBound + 1e-6, "\(table.location(of: entry.cell))")
                #expect(!measure.feasible.lower.isExtreme && !measure.feasible.upper.isExtreme)
            }
            if entry.status.isPrimary { #expect(entry.isProtected, "\(table.location(of: entry.cell))") }
        }
    }

    @Test("no cell the LP finds exposed is ever settled by a witness")
    func exposedCellsAreNotSettled() throws {
        var table = IndependentSolverTests.smallCountry(seed: 1)
        PrimarySuppression(policy: .standard).apply(to: &table)
        let audit = DisclosureAudit(table: table, policy: .standard, auditor: GLPKAuditor())
        let settled = CycleWitness(model: audit.model).settledEntries(for: Set(audit.hiddenCells))
        let report = try DisclosureControl(policy: .standard).audit(table, auditor: GLPKAuditor())
        // Primary cells alone leave cells exposed; none of them may be among those the witnesses settle.
        let exposed = Set(report.exposed.map(\.cell))
        #expect(!exposed.isEmpty)
        #expect(exposed.isDisjoint(with: settled.keys))
    }
}
