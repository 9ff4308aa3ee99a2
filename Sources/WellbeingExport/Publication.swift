import Foundation
public import WellbeingCore

/// Protected tables built from school sums, and the export folder written from them.
///
/// `aggregate`, `publish` and the web service all end here, so the same sums give the same files.
public struct Publication: Sendable {
    public let catalogue: Catalogue
    public let policy: SuppressionPolicy
    public let tables: [IndicatorTable]
    public let summary: SuppressionSummary
    public let provenance: Provenance

    /// Builds and protects every table of `aggregation`.
    ///
    /// - Parameter generated: the time named in provenance (ISO 8601); now when nil.
    public init(aggregation: WaveAggregation, catalogue: Catalogue, policy: SuppressionPolicy,
                inputs: [Provenance.Input], generated: String? = nil) {
        self.catalogue = catalogue
        self.policy = policy
        tables = DisclosureControl(policy: policy).protectedTables(for: aggregation, catalogue: catalogue)
        summary = SuppressionSummary(tables: tables)
        provenance = Provenance(
            softwareVersion: SoftwareVersion.current, catalogueVersion: catalogue.version,
            instrumentID: catalogue.instrument.id, policyVersion: policy.version,
            generated: generated ?? Date().ISO8601Format(), inputs: inputs)
    }

    /// Writes the export folder at `path`: staged, then moved into place whole.
    ///
    /// - Parameter filter: the rows the tables keep; the tables were protected whole, so a subset
    ///   shows the same cells as the whole export.
    public func write(to path: String, filter: PublicationFilter = .everything) throws(ExportError) {
        try ExportFolder(path: path).write(tables: tables, catalogue: catalogue, summary: summary, policy: policy,
                                           provenance: provenance, filter: filter)
    }

    /// One line for people: rows written and the share of cells published.
    public var summaryLine: String {
        let overall = summary.overall
        let rows = tables.reduce(0) { $0 + $1.rowCount() }
        return "\(rows) rows; \(overall.published) of \(overall.cells) cells published "
            + "(\(Rounding.text(overall.publishedShare * 100, decimals: 1))%)"
    }
}
