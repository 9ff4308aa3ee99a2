import WellbeingAudit
import WellbeingCore
import WellbeingExport
import WellbeingResources

extension Publication {
    /// The publication of `aggregation` under the shipped (or `--catalogue`/`--policy`) reference data.
    ///
    /// - Parameter audited: whether GLPK audits the suppression and drives it until every primary cell is protected.
    init(aggregation: WaveAggregation, reference: ShippedReferenceData, audited: Bool, inputs: [Provenance.Input])
        throws(CommandFailure)
    {
        self = try Self.reportingFailure { () throws(DisclosureError) in
            try Publication(aggregation: aggregation, catalogue: reference.catalogue, policy: reference.policy,
                            auditor: audited ? GLPKAuditor() : nil, inputs: inputs)
        }
    }

    /// The publication of everything a store counts now, audited when asked.
    init(snapshot: StoreSnapshot, reference: ShippedReferenceData, audited: Bool) throws(CommandFailure) {
        self = try Self.reportingFailure { () throws(DisclosureError) in
            try Publication(snapshot: snapshot, catalogue: reference.catalogue, policy: reference.policy,
                            auditor: audited ? GLPKAuditor() : nil)
        }
    }

    /// Builds a publication, turning a disclosure-control failure into the command's: nothing is written.
    private static func reportingFailure(_ build: () throws(DisclosureError) -> Publication) throws(CommandFailure)
        -> Publication
    {
        do {
            return try build()
        } catch where error.code == .unprotectable {
            throw CommandFailure.invalid("disclosure control failed, so nothing was written: \(error.description)")
        } catch {
            throw CommandFailure.io("the disclosure audit could not run, so nothing was written: \(error.description)")
        }
    }

    /// Writes the export folder (the rows `filter` selects, the parts `formats` names), reporting a failure
    /// as a command's I/O error.
    func writeFolder(to path: String, filter: FilterOptions, formats: FormatOptions,
                     progress: (any ProgressReporter)? = nil) throws(CommandFailure)
    {
        let filter = try filter.filter(for: self)
        let formats = try formats.parsed()
        do {
            try write(to: path, filter: filter, formats: formats, progress: progress)
        } catch {
            throw CommandFailure.io(error.description)
        }
    }
}
