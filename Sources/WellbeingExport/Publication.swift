import Foundation
public import WellbeingCore

/// Protected tables built from school sums, and the export folder written from them.
///
/// `aggregate`, `publish` and the web service all end here, so the same sums give the same files.
public struct Publication: Sendable {
    public let catalogue: Catalogue
    public let policy: SuppressionPolicy
    public let tables: [IndicatorTable]
    /// The passing audit of each table, in the same order, when an auditor was given: `audit.json`.
    public let audits: [AuditReport]
    public let summary: SuppressionSummary
    public let provenance: Provenance

    /// Builds and protects every table of `aggregation`, audited when an auditor is given.
    ///
    /// Without an auditor the tables get the primary rules and the floor of
    /// secondary suppression; with one, rounds of LP audit and complementary
    /// suppression until every primary cell keeps its protection interval.
    /// Throws when a table cannot be protected: then nothing may be published.
    /// - Parameter generated: the time named in provenance (ISO 8601); now when nil.
    public init(aggregation: WaveAggregation, catalogue: Catalogue, policy: SuppressionPolicy,
                auditor: (any DisclosureAuditor)?, inputs: [Provenance.Input], generated: String? = nil)
        throws(DisclosureError)
    {
        self.catalogue = catalogue
        self.policy = policy
        let control = DisclosureControl(policy: policy)
        if let auditor {
            let protected = try control.protectedTables(for: aggregation, catalogue: catalogue, auditor: auditor)
            tables = protected.map(\.table)
            audits = protected.map(\.audit)
        } else {
            tables = control.protectedTables(for: aggregation, catalogue: catalogue)
            audits = []
        }
        summary = SuppressionSummary(tables: tables)
        provenance = Provenance(
            softwareVersion: SoftwareVersion.current, catalogueVersion: catalogue.version,
            instrumentID: catalogue.instrument.id, policyVersion: policy.version, audited: auditor != nil,
            generated: generated ?? Date().ISO8601Format(), inputs: inputs)
    }

    /// Writes the export folder at `path`: staged, then moved into place whole.
    ///
    /// - Parameter filter: the rows the tables keep; the tables were protected whole, so a subset
    ///   shows the same cells as the whole export.
    /// - Parameter formats: the optional parts (JSON, workbook, report cards) to write.
    /// - Parameter progress: told of each part as it is finished.
    public func write(to path: String, filter: PublicationFilter = .everything, formats: ExportFormats = .all,
                      progress: (any ProgressReporter)? = nil) throws(ExportError)
    {
        try ExportFolder(path: path).write(tables: tables, audits: audits, catalogue: catalogue, summary: summary,
                                           policy: policy, provenance: provenance, filter: filter, formats: formats,
                                           progress: progress)
    }

    /// One line for people: rows written and the share of cells published.
    public var summaryLine: String {
        let overall = summary.overall
        let rows = tables.reduce(0) { $0 + $1.rowCount() }
        return "\(rows) rows; \(overall.published) of \(overall.cells) cells published "
            + "(\(Rounding.text(overall.publishedShare * 100, decimals: 1))%)"
    }
}
