import WellbeingCore

/// Where the figures came from, as the page footer states it.
///
/// A page states the wave of its figures and the versions that made them, not the time it was
/// published nor how many returns were in force: those change with every publication, and a page
/// whose figures did not change must stay byte for byte the same (a republished export keeps it).
/// `provenance.json` says when and from which returns.
struct ProvenanceView: Sendable {
    let waves: String
    let software: String
    let catalogue: String
    let policy: String

    /// - Parameter waves: the survey waves of the page's figures, e.g. "2026AUT".
    init(_ provenance: Provenance, waves: String) {
        self.waves = waves.isEmpty ? "none yet" : waves
        software = provenance.softwareVersion
        catalogue = "\(provenance.catalogueVersion) (\(provenance.instrumentID))"
        policy = provenance.policyVersion
    }
}
