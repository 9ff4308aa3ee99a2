import WellbeingCore
import WellbeingExport
import WellbeingResources

extension Publication {
    /// The publication of `aggregation` under the shipped (or `--catalogue`/`--policy`) reference data.
    init(aggregation: WaveAggregation, reference: ShippedReferenceData, inputs: [Provenance.Input]) {
        self.init(aggregation: aggregation, catalogue: reference.catalogue, policy: reference.policy, inputs: inputs)
    }

    /// Writes the export folder (the rows `filter` selects), reporting a failure as a command's I/O error.
    func writeFolder(to path: String, filter: FilterOptions) throws(CommandFailure) {
        let filter = try filter.filter(for: self)
        do {
            try write(to: path, filter: filter)
        } catch {
            throw CommandFailure.io(error.description)
        }
    }
}
