import Foundation

/// The DfE *Explore education statistics* open-data rules, applied to a data file and its metadata.
///
/// Written from the EES guidance, not from the exporter: it parses the CSV text itself and knows
/// nothing of the tables behind it.
struct EESConformance {
    /// The rules checked; each violation names one.
    enum Rule: String, CaseIterable, Sendable {
        /// Time and geography columns each level needs are present and filled in.
        case requiredColumns
        /// `time_period` has the shape `time_identifier` calls for (e.g. 202526 for an academic year).
        case timeAgreement
        /// Column names are lower snake case.
        case snakeCase
        /// Every filter has a `Total`, and every row broken down by a filter has its `Total` row.
        case totals
        /// Indicator columns hold numbers or the GSS symbols c, x, z, u, low; never blanks, `:` or `~`.
        case symbols
        /// Numbers have no more decimal places than the metadata gives.
        case decimalPlaces
        /// Every filter and indicator column is described once in the metadata, with unit and decimal places.
        case metadata
    }

    struct Violation: CustomStringConvertible {
        var rule: Rule
        var message: String
        var description: String { "\(rule): \(message)" }
    }

    /// Filters that do not split a population, so have no `Total` and do not identify a row's
    /// population: the wave (a time), the long-format indicator selector, and a row's comparison
    /// result (text cannot be an EES indicator, so it is a filter).
    var filtersWithoutTotal: Set<String> = ["survey_wave", "indicator_id", "comparison_to_benchmark"]

    static let timeAndGeography = [
        "time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code",
        "region_name", "old_la_code", "new_la_code", "la_name", "school_urn", "school_laestab", "school_name",
    ]

    /// Columns each geographic level must fill in.
    static let requiredByLevel: [String: [String]] = {
        let base = ["time_period", "time_identifier", "geographic_level", "country_code", "country_name"]
        let region = base + ["region_code", "region_name"]
        let la = region + ["old_la_code", "new_la_code", "la_name"]
        return ["National": base, "Regional": region, "Local authority": la,
                "School": la + ["school_urn", "school_laestab", "school_name"]]
    }()

    static let symbols: Set<String> = ["c", "x", "z", "u", "low"]
    static let units: Set<String> = ["", "%", "£", "£m", "pp", "h"]

