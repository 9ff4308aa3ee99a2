/// Where a published export came from: software, catalogue, policy and every input return.
public struct Provenance: Sendable, Hashable {
    /// One input return, identified by the SHA-256 of its bytes.
    public struct Input: Sendable, Hashable {
        public var name: String
        public var sha256: String
        public var returnId: String
        public var localAuthority: String
        public var wave: String
        public var schools: Int
        public var pupils: Int

        public init(name: String, sha256: String, returnId: String, localAuthority: String, wave: String,
                    schools: Int, pupils: Int) {
            self.name = name
            self.sha256 = sha256
            self.returnId = returnId
            self.localAuthority = localAuthority
            self.wave = wave
            self.schools = schools
            self.pupils = pupils
        }
    }

    public var softwareVersion: String
    public var catalogueVersion: String
    public var instrumentID: String
    public var policyVersion: String
    /// Whether GLPK's LP audit drove the secondary suppression and passed it (else only the primary rules and the
    /// floor of secondary suppression were applied).
    public var audited: Bool
    /// ISO 8601 time the export was generated.
    public var generated: String
    public var inputs: [Input]

    public init(softwareVersion: String, catalogueVersion: String, instrumentID: String, policyVersion: String,
                audited: Bool, generated: String, inputs: [Input]) {
        self.softwareVersion = softwareVersion
        self.catalogueVersion = catalogueVersion
        self.instrumentID = instrumentID
        self.policyVersion = policyVersion
        self.audited = audited
        self.generated = generated
        self.inputs = inputs
    }
}
