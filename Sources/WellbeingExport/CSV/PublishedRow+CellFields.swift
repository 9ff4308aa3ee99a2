import WellbeingCore

extension PublishedRow {
    /// Visits the columns after time and geography, in the EES column order every export shares.
    ///
    /// One call per column: an array of them would be allocated for every row.
    /// - Parameters:
    ///   - wave: the row's wave code, formatted once per unit rather than once per row.
    ///   - text: a text column (wave, indicator, filters, comparison).
    ///   - measure: a measure column, and whether it is the row's last.
    @inline(__always)
    func visitCellFields(wave: String, text: (String) -> Void, measure: (PublishedValue, _ last: Bool) -> Void) {
        text(wave)
        text(indicator.id)
        for breakdown in Breakdown.filters { text(filterLabel(breakdown)) }
        measure(respondents, false)
        measure(count, false)
        measure(percent, false)
        measure(percentLowerCI, false)
        measure(percentUpperCI, false)
        measure(mean, false)
        measure(sd, false)
        measure(meanLowerCI, false)
        measure(meanUpperCI, false)
        text(comparison.rawValue)
        measure(responseRate, true)
    }
}
