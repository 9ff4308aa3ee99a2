import WellbeingCore

extension IndicatorsWorkbook {
    /// The contents sheet: what the workbook is, where it came from, and a link to every sheet.
    func writeContents(_ sheet: XLSXSheet, sheets: [(name: String, level: GeographicLevel, rows: Int)])
        throws(ExportError)
    {
        try sheet.write("School well-being indicators", row: 0, column: 0, style: .bold)
        let waves = tables.map { $0.wave.code }.joined(separator: ", ")
        let lines: [(String, String)] = [
            ("Survey waves", waves.isEmpty ? "none" : waves),
            ("Rows", filter.keepsEverything ? "every published row" : "a subset: \(filter.summary)"),
            ("Generated", provenance.generated),
            ("Software", "wellbeing \(provenance.softwareVersion)"),
            ("Catalogue", "\(provenance.catalogueVersion) (instrument \(provenance.instrumentID))"),
            ("Suppression policy", provenance.policyVersion),
            ("LP audit", provenance.audited ? "passed: every primary cell keeps its protection interval"
                : "not run: primary rules and the floor of secondary suppression only"),
            ("Same data as", "indicators.csv (EES open-data layout) and indicators.json in this folder"),
        ]
        for (offset, line) in lines.enumerated() {
            try sheet.write(line.0, row: offset + 2, column: 0, style: .bold)
            try sheet.write(line.1, row: offset + 2, column: 1)
        }
        var row = lines.count + 3
        for (column, title) in ["Sheet", "Level", "Rows"].enumerated() {
            try sheet.write(title, row: row, column: column, style: .bold)
        }
        for entry in sheets {
            row += 1
            try sheet.writeLink(to: entry.name, text: entry.name, row: row, column: 0)
            try sheet.write(entry.level.rawValue, row: row, column: 1)
            try sheet.write(entry.rows, row: row, column: 2)
        }
        row += 1
        try sheet.writeLink(to: "Notes", text: "Notes", row: row, column: 0)
        try sheet.write("Symbols, suppression, confidence intervals and provenance", row: row, column: 1)
    }

    /// The notes sheet: symbols, suppression, intervals, comparisons, and the inputs.
    func writeNotes(_ sheet: XLSXSheet) throws(ExportError) {
        let primary = policy.primary, secondary = policy.secondary
        let notes: [(String, String)] = [
            ("c", "Confidential: suppressed to protect pupils. The cell had too few respondents or a small count, "
                + "or was hidden so that a suppressed value cannot be worked out from totals and other cells."),
            ("z", "Not applicable: the measure does not apply (a count or percentage for a mean score, a mean for "
                + "a proportion, a response rate outside School and Local authority total rows)."),
            ("x", "Not available: the value could not be computed (no pupils-on-roll figure for a response rate, "
                + "or a standard deviation or interval from a single respondent)."),
            ("u, low", "EES symbols for low reliability and values that round to zero: not used in this release."),
            ("Suppression", "Policy \(policy.version). A cell is hidden when it has fewer than "
                + "\(primary.minimumRespondents) respondents (P1); when a percentage rests on between 1 and "
                + "\(primary.minimumCount - 1) pupils meeting, or not meeting, the condition (P2); or when a "
                + "sensitive indicator has fewer than \(primary.groupDisclosureMaximumRespondents) respondents and "
                + "all or none meet it (P3). Further cells are hidden so that no hidden value can be worked out "
                + "from totals to within \(Rounding.text(secondary.protectionRange * 100, decimals: 0))% (at least "
                + "\(secondary.minimumProtection) pupil\(secondary.minimumProtection == 1 ? "" : "s")). The same "
                + "cells are hidden in every file, page and API response, and a subset shows exactly the cells "
                + "of the whole."),
            ("Confidence intervals", "95% intervals. Percentages: Wilson score interval (z = 1.959964). Means: "
                + "mean ± t(0.975, n − 1) × sd / √n, with the sample standard deviation (n − 1)."),
            ("Comparison to benchmark", "Schools are compared with their LA; LAs and regions with England. "
                + "Better or Worse when the 95% interval excludes the benchmark's value, in the indicator's "
                + "direction; otherwise Similar; Not compared when either side is suppressed or the indicator "
                + "has no direction."),
            ("Response rate", "Respondents ÷ pupils on roll in the surveyed year groups, as a percentage."),
            ("Rounding", "Percentages and their intervals to 1 decimal place, means and standard deviations to 2, "
                + "half away from zero, from exact counts."),
            ("Software", "wellbeing \(provenance.softwareVersion)"),
            ("Catalogue", "\(provenance.catalogueVersion) (instrument \(provenance.instrumentID))"),
            ("Generated", provenance.generated),
        ]
        try sheet.write("Notes", row: 0, column: 0, style: .bold)
        for (offset, note) in notes.enumerated() {
            try sheet.write(note.0, row: offset + 2, column: 0, style: .bold)
            try sheet.write(note.1, row: offset + 2, column: 1)
        }
        var row = notes.count + 3
        let columns = ["Input return", "Return id", "LA", "Wave", "Schools", "Pupils", "SHA-256"]
        for (column, title) in columns.enumerated() {
            try sheet.write(title, row: row, column: column, style: .bold)
        }
        for input in provenance.inputs {
            row += 1
            for (column, value) in [input.name, input.returnId, input.localAuthority, input.wave].enumerated() {
                try sheet.write(value, row: row, column: column)
            }
            try sheet.write(input.schools, row: row, column: 4)
            try sheet.write(input.pupils, row: row, column: 5)
            try sheet.write(input.sha256, row: row, column: 6)
        }
    }
}
