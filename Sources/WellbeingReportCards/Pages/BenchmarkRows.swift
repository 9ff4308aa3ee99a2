import WellbeingCore

/// A benchmark's published rows by indicator and category: what every page compared with it looks up.
///
/// An LA is the benchmark of each of its schools; indexing its rows once for all of them, not once
/// per school page, was a third of the time a static export spent building pages.
struct BenchmarkRows: Sendable {
    /// Identifies a row across a unit and its benchmark: the same indicator and category.
    private struct Key: Hashable {
        let indicator: String
        let breakdown: Breakdown
        let category: String
    }

    /// The benchmark's table (one per wave) and unit in it.
    let wave: SurveyWave
    let unit: Int
    private var rows: [Key: PublishedRow] = [:]

    /// Indexes the published rows of the unit at `unit` of `table`.
    init(table: IndicatorTable, unit: Int) {
        wave = table.wave
        self.unit = unit
        table.forEachRow(ofUnit: unit) { rows[Key(indicator: $0.indicator.id, breakdown: $0.breakdown,
                                                  category: $0.categoryLabel)] = $0 }
    }

    /// The benchmark's row for the same indicator and category as `row`.
    subscript(matching row: PublishedRow) -> PublishedRow? {
        rows[Key(indicator: row.indicator.id, breakdown: row.breakdown, category: row.categoryLabel)]
    }

    /// The benchmark's all-pupils row of an indicator.
    subscript(total indicator: String) -> PublishedRow? {
        rows[Key(indicator: indicator, breakdown: .total, category: totalCategoryLabel)]
    }
}
