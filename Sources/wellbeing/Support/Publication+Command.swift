import WellbeingCore
import WellbeingExport
import WellbeingResources

extension Publication {
    /// The publication of `aggregation` under the shipped (or `--catalogue`/`--policy`) reference data.
    init(aggregation: WaveAggregation, reference: ShippedReferenceData, inputs: [Provenance.Input]) {
        self.init(aggregation: aggregation, catalogue: reference.catalogue, policy: reference.policy, inputs: inputs)
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
