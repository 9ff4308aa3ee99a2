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

    /// The header line and every row `filter` keeps as UTF-8 CSV, handed to `flush` in chunks of up to about 1 MiB.
    ///
    /// Fields go straight into byte buffers, the geography part of a line is encoded once per unit
    /// (``GeographyPrefix``), and units are encoded on every core (``UnitBlocks``).
    public static func write(tables: [IndicatorTable], filter: PublicationFilter = .everything,
                             flush: ([UInt8]) throws -> Void) rethrows
    {
        try write(tables: tables, filter: filter, reuse: nil, header: flush) { bytes, _ in
            // Without `reuse` every unit is encoded.
            if case .encoded(let encoded) = bytes { try flush(encoded) }
        }
    }

    /// The same, unit by unit: `part` takes each unit's lines and the digest they may be recorded under,
    /// and units whose lines the previous file holds under the same digest are copied from it.
    static func write(tables: [IndicatorTable], filter: PublicationFilter, reuse: UnitReuse?,
                      header: ([UInt8]) throws -> Void,
                      part: (UnitBlocks.UnitBytes, ContentDigest?) throws -> Void) rethrows
    {
        var line: [UInt8] = []
        CSVField.append(line: columns, to: &line)
        try header(line)
        try UnitBlocks.encode(tables: tables, levels: filter.levelsToVisit, reuse: reuse, unit: { table, unit, bytes in
            var prefix: [UInt8]?
            let wave = table.wave.code
            table.forEachRow(ofUnit: unit) { row in
                guard filter.includes(row) else { return }
                if prefix == nil { prefix = GeographyPrefix.bytes(for: row) { CSVField.append($0, to: &$1) } }
                bytes.append(contentsOf: prefix!)
                appendCellFields(of: row, wave: wave, to: &bytes)
            }
        }, flush: part)
    }

    /// Columns 14 onwards of a row and the line end, without building intermediate strings.
    ///
    /// - Parameter wave: the row's wave code, formatted once per unit rather than once per row.
    private static func appendCellFields(of row: PublishedRow, wave: String, to buffer: inout [UInt8]) {
        func field(_ text: String, last: Bool = false) {
            CSVField.append(text, to: &buffer)
            buffer.append(last ? UInt8(ascii: "\n") : UInt8(ascii: ","))
        }
        row.visitCellFields(wave: wave, text: { field($0) }, measure: { field($0.description, last: $1) })
    }
}
