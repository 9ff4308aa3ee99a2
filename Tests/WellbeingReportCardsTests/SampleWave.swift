import Foundation
import WellbeingCore
import WellbeingIngest
import WellbeingReportCards
import WellbeingResources
import WellbeingSynthetic

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A small generated wave, read by the real reader and protected by the real disclosure control.
///
/// Two LAs and a dozen schools: enough pupils for published cells and few enough in some
/// categories for suppressed ones, as `wellbeing generate` then `aggregate` would give.
enum SampleWave {
    static let reference = try! ShippedReferenceData.load()

    /// A school name with everything HTML must escape and scripts it must keep.
    static let awkwardName = "St Mary & St John's <script>alert(\"x\")</script> École Ærø – 聖マリア"

    /// The protected tables, with the first school renamed to ``awkwardName``.
    static let tables: [IndicatorTable] = {
        var tables = protectedTables(SyntheticWaveParameters(pupils: 2_400, schools: 12, localAuthorityCount: 2,
                                                             seed: 7))
        let first = tables[0].indices(of: .school)[0]
        tables[0].units[first].geography.school?.name = awkwardName
        return tables
    }()

    /// Generates, reads and protects a wave, as `wellbeing generate` then `aggregate` would.
    static func protectedTables(_ parameters: SyntheticWaveParameters) -> [IndicatorTable] {
        let wave = try! SyntheticWave(parameters, instrument: reference.catalogue.instrument,
                                      authorities: reference.localAuthorities)
        let reader = ReturnReader(
            schema: try! ReturnSchema(path: packageRoot.appendingPathComponent("Schemas/wellbeing-return-1.0.xsd").path),
            instruments: [reference.catalogue.instrument], localAuthorities: reference.localAuthorities)
        var aggregator = ReturnAggregator(catalogue: reference.catalogue)
        for index in wave.returns.indices {
            var bytes: [UInt8] = []
            try! wave.write(returnAt: index, to: &bytes)
            let report = try! reader.read(from: ByteArraySource(bytes), named: wave.returns[index].returnId,
                                          into: &aggregator)
            precondition(report.isValid, "a generated return should be valid: \(report.diagnostics.prefix(3))")
        }
        return DisclosureControl(policy: reference.policy)
            .protectedTables(for: aggregator.aggregation, catalogue: reference.catalogue)
    }

    /// Text for a partial (the footer) to escape.
    static let softwareVersion = "1.0 <b>&'\"</b>"

    static let provenance = Provenance(
        softwareVersion: softwareVersion, catalogueVersion: reference.catalogue.version,
        instrumentID: reference.catalogue.instrument.id, policyVersion: reference.policy.version, audited: false,
        generated: "2026-11-28T12:00:00Z", inputs: [])

    static var table: IndicatorTable { tables[0] }

    /// The LA and school units of the sample, with their codes.
    static var areaCodes: [String] { table.indices(of: .localAuthority).map { table.units[$0].geography.localAuthority!.code } }
    static var urns: [Int] { table.indices(of: .school).map { table.units[$0].geography.school!.urn } }

    static func site(_ links: ReportCardSite.LinkStyle = .served) throws -> ReportCardSite {
        try ReportCardSite(tables: tables, catalogue: reference.catalogue, provenance: provenance, links: links)
    }
}
