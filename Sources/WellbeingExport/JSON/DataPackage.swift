import Foundation
import WellbeingCore

/// `datapackage.json`: a Frictionless Data Package describing every CSV of the folder.
///
/// Fields are typed, the symbols are `missingValues`, keys are declared, and licence and
/// provenance travel with the data, so `frictionless validate` passes and R (`frictionless`) or
/// Python (`frictionless`, `pandas`) load the tables typed rather than as text.
enum DataPackage {
    struct Document: Encodable {
        struct License: Encodable { var name: String; var path: String; var title: String }
        struct Source: Encodable { var title: String; var path: String? }
        struct Contributor: Encodable { var title: String; var role: String }

        var profile = "data-package"
        var name = "school-wellbeing-indicators"
        var title = "School well-being indicators"
        var description: String
        var version: String
        var created: String
        var licenses: [License]
        var sources: [Source]
        var contributors: [Contributor]
        var keywords = ["well-being", "schools", "pupils", "England", "official statistics"]
        var provenance: ProvenanceJSON.Document
        var resources: [Resource]
    }

    struct Resource: Encodable {
        struct Dialect: Encodable { var delimiter = ","; var quoteChar = "\""; var doubleQuote = true; var header = true }
        struct Schema: Encodable {
            var fields: [Field]
            var primaryKey: [String]
            var missingValues: [String]
        }

        var name: String
        var path: String
        var profile = "tabular-data-resource"
        var title: String
        var format = "csv"
        var mediatype = "text/csv"
        var encoding = "utf-8"
        var dialect = Dialect()
        var schema: Schema
    }

    struct Field: Encodable {
        struct Constraints: Encodable {
            var required: Bool?
            var pattern: String?
            var `enum`: [String]?
            var minimum: Int?
        }

        var name: String
        var type: String
        var title: String?
        var description: String?
        var constraints: Constraints?
    }

    /// The EES symbols that stand in for numbers, read as missing; a blank field is missing too.
    static let symbols = ["", "c", "x", "z", "u", "low"]

    static func data(provenance: Provenance, filter: PublicationFilter) -> Data {
        let document = Document(
            description: "Suppressed school well-being indicators at School, Local authority, Regional and "
                + "National level, in the DfE Explore education statistics open-data layout. Symbols in place "
                + "of numbers: c suppressed to protect pupils, z not applicable, x not available."
                + (filter.keepsEverything ? "" : " A subset of the publication: \(filter.summary)."),
            version: provenance.catalogueVersion + "+" + provenance.policyVersion,
            created: provenance.generated,
            licenses: [.init(name: "OGL-UK-3.0",
                             path: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
                             title: "Open Government Licence v3.0")],
            sources: provenance.inputs.map { .init(title: "\($0.returnId) (\($0.name), SHA-256 \($0.sha256))",
                                                   path: nil) },
            contributors: [.init(title: "wellbeing \(provenance.softwareVersion)", role: "wrangler")],
            provenance: ProvenanceJSON.document(provenance, filter: filter),
            resources: [indicators, metadata, suppressionSummary])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings, numbers and booleans always encode.
        return (try? encoder.encode(document)).map { $0 + Data("\n".utf8) } ?? Data()
    }

    private static var indicators: Resource {
        // Metadata rows: col_name, col_type, label, grouping, unit, decimal places, hint, grouping column.
        let described = Dictionary(EESMetadata.rows.map { ($0[0], $0) }, uniquingKeysWith: { a, _ in a })
        let allowed: [String: [String]] = [
            "time_identifier": ["Academic year"],
            "geographic_level": GeographicLevel.allCases.map(\.rawValue),
            "comparison_to_benchmark": BenchmarkComparison.allCases.map(\.rawValue),
        ]
        let patterns = [
            "time_period": "[0-9]{6}", "country_code": "E92000001", "region_code": "E120000[0-9]{2}",
            "old_la_code": "[0-9]{3}", "new_la_code": "E0[6-9][0-9]{6}", "school_urn": "[0-9]{6,7}",
            "school_laestab": "[0-9]{7}",
        ]
        let alwaysFilledIn = ["time_period", "time_identifier", "geographic_level", "country_code", "country_name"]
        let fields = EESLayout.columns.map { column -> Field in
            let meta = described[column]
            if let meta, meta[1] == "Indicator" {
                let integer = meta[5] == "0"
                return Field(name: column, type: integer ? "integer" : "number", title: meta[2],
                             description: meta[2] + (meta[4].isEmpty ? "" : " (\(meta[4]))")
                                 + "; c, z or x where no number is published",
                             constraints: integer ? .init(minimum: 0) : nil)
            }
            let required = meta?[1] == "Filter" || alwaysFilledIn.contains(column)
            return Field(name: column, type: "string", title: meta?[2], description: meta?[6],
                         constraints: .init(required: required ? true : nil, pattern: patterns[column],
                                            enum: allowed[column]))
        }
        return Resource(
            name: "indicators", path: "indicators.csv", title: "Indicators (EES open-data layout)",
            schema: .init(fields: fields,
                          primaryKey: ["time_period", "geographic_level", "region_code", "old_la_code", "school_urn",
                                       "survey_wave", "indicator_id"] + Breakdown.filters.map(\.columnName),
                          missingValues: symbols))
    }

    private static var metadata: Resource {
        Resource(
            name: "indicators-meta", path: "indicators.meta.csv", title: "EES metadata of indicators.csv",
            schema: .init(
                fields: EESMetadata.columns.map { column in
                    Field(name: column, type: column == "indicator_dp" ? "integer" : "string",
                          constraints: column == "col_name" || column == "col_type" || column == "label"
                              ? .init(required: true) : nil)
                },
                primaryKey: ["col_name"], missingValues: [""]))
    }

    private static var suppressionSummary: Resource {
        Resource(
            name: "suppression-summary", path: "suppression-summary.csv",
            title: "Cells suppressed per rule and level",
            schema: .init(
                fields: SuppressionSummaryCSV.columns.map { column in
                    let type = column.hasPrefix("published_percent") ? "number"
                        : column == "geographic_level" || column == "policy_version" ? "string" : "integer"
                    return Field(name: column, type: type, constraints: .init(required: true))
                },
                primaryKey: ["geographic_level"], missingValues: [""]))
    }
}
