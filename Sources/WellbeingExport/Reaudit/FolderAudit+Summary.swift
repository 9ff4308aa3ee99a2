import WellbeingCore

extension FolderAudit {
    /// The re-audit in lines for people: per wave, hidden cells per level and primary cells protected; every way
    /// the files disagree; the worst shortfalls; the verdict. Locations and counts only, never a cell's value.
    public func summary(worstShown: Int = 10, findingsShown: Int = 20) -> String {
        var lines = ["Re-audit of \(folder.path) from its files (policy \(folder.policyVersion); published means"
                     + " known only to their rounding)"]
        for (table, report) in zip(folder.tables, reports) {
            var perLevel: [GeographicLevel: Int] = [:]
            for entry in report.entries { perLevel[table.units[entry.cell.unit].geography.level, default: 0] += 1 }
            let summary = report.summary
            lines.append("\(table.wave.code) (time period \(table.academicYear.code)):")
            lines.append("  hidden cells: \(summary.hiddenCells) ("
                         + GeographicLevel.allCases.map { "\($0.rawValue) \(perLevel[$0] ?? 0)" }
                             .joined(separator: ", ") + "); \(summary.secondaryCells) secondary")
            lines.append("  primary cells audited: \(summary.primaryCells); keep their protection interval:"
                         + " \(summary.protectedPrimaryCells); exposed: \(summary.exposedPrimaryCells)")
        }
        for wave in folder.unauditedWaves {
            lines.append("\(wave): not audited, because the files below disagree about it")
        }

        if folder.findings.isEmpty {
            lines.append("Files agree: every hidden cell has an audit entry and no other, and every published"
                         + " relation adds up.")
        } else {
            lines.append("Files disagree (\(folder.findings.count)), so the folder was edited after export:")
            lines += folder.findings.prefix(findingsShown).map { "  - \($0)" }
            if folder.findings.count > findingsShown {
                lines.append("  … and \(folder.findings.count - findingsShown) more")
            }
        }

        let shortfalls = self.shortfalls
        if !shortfalls.isEmpty {
            lines.append("Exposed primary cells (\(shortfalls.count), worst first):")
            lines += shortfalls.prefix(worstShown).map { shortfall in
                "  - \(shortfall.wave) \(shortfall.location.text): "
                    + shortfall.measures.map(Self.describe).joined(separator: "; ")
            }
            if shortfalls.count > worstShown { lines.append("  … and \(shortfalls.count - worstShown) more") }
        }

        lines.append(isPassed
            ? "PASS: every primary cell keeps its protection interval against an attacker with these files."
            : "FAIL: this folder must not be published as it stands.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// "n: the attacker's interval stops 2 short below and 1 short above" (score sums in score points).
    private static func describe(_ measure: Shortfall.Measure) -> String {
        let scale = measure.quantity == .scoreSum ? 100.0 : 1.0
        func amount(_ value: Double) -> String { Rounding.text(value / scale, decimals: scale == 1 ? 1 : 2) }
        let name = measure.quantity == .scoreSum ? "score sum" : measure.quantity.rawValue
        return "\(name): the attacker's interval stops \(amount(measure.below)) short below and"
            + " \(amount(measure.above)) short above its protection interval"
    }
}
