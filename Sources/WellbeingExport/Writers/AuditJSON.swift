import Foundation
import WellbeingCore

/// `audit.json`: for administrators only, every hidden cell with its reason, true values and feasible interval.
///
/// It holds the true values of suppressed cells, so it is never served to
/// readers; `wellbeing audit DIR` reads it back with `indicators.csv` to
/// re-run the attacker's LP from the files alone.
enum AuditJSON {
    /// The format name and version written as `format`; readers refuse any other.
    static let format = "wellbeing-audit/1"

    struct Document: Codable {
        struct Measure: Codable {
            var quantity: AuditQuantity
            var value: Int64
            /// The protection interval `[lower, upper]`; absent for a secondary cell.
            var required: [Int64]?
            /// The attacker's feasible interval as far as the audit looked; `null` upper for unbounded.
            var feasible: [Double?]
            var feasibleIsExtreme: [Bool]
            var passed: Bool
        }

        struct Cell: Codable {
            var geographicLevel: String
            var code: String
            var indicatorId: String
            var breakdown: String
            var category: String
            var reason: String
            var measures: [Measure]
            var passed: Bool
        }

        struct Table: Codable {
            var timePeriod: String
            var surveyWave: String
            var passed: Bool
            var summary: AuditReport.Summary
            var cells: [Cell]
        }

        var format: String
        var policyVersion: String
        var passed: Bool
        var tables: [Table]
    }

    /// Writes the document, handing UTF-8 to `flush` in chunks of about 1 MiB.
    ///
    /// A national audit holds millions of cells, so cells are written as they
    /// are read, one a line, and never built as one value: the document decodes
    /// as ``Document``.
    static func write(tables: [IndicatorTable], audits: [AuditReport], policy: SuppressionPolicy,
                      flush: ([UInt8]) throws -> Void) rethrows {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var buffer: [UInt8] = []
        func text(_ value: String) { JSONText.appendString(value, to: &buffer) }
        func append(_ raw: String) { buffer.append(contentsOf: raw.utf8) }
        func number(_ value: Double) {
            // Feasible ends are LP values (simplex or interior point); an unbounded upper end is null.
            guard value.isFinite else { return append("null") }
            append(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)")
        }
        append("{\n  \"format\" : ")
        text(format)
        append(",\n  \"passed\" : \(audits.allSatisfy(\.isPassed)),\n  \"policy_version\" : ")
        text(policy.version)
        append(",\n  \"tables\" : [")
        for (t, (table, audit)) in zip(tables, audits).enumerated() {
            append(t == 0 ? "\n    {\n      \"cells\" : [" : ",\n    {\n      \"cells\" : [")
            for (e, entry) in audit.entries.enumerated() {
                let location = table.location(of: entry.cell)
                append(e == 0 ? "\n        {\"breakdown\":" : ",\n        {\"breakdown\":")
                text(location.breakdown)
                append(",\"category\":")
                text(location.category)
                append(",\"code\":")
                text(location.code)
                append(",\"geographic_level\":")
                text(location.level)
                append(",\"indicator_id\":")
                text(location.indicator)
                append(",\"measures\":[")
                for (m, measure) in entry.measures.enumerated() {
                    append(m == 0 ? "{\"feasible\":[" : ",{\"feasible\":[")
                    number(measure.feasible.lower.value)
                    append(",")
                    number(measure.feasible.upper.value)
                    append("],\"feasible_is_extreme\":[\(measure.feasible.lower.isExtreme),"
                           + "\(measure.feasible.upper.isExtreme)],\"passed\":\(measure.isProtected),\"quantity\":")
                    text(measure.quantity.rawValue)
                    if let required = measure.required {
                        append(",\"required\":[\(required.lowerBound),\(required.upperBound)]")
                    }
                    append(",\"value\":\(measure.value)}")
                }
                append("],\"passed\":\(entry.isProtected),\"reason\":")
                text(entry.status.rule)
                append("}")
                if buffer.count >= 1 << 20 {
                    try flush(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            append("\n      ],\n      \"passed\" : \(audit.isPassed),\n      \"summary\" : ")
            // A handful of integers: cannot fail to encode.
            buffer.append(contentsOf: (try? encoder.encode(audit.summary)) ?? Data("{}".utf8))
            append(",\n      \"survey_wave\" : ")
            text(table.wave.code)
            append(",\n      \"time_period\" : ")
            text(table.academicYear.code)
            append("\n    }")
        }
        append("\n  ]\n}\n")
        try flush(buffer)
    }
}
