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

    /// The fields of one row, in column order.
    public static func fields(of row: PublishedRow) -> [String] {
        let geography = row.geography
        let level = geography.level
        let region = level == .national ? nil : geography.region
        let la = level == .localAuthority || level == .school ? geography.localAuthority : nil
        let school = level == .school ? geography.school : nil
        return [
            row.timePeriod, "Academic year", level.rawValue, England.code, England.name,
            region?.code ?? "", region?.name ?? "", la?.code ?? "", la?.onsCode ?? "", la?.name ?? "",
            school.map { String($0.urn) } ?? "", school.map { String($0.laestab) } ?? "", school?.name ?? "",
            row.wave.code, row.indicator.id,
            row.filterLabel(.sex), row.filterLabel(.yearGroup), row.filterLabel(.fsmStatus),
            row.filterLabel(.senStatus), row.filterLabel(.ethnicityMajor),
            row.respondents.description, row.count.description, row.percent.description,
            row.percentLowerCI.description, row.percentUpperCI.description,
            row.mean.description, row.sd.description, row.meanLowerCI.description, row.meanUpperCI.description,
            row.comparison.rawValue, row.responseRate.description,
        ]
    }

    /// The header line and every row of the tables as CSV text, streamed to `write`.
    public static func write(tables: [IndicatorTable], levels: Set<GeographicLevel>? = nil,
                             to write: (String) throws -> Void) rethrows
    {
        try write(CSVField.line(columns))
        for table in tables {
            try table.forEachRow(levels: levels) { row in try write(CSVField.line(fields(of: row))) }
        }
    }
}
