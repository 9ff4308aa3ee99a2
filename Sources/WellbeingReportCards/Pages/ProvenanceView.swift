import WellbeingCore

/// Where the figures came from, as the page footer states it (the same facts as `provenance.json`).
struct ProvenanceView: Sendable {
    let software: String
    let catalogue: String
    let policy: String
    let generated: String
    let returns: String

    init(_ provenance: Provenance) {
        software = provenance.softwareVersion
        catalogue = "\(provenance.catalogueVersion) (\(provenance.instrumentID))"
        policy = provenance.policyVersion
        generated = provenance.generated
        returns = String(provenance.inputs.count)
    }
}
