extension DisclosureControl {
    /// Audits a table as it stands, with published means worth what `means` says.
    ///
    /// ``audit(_:auditor:)`` credits the attacker with exact score sums; the
    /// re-audit of an export folder from its files alone (`wellbeing audit DIR`)
    /// passes ``PublishedMeans/rounded``, the attacker who has only the files.
    public func audit(_ table: IndicatorTable, publishedMeans means: PublishedMeans,
                      auditor: some DisclosureAuditor) throws(DisclosureError) -> AuditReport
    {
        let audit = DisclosureAudit(table: table, policy: policy, means: means, auditor: auditor)
        return AuditReport(policyVersion: policy.version, entries: try audit.entries(for: audit.hiddenCells))
    }
}
