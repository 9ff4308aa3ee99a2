public import WellbeingCore

extension Publication {
    /// The publication of everything a store counts now, with the returns in force as its provenance inputs.
    public init(snapshot: StoreSnapshot, catalogue: Catalogue, policy: SuppressionPolicy,
                auditor: (any DisclosureAuditor)?, generated: String? = nil) throws(DisclosureError)
    {
        let inputs = snapshot.returns.map { stored in
            Provenance.Input(name: stored.name, sha256: stored.sha256, returnId: stored.header.returnId,
                             localAuthority: stored.header.localAuthority.code, wave: stored.header.wave.code,
                             schools: stored.schools, pupils: stored.pupils)
        }
        try self.init(aggregation: snapshot.aggregation, catalogue: catalogue, policy: policy, auditor: auditor,
                      inputs: inputs, generated: generated)
    }
}
