import Foundation
import WellbeingCore
import WellbeingExport
import WellbeingResources

/// Protected tables built from school sums, and the export folder written from them.
///
/// `aggregate` and `publish` both end here, so the same sums give the same files.
struct Publication {
    let tables: [IndicatorTable]
    let summary: SuppressionSummary
    let provenance: Provenance
    let policy: SuppressionPolicy

    init(aggregation: WaveAggregation, reference: ShippedReferenceData, inputs: [Provenance.Input]) {
        policy = reference.policy
        tables = DisclosureControl(policy: reference.policy).protectedTables(for: aggregation,
                                                                            catalogue: reference.catalogue)
        summary = SuppressionSummary(tables: tables)
        provenance = Provenance(
            softwareVersion: SoftwareVersion.current, catalogueVersion: reference.catalogue.version,
            instrumentID: reference.catalogue.instrument.id, policyVersion: reference.policy.version,
            generated: Date().ISO8601Format(), inputs: inputs)
    }

    func write(to path: String) throws {
        do {
            try ExportFolder(path: path).write(tables: tables, summary: summary, policy: policy,
                                               provenance: provenance)
        } catch {
            throw CommandFailure.io(error.description)
        }
    }

    /// One line for people: rows written and the share of cells published.
    var summaryLine: String {
        let overall = summary.overall
        let rows = tables.reduce(0) { $0 + $1.rowCount() }
        return "\(rows) rows; \(overall.published) of \(overall.cells) cells published "
            + "(\(Rounding.text(overall.publishedShare * 100, decimals: 1))%)"
    }
}
