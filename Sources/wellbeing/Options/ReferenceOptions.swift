import ArgumentParser
import Foundation
import WellbeingResources

/// Options that replace the shipped catalogue or suppression policy.
struct ReferenceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A catalogue file to use instead of the shipped one.", valueName: "FILE"))
    var catalogue: String?

    @Option(name: .long, help: ArgumentHelp("A suppression policy file to use instead of the default.",
                                            valueName: "FILE"))
    var policy: String?

    /// Loads the reference data; a broken file is an I/O failure (exit 2) with the path and the fix.
    func load() throws -> ShippedReferenceData {
        do {
            return try ShippedReferenceData.load(catalogue: catalogue.map { URL(fileURLWithPath: $0) },
                                                 policy: policy.map { URL(fileURLWithPath: $0) })
        } catch {
            throw CommandFailure.io(error.description)
        }
    }
}
