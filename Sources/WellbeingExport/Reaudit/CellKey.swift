import WellbeingCore

/// A cell named as both `indicators.csv` and `audit.json` name it, to match one file's cells to the other's.
struct CellKey: Hashable, Comparable {
    var timePeriod: String
    var wave: String
    var level: String
    /// England's, a region's ONS code, an LA's 3-digit code or a school's URN.
    var code: String
    var indicator: String
    /// The breakdown's column name, `total` for the shared total.
    var breakdown: String
    var category: String

    func location(name: String) -> CellLocation {
        CellLocation(level: level, code: code, name: name, indicator: indicator, breakdown: breakdown,
                     category: category)
    }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.fields.lexicographicallyPrecedes(rhs.fields) }

    private var fields: [String] { [timePeriod, wave, level, code, indicator, breakdown, category] }
}

/// One table of a folder: a wave and its academic year.
struct WaveKey: Hashable {
    var timePeriod: AcademicYear
    var wave: SurveyWave
}
