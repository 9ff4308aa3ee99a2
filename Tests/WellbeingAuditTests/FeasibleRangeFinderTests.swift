import Foundation
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

/// Blocks that once made GLPK fail, kept as dumped (`Fixtures/regressions/*.lp`).
@Suite("GLPK regressions")
struct GLPKRegressionTests {
    /// Reads a dumped problem: `columns rows targets 0`, then per row `lower upper terms (column coefficient)…`,
    /// then per target `column value required-lower required-upper`.
    static func problem(_ name: String) throws -> AttackerProblem {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("Fixtures/regressions/\(name)"), encoding: .utf8)
        var words = text.split(whereSeparator: \.isWhitespace).makeIterator()
        func next() -> Double { Double(String(words.next()!).replacingOccurrences(of: "inf", with: "infinity"))! }
        var problem = AttackerProblem()
        let (columns, rows, targets) = (Int(next()), Int(next()), Int(next()))
        _ = next()
        for _ in 0..<columns { _ = problem.addColumn() }
        for _ in 0..<rows {
            let (lower, upper, count) = (next(), next(), Int(next()))
            problem.addRow((0..<count).map { _ in (Int(next()), next()) }, lower: lower, upper: upper)
        }
        for t in 0..<targets {
            let (column, value, lower, upper) = (Int(next()), Int64(next()), Int64(next()), Int64(next()))
            problem.addTarget(.init(cell: CellReference(unit: t, category: 0, indicator: 0), quantity: .respondents,
                                    column: column, value: value, required: lower...upper))
        }
        return problem
    }

    /// A mean's block from one LA of 4,600 schools: score sums of 2.5 billion hundredths. From a warm basis GLPK's
    /// simplex method reported no feasible solution, although the true table is one.
    @Test("a block with huge score sums is solved, not reported infeasible")
    func hugeScoreSums() throws {
        var finder = FeasibleRangeFinder(try Self.problem("glpk-nofeas-score-sums.lp"), interiorPoint: .never)
        let ranges = try finder.run().get()
        #expect(ranges[0].covers(4...10))
        // The score sum's upper end stops short at its extreme (the GLPK command-line harness agrees).
        #expect(ranges[1].lower.value <= 12_916 + 1e-6)
        #expect(ranges[1].upper.isExtreme && abs(ranges[1].upper.value - 23_537) < 1e-6)
    }
}
