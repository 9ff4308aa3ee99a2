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

    static func document(tables: [IndicatorTable], audits: [AuditReport], policy: SuppressionPolicy) -> Document {
        let documented = zip(tables, audits).map { table, audit in
            Document.Table(
                timePeriod: table.academicYear.code, surveyWave: table.wave.code, passed: audit.isPassed,
                summary: audit.summary,
                cells: audit.entries.map { entry in
                    let location = table.location(of: entry.cell)
                    return Document.Cell(
                        geographicLevel: location.level, code: location.code, indicatorId: location.indicator,
                        breakdown: location.breakdown, category: location.category, reason: entry.status.rule,
                        measures: entry.measures.map { measure in
                            Document.Measure(
                                quantity: measure.quantity, value: measure.value,
                                required: measure.required.map { [$0.lowerBound, $0.upperBound] },
                                feasible: [measure.feasible.lower.value,
                                           measure.feasible.upper.value.isFinite ? measure.feasible.upper.value : nil],
                                feasibleIsExtreme: [measure.feasible.lower.isExtreme, measure.feasible.upper.isExtreme],
                                passed: measure.isProtected)
                        },
                        passed: entry.isProtected)
                })
        }
        return Document(format: format, policyVersion: policy.version, passed: audits.allSatisfy(\.isPassed),
                        tables: documented)
    }

    static func data(tables: [IndicatorTable], audits: [AuditReport], policy: SuppressionPolicy) -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings, integers and finite numbers cannot fail to encode.
        return (try? encoder.encode(document(tables: tables, audits: audits, policy: policy)))
            .map { $0 + Data("\n".utf8) } ?? Data()
    }
}
