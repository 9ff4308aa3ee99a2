import Foundation
import WellbeingCore

/// `provenance.json`: software, catalogue and policy versions, inputs with SHA-256, time generated.
enum ProvenanceJSON {
    /// The document, shared with the `provenance` member of `indicators.json`.
    struct Document: Encodable {
        struct Software: Encodable { var name: String; var version: String }
        /// The suppression policy, and whether the LP audit drove and passed the secondary suppression.
        struct Policy: Encodable { var version: String; var audited: Bool }
        struct Catalogue: Encodable { var version: String; var instrument: String }
        struct Input: Encodable {
            var name: String
            var sha256: String
            var returnId: String
            var localAuthority: String
            var wave: String
            var schools: Int
            var pupils: Int
        }

        var software: Software
        var generated: String
        var catalogue: Catalogue
        var policy: Policy
        var inputs: [Input]
        /// The rows kept when the export is a subset (`PublicationFilter.summary`); absent for the whole.
        var filter: String?
    }

    static func data(_ provenance: Provenance, filter: PublicationFilter = .everything) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail.
        return (try? encoder.encode(document(provenance, filter: filter))).map { $0 + Data("\n".utf8) } ?? Data()
    }

    static func document(_ provenance: Provenance, filter: PublicationFilter) -> Document {
        Document(
            software: .init(name: "wellbeing", version: provenance.softwareVersion),
            generated: provenance.generated,
            catalogue: .init(version: provenance.catalogueVersion, instrument: provenance.instrumentID),
            policy: .init(version: provenance.policyVersion, audited: provenance.audited),
            inputs: provenance.inputs.map {
                .init(name: $0.name, sha256: $0.sha256, returnId: $0.returnId, localAuthority: $0.localAuthority,
                      wave: $0.wave, schools: $0.schools, pupils: $0.pupils)
            },
            filter: filter.keepsEverything ? nil : filter.summary)
    }
}
