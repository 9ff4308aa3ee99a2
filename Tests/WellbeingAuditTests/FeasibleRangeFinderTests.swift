import Testing
@testable import WellbeingAudit
@testable import WellbeingCore

/// The finder's pushes, with either of GLPK's methods.
@Suite("Feasible range finder")
struct FeasibleRangeFinderTests {
    /// Two hidden cells `a` and `b` (true values 3 and 3, each to reach `0...7`) with `a + 2b ≤ 19` and `2a + b ≤ 19`.
    ///
    /// Each alone reaches 7 (the other at 5), but pushing both up at once stops at the vertex (19/3, 19/3), where
    /// neither reaches its end.
    static var tradeOff: AttackerProblem {
        var problem = AttackerProblem()
        let a = problem.addColumn(), b = problem.addColumn()
        problem.addRow([(a, 1), (b, 2)], lower: -.infinity, upper: 19)
        problem.addRow([(a, 2), (b, 1)], lower: -.infinity, upper: 19)
        for (row, column) in [a, b].enumerated() {
            problem.addTarget(.init(cell: CellReference(unit: row, category: 0, indicator: 0), quantity: .respondents,
                                    column: column, value: 3, required: 0...7))
        }
        problem.needsExtremes = false
        return problem
    }

    @Test("ends that trade off against each other are each reached, by either method",
          arguments: [InteriorPointUse.never, .always])
    func tradeOffReachesBothEnds(method: InteriorPointUse) throws {
        var finder = FeasibleRangeFinder(Self.tradeOff, interiorPoint: method)
        let ranges = try finder.run().get()
        for range in ranges {
            #expect(range.covers(0...7), "\(range)")
            #expect(range.upper.value <= 7 + 1e-6)
        }
        #expect((finder.interiorPointSolves > 0) == (method == .always))
    }

    @Test("a short end found by a lone simplex push is its extreme where the problem needs extremes",
          arguments: [InteriorPointUse.never, .always])
    func shortEndIsExtreme(method: InteriorPointUse) throws {
        var problem = Self.tradeOff
        problem.targets[0].required = 0...10
        problem.needsExtremes = true
        var finder = FeasibleRangeFinder(problem, interiorPoint: method)
        let ranges = try finder.run().get()
        #expect(!ranges[0].covers(0...10))
        #expect(ranges[0].upper.isExtreme)
        #expect(abs(ranges[0].upper.value - 9.5) < 1e-9, "a alone reaches 19/2 with b at 0")
        #expect(ranges[1].covers(0...7))
    }
}
