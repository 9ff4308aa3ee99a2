import Foundation
import WellbeingCore

/// The attacker's LP built again from the table's public API and solved by scipy's HiGHS (`linprog`), a second solver.
///
/// Nothing here shares code with the audit's model: the relations come from
/// ``IndicatorTable/additiveRelations``, the bounds are written out below, and
/// every hidden quantity is minimised and maximised over the whole table.
enum HiGHSReference {
    /// SWEMWBS metric scores run from 7.00 to 35.00, in hundredths.
    static let scoreRange = 700.0...3500.0

    /// The exact feasible interval of every hidden quantity (of one indicator, if given).
    static func intervals(_ table: IndicatorTable, indicator only: Int? = nil) throws
        -> [CellReference: [AuditQuantity: ClosedRange<Double>]]
    {
        var column: [CellReference: [AuditQuantity: Int]] = [:]
        var variables = 0
        func quantities(_ cell: CellReference) -> [AuditQuantity] {
            switch table.catalogue.indicators[cell.indicator].kind {
            case .proportion: [.respondents, .count]
            case .mean: [.respondents, .scoreSum]
            case .count: [.respondents]
            }
        }
        func value(_ cell: CellReference, _ quantity: AuditQuantity) -> Double {
            let cells = table.units[cell.unit].cells
            switch quantity {
            case .respondents: return Double(cells.n(category: cell.category, indicator: cell.indicator))
            case .count: return Double(cells.count(category: cell.category, indicator: cell.indicator))
            case .scoreSum: return Double(cells.scoreSums(category: cell.category, indicator: cell.indicator).sum)
            }
        }
        for (u, unit) in table.units.enumerated() {
            for category in 0..<table.layout.count {
                for indicator in table.catalogue.indicators.indices
                where (only ?? indicator) == indicator && unit.status(category: category, indicator: indicator).isSuppressed {
                    let cell = CellReference(unit: u, category: category, indicator: indicator)
                    for quantity in quantities(cell) {
                        column[cell, default: [:]][quantity] = variables
                        variables += 1
                    }
                }
            }
        }
        var equalities: [[String: Any]] = []
        for relation in table.additiveRelations where (only ?? relation.total.indicator) == relation.total.indicator {
            let members = [relation.total] + relation.parts
            guard members.contains(where: { column[$0] != nil }) else { continue }
            for quantity in quantities(relation.total) {
                var terms: [[Double]] = []
                var rhs = 0.0
                for (index, member) in members.enumerated() {
                    let sign = index == 0 ? -1.0 : 1.0
                    if let j = column[member]?[quantity] { terms.append([Double(j), sign]) } else { rhs -= sign * value(member, quantity) }
                }
                equalities.append(["terms": terms, "rhs": rhs])
            }
        }
        var inequalities: [[String: Any]] = []  // Σ terms ≤ rhs
        for (_, columns) in column {
            guard let n = columns[.respondents] else { continue }
            if let count = columns[.count] { inequalities.append(["terms": [[Double(count), 1], [Double(n), -1]], "rhs": 0.0]) }
            if let sum = columns[.scoreSum] {
                inequalities.append(["terms": [[Double(sum), 1], [Double(n), -scoreRange.upperBound]], "rhs": 0.0])
                inequalities.append(["terms": [[Double(sum), -1], [Double(n), scoreRange.lowerBound]], "rhs": 0.0])
            }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("highs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("lp.json"), output = directory.appendingPathComponent("out.json")
        let script = directory.appendingPathComponent("solve.py")
        try JSONSerialization.data(withJSONObject: ["variables": variables, "equalities": equalities,
                                                    "inequalities": inequalities]).write(to: input)
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, input.path, output.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        // An unbounded end comes back as JSON null (NSNull), which does not cast to Double?.
        let bounds = try (JSONSerialization.jsonObject(with: Data(contentsOf: output)) as! [[Any]])
            .map { ends in ends.map { ($0 as? NSNumber)?.doubleValue } }
        return column.mapValues { columns in
            columns.mapValues { j in (bounds[j][0] ?? 0)...(bounds[j][1] ?? .infinity) }
        }
    }

    private static let script = """
        import json, sys
        import numpy as np
        from scipy.optimize import linprog
        from scipy.sparse import lil_matrix
        lp = json.load(open(sys.argv[1]))
        n = lp["variables"]
        def matrix(rows):
            if not rows:
                return None, None
            a = lil_matrix((len(rows), n))
            for i, row in enumerate(rows):
                for j, c in row["terms"]:
                    a[i, int(j)] += c
            return a.tocsr(), np.array([row["rhs"] for row in rows])
        a_eq, b_eq = matrix(lp["equalities"])
        a_ub, b_ub = matrix(lp["inequalities"])
        result = []
        for j in range(n):
            ends = []
            for sign in (1, -1):
                c = np.zeros(n)
                c[j] = sign
                r = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
                if r.status == 3:
                    ends.append(None)
                elif r.status == 0:
                    ends.append(sign * r.fun)
                else:
                    sys.exit("linprog failed: " + r.message)
            result.append(ends)
        json.dump(result, open(sys.argv[2], "w"))
        """
}
