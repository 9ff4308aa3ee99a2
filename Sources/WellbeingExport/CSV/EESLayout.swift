public import WellbeingCore

/// The column layout of `indicators.csv` (DfE *Explore education statistics* open-data standard).
public enum EESLayout {
    /// Columns in order: time, geography, filters, then measures.
    public static let columns = [
        "time_period", "time_identifier", "geographic_level", "country_code", "country_name",
        "region_code", "region_name", "old_la_code", "new_la_code", "la_name",
        "school_urn", "school_laestab", "school_name",
        "survey_wave", "indicator_id", "sex", "year_group", "fsm_status", "sen_status", "ethnicity_major",
        "respondents", "count", "percent", "percent_lower_ci", "percent_upper_ci",
        "mean", "sd", "mean_lower_ci", "mean_upper_ci", "comparison_to_benchmark", "response_rate",
    ]

    /// The time and geography fields of a row (the first 13 columns), the same for every row of a unit.
    public static func geographyFields(timePeriod: String, geography: Geography) -> [String] {
        let level = geography.level
        let region = level == .national ? nil : geography.region
        let la = level == .localAuthority || level == .school ? geography.localAuthority : nil
        let school = level == .school ? geography.school : nil
        return [
            timePeriod, "Academic year", level.rawValue, England.code, England.name,
            region?.code ?? "", region?.name ?? "", la?.code ?? "", la?.onsCode ?? "", la?.name ?? "",
            school.map { String($0.urn) } ?? "", school.map { String($0.laestab) } ?? "", school?.name ?? "",
        ]
    }

    /// The header line and every row `filter` keeps as UTF-8 CSV, handed to `flush` in chunks of about 1 MiB.
    ///
    /// Fields go straight into one byte buffer, and the geography part of a line is encoded once per
    /// unit, not once per row (``GeographyPrefix``).
    public static func write(tables: [IndicatorTable], filter: PublicationFilter = .everything,
                             flush: ([UInt8]) throws -> Void) rethrows
    {
        let chunk = 1 << 20
        var buffer: [UInt8] = []
        buffer.reserveCapacity(chunk + 4096)
        CSVField.append(line: columns, to: &buffer)
        for table in tables {
            var prefix = GeographyPrefix { CSVField.append($0, to: &$1) }
            try table.forEachRow(levels: filter.levelsToVisit) { row in
                guard filter.includes(row) else { return }
                prefix.append(for: row, to: &buffer)
                appendCellFields(of: row, to: &buffer)
                if buffer.count >= chunk {
                    try flush(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
        }
        try flush(buffer)
    }

    /// Columns 14 onwards of a row and the line end, without building intermediate strings.
    private static func appendCellFields(of row: PublishedRow, to buffer: inout [UInt8]) {
        func field(_ text: String, last: Bool = false) {
            CSVField.append(text, to: &buffer)
            buffer.append(last ? UInt8(ascii: "\n") : UInt8(ascii: ","))
        }
        field(row.wave.code)
        field(row.indicator.id)
        for breakdown in Breakdown.filters { field(row.filterLabel(breakdown)) }
        for value in [row.respondents, row.count, row.percent, row.percentLowerCI, row.percentUpperCI,
                      row.mean, row.sd, row.meanLowerCI, row.meanUpperCI] {
            field(value.description)
        }
        field(row.comparison.rawValue)
        field(row.responseRate.description, last: true)
    }
}