    /// Every violation in `data` (indicators.csv) and `meta` (indicators.meta.csv).
    func violations(data dataText: String, meta metaText: String) -> [Violation] {
        var found: [Violation] = []
        func flag(_ rule: Rule, _ message: String) { found.append(Violation(rule: rule, message: message)) }
        let data: CSVTable, meta: CSVTable
        do {
            data = try CSVTable(dataText)
            meta = try CSVTable(metaText)
        } catch {
            return [Violation(rule: .requiredColumns, message: "not RFC 4180 CSV: \(error)")]
        }

        for name in data.header + meta.rows.compactMap(\.first) where name.wholeMatch(of: /[a-z][a-z0-9]*(_[a-z0-9]+)*/) == nil {
            flag(.snakeCase, "column \"\(name)\" is not lower snake case")
        }

        // Metadata: each described column once, a known type, indicators with unit and decimal places.
        let metaColumns = ["col_name", "col_type", "label", "indicator_grouping", "indicator_unit", "indicator_dp",
                           "filter_hint", "filter_grouping_column"]
        var filters: [String] = [], indicators: [String: Int] = [:]
        if meta.header != metaColumns {
            flag(.metadata, "metadata header is \(meta.header), want \(metaColumns)")
        } else {
            var seen: Set<String> = []
            for row in meta.rows {
                guard row.count == metaColumns.count else {
                    flag(.metadata, "metadata row \(row) has \(row.count) fields"); continue
                }
                let (name, type, label, unit, dp) = (row[0], row[1], row[2], row[4], row[5])
                if !seen.insert(name).inserted { flag(.metadata, "\(name) is described twice") }
                if !data.header.contains(name) { flag(.metadata, "\(name) is described but not in the data") }
                if label.isEmpty { flag(.metadata, "\(name) has no label") }
                switch type {
                case "Filter":
                    if !filters.contains(name) && !Self.timeAndGeography.contains(name) { filters.append(name) }
                    if !unit.isEmpty || !dp.isEmpty { flag(.metadata, "filter \(name) has a unit or decimal places") }
                case "Indicator":
                    if let places = Int(dp), places >= 0 { indicators[name] = places } else {
                        flag(.metadata, "indicator \(name) has decimal places \"\(dp)\", want 0 or more")
                        indicators[name] = Int.max
                    }
                    if !Self.units.contains(unit) { flag(.metadata, "indicator \(name) has unit \"\(unit)\"") }
                default:
                    flag(.metadata, "\(name) has col_type \"\(type)\", want Filter or Indicator")
                }
            }
            for name in data.header where !Self.timeAndGeography.contains(name) && !seen.contains(name) {
                flag(.metadata, "data column \(name) is not described in the metadata")
            }
            for name in Self.timeAndGeography where seen.contains(name) {
                flag(.metadata, "\(name) is a time or geography column, not a filter or indicator")
            }
        }

        let columns = Dictionary(data.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for name in ["time_period", "time_identifier", "geographic_level", "country_code", "country_name"]
        where columns[name] == nil {
            flag(.requiredColumns, "no \(name) column")
        }
        var missingPerLevel: [String: Int] = [:]
        for (line, row) in data.rows.enumerated() {
            guard row.count == data.header.count else {
                flag(.requiredColumns, "line \(line + 2) has \(row.count) fields, the header \(data.header.count)")
                continue
            }
            func value(_ name: String) -> String? { columns[name].map { row[$0] } }
            let level = value("geographic_level") ?? ""
            if let required = Self.requiredByLevel[level] {
                for name in required where (value(name) ?? "").isEmpty {
                    missingPerLevel["\(level) needs \(name)", default: 0] += 1
                }
            } else {
                flag(.requiredColumns, "line \(line + 2): unknown geographic_level \"\(level)\"")
            }
            if let period = value("time_period"), let identifier = value("time_identifier"),
               !Self.periodAgrees(period, identifier) {
                flag(.timeAgreement, "line \(line + 2): time_period \(period) does not fit \(identifier)")
            }
            for (name, places) in indicators {
                guard let field = value(name) else { continue }
                if Self.symbols.contains(field) { continue }
                guard field.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil else {
                    flag(.symbols, "line \(line + 2) \(name): \"\(field)\" is neither a number nor c, x, z, u, low")
                    continue
                }
                let decimals = field.split(separator: ".").dropFirst().first?.count ?? 0
                if decimals > places {
                    flag(.decimalPlaces, "line \(line + 2) \(name): \(field) has more than \(places) decimal places")
                }
            }
        }
        for (problem, count) in missingPerLevel.sorted(by: { $0.key < $1.key }) {
            flag(.requiredColumns, "\(problem) (blank on \(count) rows)")
        }

        // Totals: for each aggregating filter, a row with a category has a twin with Total in its place.
        let aggregating = filters.filter { !filtersWithoutTotal.contains($0) && columns[$0] != nil }
        let keyIndices = (Self.timeAndGeography + filters.filter { $0 != "comparison_to_benchmark" })
            .compactMap { data.header.firstIndex(of: $0) }
        let rowKeys = Set(data.rows.filter { $0.count == data.header.count }.map { row in keyIndices.map { row[$0] } })
        for filter in aggregating {
            let index = columns[filter]!
            if !data.rows.contains(where: { $0[index] == "Total" }) {
                flag(.totals, "filter \(filter) has no Total"); continue
            }
            let position = keyIndices.firstIndex(of: index)!
            var missing = 0
            for row in data.rows where row.count == data.header.count && row[index] != "Total" {
                var key = keyIndices.map { row[$0] }
                key[position] = "Total"
                if !rowKeys.contains(key) { missing += 1 }
            }
            if missing > 0 { flag(.totals, "\(missing) rows broken down by \(filter) have no Total row") }
        }
        return found
    }

    /// EES time identifiers and the `time_period` each needs.
    static func periodAgrees(_ period: String, _ identifier: String) -> Bool {
        let digits = period.allSatisfy(\.isASCII) && period.allSatisfy(\.isNumber)
        switch identifier {
        case "Academic year", "Financial year", "Tax year":
            // Six digits, the second year following the first: 202526.
            guard digits, period.count == 6, let start = Int(period.prefix(4)), let end = Int(period.suffix(2)) else {
                return false
            }
            return (start + 1) % 100 == end
        case "Calendar year":
            return digits && period.count == 4
        default:
            return false
        }
    }
}
