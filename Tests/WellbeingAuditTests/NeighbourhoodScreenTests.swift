import Synchronization
import Testing
import WellbeingAudit
@testable import WellbeingCore

/// Screening a big LA's school cells among a few neighbour schools: which schools, and that it stays sound.
@Suite("Neighbourhood screens")
struct NeighbourhoodScreenTests {
    /// Six Camden schools; in WB03 by sex, the first hides Female and Male, the others as listed.
    static func camden(hiding hidden: [[String]]) -> IndicatorTable {
        var schools: [SchoolAggregate] = []
        for s in 0..<6 {
            schools.append(Fixture.school(100_000 + s, in: Fixture.camden,
                                          Fixture.pupils(8, safe: 3) + Fixture.pupils(8, safe: 2, sex: .male)))
        }
        var table = Fixture.table(schools)
        for (s, categories) in hidden.enumerated() {
            for category in categories {
                table.setStatus(.secondary, Fixture.cell(table, urn: 100_000 + s, category: category, breakdown: .sex))
            }
        }
        return table
    }

    static let pattern = [["Female", "Male"], ["Female"], ["Female", "Male"], [], ["Male"], ["Female", "Male"]]

    @Test("the neighbours are the schools hiding most of the school's hidden cells, ties in unit order",
          arguments: [(2, [100_000, 100_002, 100_005]), (3, [100_000, 100_001, 100_002, 100_005])])
    func neighboursShareHiddenCells(count: Int, expected: [Int]) throws {
        let table = Self.camden(hiding: Self.pattern)
        let cell = Fixture.cell(table, urn: 100_000, category: "Female", breakdown: .sex)
        let block = try #require(AuditBlock(neighbourhood: cell, count: count, in: table))
        #expect(block.neighbours == expected.map { Fixture.cell(table, urn: $0).unit })
        // Every category of those schools, nothing of the others or of the LA.
        let cells = block.hiddenCells(in: table)
        #expect(Set(cells.map(\.unit)) == Set(expected.map { Fixture.cell(table, urn: $0).unit }))
        #expect(cells.count == expected.map { Self.pattern[$0 - 100_000].count }.reduce(0, +))
    }

    @Test("an LA with no more schools than the neighbourhood has none: its family block is as small")
    func smallLAHasNoNeighbourhood() {
        let table = Self.camden(hiding: Self.pattern)
        let cell = Fixture.cell(table, urn: 100_000, category: "Female", breakdown: .sex)
        #expect(AuditBlock(neighbourhood: cell, count: 5, in: table) == nil)
        #expect(AuditBlock(neighbourhood: Fixture.cell(table, la: "202", category: "Female", breakdown: .sex), count: 2,
                           in: table) == nil)
    }

    @Test("a parent's family block narrowed to a neighbourhood keeps the LA's own cells and only those schools")
    func narrowedParentFamily() throws {
        var table = Self.camden(hiding: Self.pattern)
        let la = Fixture.cell(table, la: "202", category: "Female", breakdown: .sex)
        table.setStatus(.secondary, la)
        let cell = Fixture.cell(table, urn: 100_000, category: "Female", breakdown: .sex)
        let near = try #require(AuditBlock(neighbourhood: cell, count: 2, in: table))
        let parentFamily = AuditBlock(family: la, in: table)
        let narrowed = parentFamily.narrowed(to: near.neighbours).hiddenCells(in: table)
        #expect(narrowed.contains(la))
        #expect(Set(narrowed.map(\.unit)) == Set(near.neighbours! + [la.unit]))
        #expect(parentFamily.hiddenCells(in: table).count == narrowed.count + Self.pattern[1].count + Self.pattern[4].count)
    }

    /// Screens that narrow at once: two neighbours, and every block counted wide.
    static let narrowest = DisclosureAudit.ScreenLimits(neighbours: 2, wideCells: 0)

    /// Records the problems an audit sends to GLPK.
    final class RecordingAuditor: DisclosureAuditor {
        let solved = Mutex<[AttackerProblem]>([])
        let glpk = GLPKAuditor()

        func ranges(of problems: [AttackerProblem]) throws(DisclosureError) -> [[FeasibleRange]] {
            solved.withLock { $0 += problems }
            return try glpk.ranges(of: problems)
        }
    }

    @Test("screened among two neighbours, a primary cell found protected is protected for HiGHS too", arguments: [1, 2] as [UInt64])
    func narrowedScreensAreSound(seed: UInt64) throws {
        var table = IndependentSolverTests.smallCountry(seed: seed, authorities: [Fixture.camden], schoolsEach: 10)
        DisclosureControl(policy: .standard).protect(&table)
        let indicator = Fixture.indicator("WB03")
        let recorder = RecordingAuditor()
        let audit = DisclosureAudit(table: table, policy: .standard, auditor: recorder, limits: Self.narrowest)
        let entries = try audit.entries(for: audit.hiddenCells.filter { $0.indicator == indicator }, confirming: false)
        let reference = try HiGHSReference.intervals(table, indicator: indicator)
        let protected = entries.filter { $0.status.isPrimary && $0.isProtected }
        #expect(!protected.isEmpty)
        // A narrowed block: cells of a target's school and its neighbours alone, in an LA where more schools hide cells.
        let hidingSchools = Set(audit.hiddenCells.filter { $0.indicator == indicator && table.units[$0.unit].children.isEmpty }
            .map(\.unit))
        #expect(hidingSchools.count > 3)
        #expect(recorder.solved.withLock { problems in
            problems.contains { problem in
                problem.targets.contains { target in
                    AuditBlock(neighbourhood: target.cell, count: Self.narrowest.neighbours, in: table)
                        .map { Set($0.neighbours!).isSuperset(of: problem.cells.map(\.unit)) } ?? false
                }
            }
        }, "some screen should have solved a neighbourhood block")
        for entry in protected {
            for measure in entry.measures {
                let exact = try #require(reference[entry.cell]?[measure.quantity])
                let required = try #require(measure.required)
                #expect(exact.lowerBound <= Double(required.lowerBound) + 1e-6
                        && exact.upperBound >= Double(required.upperBound) - 1e-6, "\(table.location(of: entry.cell))")
            }
        }
        // A problem posed again by a wider screen (the same hidden cells) is not solved again for the same cells.
        var seen: [[CellReference]: Set<CellReference>] = [:]
        for problem in recorder.solved.withLock({ $0 }) {
            let targets = Set(problem.targets.map(\.cell))
            #expect(!(seen[problem.cells]?.isSuperset(of: targets) ?? false), "an LP solved twice")
            seen[problem.cells, default: []].formUnion(targets)
        }
    }
}
