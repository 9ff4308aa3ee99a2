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
        do {
            try self.init(aggregation: aggregation, catalogue: reference.catalogue, policy: reference.policy,
                          auditor: audited ? GLPKAuditor() : nil, inputs: inputs)
        } catch where error.code == .unprotectable {
            throw CommandFailure.invalid("disclosure control failed, so nothing was written: \(error.description)")
        } catch {
            throw CommandFailure.io("the disclosure audit could not run, so nothing was written: \(error.description)")
        }
    }

    /// Writes the export folder, reporting a failure as a command's I/O error.
    func writeFolder(to path: String) throws(CommandFailure) {
        do {
            try write(to: path)
        } catch {
            throw CommandFailure.io(error.description)
        }
    }
}
