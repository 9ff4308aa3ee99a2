import WellbeingCore

/// One row of `indicators.csv`, read back: its cell and what the row publishes of it.
struct StatedRow {
    var timePeriod: AcademicYear
    var wave: SurveyWave
    var geography: Geography
    var indicator: Int
    var category: Int
    var key: CellKey
    /// True when the row shows `c` for its respondents.
    var isHidden: Bool
    /// True when the row shows `c` in some measures and numbers in others.
    var isPartlyHidden: Bool
    var n = 0
    var count = 0
    /// For a mean, the score sum in hundredths that its rounded mean gives: `n × mean`.
    var scoreSum: Int64 = 0

    /// Reads the fields of data line `line` (columns as ``EESLayout/columns``).
    init(fields: [String], line: Int, catalogue: Catalogue, layout: CategoryLayout) throws(FolderReadError) {
        func bad(_ what: String) -> FolderReadError {
            FolderReadError(.badTable, "indicators.csv line \(line): \(what). Restore the indicators.csv the export"
                            + " wrote.")
        }
        guard fields.count == EESLayout.columns.count else {
            throw bad("\(fields.count) fields where the header has \(EESLayout.columns.count)")
        }
        guard let timePeriod = AcademicYear(code: fields[0]) else { throw bad("time_period \"\(fields[0])\"") }
        guard let wave = SurveyWave(code: fields[13]) else { throw bad("survey_wave \"\(fields[13])\"") }
        guard let level = GeographicLevel(rawValue: fields[2]) else { throw bad("geographic_level \"\(fields[2])\"") }
        guard let indicator = catalogue.indicators.firstIndex(where: { $0.id == fields[14] }) else {
            throw FolderReadError(.otherReferenceData, "indicators.csv line \(line): indicator \"\(fields[14])\" is"
                                  + " not in catalogue \(catalogue.version). Pass the catalogue the folder was made"
                                  + " with (--catalogue FILE; provenance.json names its version).")
        }
        self.timePeriod = timePeriod
        self.wave = wave
        self.indicator = indicator

        let region = Region(code: fields[5], name: fields[6])
        let la = LocalAuthority(code: fields[7], onsCode: fields[8], name: fields[9], region: region)
        let code: String
        switch level {
        case .national:
            geography = .england
            code = England.code
        case .regional:
            geography = Geography(level: .regional, region: region)
            code = region.code
        case .localAuthority:
            geography = Geography(level: .localAuthority, region: region, localAuthority: la)
            code = la.code
        case .school:
            guard let urn = Int(fields[10]), let laestab = Int(fields[11]) else {
                throw bad("school_urn \"\(fields[10])\" or school_laestab \"\(fields[11])\"")
            }
            // The files do not give a school's phase, and the audit never asks for it.
            geography = Geography(level: .school, region: region, localAuthority: la,
                                  school: SchoolRecord(urn: urn, laestab: laestab, name: fields[12], phase: .primary))
            code = fields[10]
        }

        // Filters: `Total` everywhere but the active breakdown's column.
        let active = Breakdown.filters.indices.filter { fields[15 + $0] != totalCategoryLabel }
        guard active.count <= 1 else { throw bad("more than one breakdown column is not Total") }
        let breakdown = active.first.map { Breakdown.filters[$0] } ?? .total
        let label = active.first.map { fields[15 + $0] } ?? totalCategoryLabel
        guard let slot = layout.slots(of: breakdown).first(where: { layout.categories[$0].label == label }) else {
            throw bad("\(breakdown.columnName) has no category \"\(label)\"")
        }
        category = slot
        key = CellKey(timePeriod: fields[0], wave: fields[13], level: level.rawValue, code: code,
                      indicator: fields[14], breakdown: breakdown.columnName, category: label)

        // The measures that carry the cell's values for its kind; the rest must be `z`.
        let kind = catalogue.indicators[indicator].kind
        let measures = [fields[20]] + (kind == .proportion ? [fields[21]] : kind == .mean ? [fields[25]] : [])
        let hidden = measures.filter { $0 == "c" }.count
        isHidden = fields[20] == "c"
        isPartlyHidden = hidden != 0 && hidden != measures.count
        guard !isHidden else { return }
        guard let n = Int(fields[20]), n > 0 else { throw bad("respondents \"\(fields[20])\"") }
        self.n = n
        switch kind {
        case .proportion:
            guard let count = Int(fields[21]), (0...n).contains(count) else { throw bad("count \"\(fields[21])\"") }
            self.count = count
        case .mean:
            guard let mean = Self.hundredths(fields[25]) else { throw bad("mean \"\(fields[25])\"") }
            scoreSum = Int64(n) * mean
        case .count:
            count = n
        }
    }

    /// A published mean (2 decimal places) in hundredths, exactly: "12.34" → 1234.
    private static func hundredths(_ text: String) -> Int64? {
        let negative = text.hasPrefix("-")
        let parts = text.dropFirst(negative ? 1 : 0).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let whole = Int64(parts[0]), let fraction = Int64(parts[1]),
              whole >= 0, fraction >= 0 else { return nil }
        return (negative ? -1 : 1) * (whole * 100 + fraction)
    }
}
