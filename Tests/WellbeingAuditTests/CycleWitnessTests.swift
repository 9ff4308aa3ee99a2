import Testing
import WellbeingAudit
@testable import WellbeingCore

/// The witnesses that settle school cells without an LP, checked against a second solver over the whole table.
@Suite("Cycle witnesses are feasible")
struct CycleWitnessTests {
    /// A small country under the floor of secondary suppression, and its audit.
    static func floored(seed: UInt64) -> (IndicatorTable, DisclosureAudit) {
        var table = IndependentSolverTests.smallCountry(seed: seed)
        DisclosureControl(policy: .standard).protect(&table)
        return (table, DisclosureAudit(table: table, policy: .standard, auditor: GLPKAuditor()))
    }

    @Test("every value a witness reaches is feasible for the whole table, and a settled primary cell is protected",
          arguments: [1, 2, 3] as [UInt64])
    func witnessesAreFeasible(seed: UInt64) throws {
        let (table, audit) = Self.floored(seed: seed)
        let settled = CycleWitness(model: audit.model).settle(Set(audit.hiddenCells)).entries
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
        let settled = CycleWitness(model: audit.model).settle(Set(audit.hiddenCells)).entries
        let report = try DisclosureControl(policy: .standard).audit(table, auditor: GLPKAuditor())
        // Primary cells alone leave cells exposed; none of them may be among those the witnesses settle.
        let exposed = Set(report.exposed.map(\.cell))
        #expect(!exposed.isEmpty)
        #expect(exposed.isDisjoint(with: settled.keys))
    }

    @Test("a cell the witnesses call exposed at home is exposed in its home block's LP", arguments: [1, 2, 3] as [UInt64])
    func exposedAtHomeAgreesWithTheLP(seed: UInt64) throws {
        var table = IndependentSolverTests.smallCountry(seed: seed)
        PrimarySuppression(policy: .standard).apply(to: &table)
        let audit = DisclosureAudit(table: table, policy: .standard, auditor: GLPKAuditor())
        let exposed = CycleWitness(model: audit.model).settle(Set(audit.hiddenCells)).exposedAtHome
        #expect(!exposed.isEmpty, "primary cells alone leave some count short in its LA's breakdown")
        for cell in exposed.sorted() {
            let problems = audit.model.problems(in: AuditBlock(home: cell, in: table)) { $0 == cell }
            let ranges = try GLPKAuditor(workers: 1).ranges(of: problems)
            let measures = zip(problems, ranges).flatMap { zip($0.targets, $1) }
            #expect(!measures.isEmpty)
            let short = measures.contains { target, feasible in
                guard let required = target.required else { return false }
                return feasible.lower.value > Double(required.lowerBound) + 1e-6
                    || feasible.upper.value < Double(required.upperBound) - 1e-6
            }
            #expect(short, "\(table.location(of: cell)): the LP moves every end as far as its protection asks")
        }
    }

    @Test("a family witness reaches only values feasible for the whole table, and both ends of each cell it proves",
          arguments: [1, 2, 3] as [UInt64])
    func familyWitnessesAreFeasible(seed: UInt64) throws {
        let (table, audit) = Self.floored(seed: seed)
        var reached: [CellReference: CycleWitness.Reach] = [:]
        let proved = CycleWitness(model: audit.model)
            .settleInFamilies(audit.hiddenCells.filter { table.status($0).isPrimary }, observing: &reached)
        #expect(proved.count >= 5, "school totals hidden by the floor let family witnesses prove cells here")
        let reference = try HiGHSReference.intervals(table)
        for (cell, reach) in reached {
            for (position, quantity) in audit.model.quantities(indicator: cell.indicator).enumerated() {
                guard let moved = reach[position] else { continue }
                let exact = try #require(reference[cell]?[quantity])
                #expect(Double(moved.lowerBound) >= exact.lowerBound - 1e-6, "\(table.location(of: cell))")
                #expect(Double(moved.upperBound) <= exact.upperBound + 1e-6, "\(table.location(of: cell))")
            }
        }
        for cell in proved {
            for (position, quantity) in audit.model.quantities(indicator: cell.indicator).enumerated() {
                let required = try #require(audit.model.required(quantity, of: cell))
                // The true value is feasible too: a witness records only where it moved the cell.
                let value = audit.model.value(quantity, of: cell)
                let moved = reached[cell]?[position].map { min($0.lowerBound, value)...max($0.upperBound, value) } ?? value...value
                #expect(moved.lowerBound <= required.lowerBound && moved.upperBound >= required.upperBound,
                        "\(table.location(of: cell)) \(quantity): reached \(moved), needs \(required)")
            }
        }
    }

    @Test("whole-pupil bundles move the quantity asked, fit the cell, and are offered only where one quantity may need the other",
          arguments: [1, 2] as [UInt64])
    func bundlesMoveWholePupils(seed: UInt64) throws {
        let (table, audit) = Self.floored(seed: seed)
        let witness = CycleWitness(model: audit.model)
        var offered = (means: 0, proportions: 0)
        for cell in audit.hiddenCells where table.status(cell).isPrimary {
            let quantities = audit.model.quantities(indicator: cell.indicator)
            for quantity in quantities {
                let required = try #require(audit.model.required(quantity, of: cell))
                let value = audit.model.value(quantity, of: cell)
                for change in [required.upperBound - value, required.lowerBound - value] where change != 0 {
                    let bundles = witness.bundles(of: cell, moving: quantity, by: change)
                    switch quantity {
                    case .count:
                        #expect(bundles.isEmpty, "a count end's joint move is exact; it needs no bundle")
                    case .respondents where quantities.count == 1:
                        #expect(bundles.isEmpty)
                    case .respondents:
                        for bundle in bundles {
                            #expect(bundle.n == change)
                            if quantities[1] == .count {
                                // Some of the pupils counted, not none (n alone) nor all (the joint move).
                                #expect(bundle.other != 0 && bundle.other != change && (bundle.other > 0) == (change > 0))
                            }
                        }
                    case .scoreSum:
                        for bundle in bundles {
                            #expect(bundle.other == change && bundle.n != 0 && (bundle.n > 0) == (change > 0))
                        }
                    }
                    for bundle in bundles {
                        #expect(witness.fits(cell, n: bundle.n, other: bundle.other))
                    }
                    if quantities.last == .scoreSum { offered.means += bundles.count }
                    if quantities.last == .count { offered.proportions += bundles.count }
                }
            }
        }
        #expect(offered.means > 0 && offered.proportions > 0)
    }
}
