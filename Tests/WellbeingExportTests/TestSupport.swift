import Foundation
import WellbeingCore
import WellbeingIngest
import WellbeingResources

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func fixturePath(_ relative: String) -> String {
    packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
}

enum Pipeline {
    static let reference = try! ShippedReferenceData.load()
    static let reader = ReturnReader(
        schema: try! ReturnSchema(path: packageRoot.appendingPathComponent("Schemas/wellbeing-return-1.0.xsd").path),
        instruments: [reference.catalogue.instrument], localAuthorities: reference.localAuthorities)

    /// Reads fixtures into one aggregation, as `wellbeing aggregate` does.
    static func aggregate(_ fixtures: [String]) throws -> WaveAggregation {
        var aggregator = ReturnAggregator(catalogue: reference.catalogue)
        for fixture in fixtures {
            let report = try reader.read(file: fixturePath(fixture), into: &aggregator)
            precondition(report.isValid, "\(fixture) should be valid: \(report.diagnostics)")
        }
        return aggregator.aggregation
    }

    /// The unsuppressed table of the single wave in the fixtures.
    static func rawTable(_ fixtures: [String]) throws -> IndicatorTable {
        let aggregation = try aggregate(fixtures)
        let wave = aggregation.waves[0]
        return IndicatorTable(catalogue: reference.catalogue, wave: wave, schools: aggregation.schools[wave]!.values)
    }

    /// The protected tables, as published.
    static func protectedTables(_ fixtures: [String], policy: SuppressionPolicy = .standard) throws
        -> [IndicatorTable]
    {
        DisclosureControl(policy: policy).protectedTables(for: try aggregate(fixtures),
                                                          catalogue: reference.catalogue)
    }

    static func indicator(_ id: String) -> Int { reference.catalogue.indicators.firstIndex { $0.id == id }! }
}
