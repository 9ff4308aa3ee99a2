extension Publication {
    /// Whether the LP audit drove and passed this publication's secondary suppression (`audit.json` exists).
    public var isAudited: Bool { provenance.audited }

    /// Writes `audit.json` to any byte sink: a file, or a response body for an administrator.
    ///
    /// `sink` receives the UTF-8 bytes in order, in chunks of up to about 1 MiB: the same bytes as the
    /// export folder's file. It holds hidden cells' true values: never hand it to a reader. Writes nothing
    /// for an unaudited publication. An error thrown by `sink` stops the writing and is rethrown.
    public func writeAuditReport(to sink: ([UInt8]) throws -> Void) rethrows {
        guard isAudited else { return }
        try AuditJSON.write(tables: tables, audits: audits, policy: policy, flush: sink)
    }
}
