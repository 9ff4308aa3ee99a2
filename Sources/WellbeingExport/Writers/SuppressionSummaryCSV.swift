import WellbeingCore

/// `suppression-summary.csv`: cells per rule and level, and the share published.
enum SuppressionSummaryCSV {
    static let columns = [
        "geographic_level", "cells", "suppressed_p1", "suppressed_p2", "suppressed_p3", "suppressed_secondary",
        "published", "published_percent_before_secondary", "published_percent", "policy_version",
    ]

    static func text(_ summary: SuppressionSummary, policy: SuppressionPolicy) -> String {
        var text = CSVField.line(columns)
        func line(_ label: String, _ tally: SuppressionSummary.Tally) {
            text += CSVField.line([
                label, String(tally.cells), String(tally.primaryBase), String(tally.primarySmallCount),
                String(tally.primaryGroupDisclosure), String(tally.secondary), String(tally.published),
                Rounding.text(tally.publishedShareBeforeSecondary * 100, decimals: 1),
                Rounding.text(tally.publishedShare * 100, decimals: 1), policy.version,
            ])
        }
        for level in GeographicLevel.allCases {
            if let tally = summary.byLevel[level] { line(level.rawValue, tally) }
        }
        line("All levels", summary.overall)
        return text
    }
}
