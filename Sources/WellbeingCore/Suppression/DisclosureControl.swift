/// The whole of disclosure control for a set of tables: primary rules, then complementary cells.
public struct DisclosureControl: Sendable {
    public let policy: SuppressionPolicy

    public init(policy: SuppressionPolicy) { self.policy = policy }

    /// Protects a table in place; after this, only its published cells may leave the system.
    public func protect(_ table: inout IndicatorTable) {
        PrimarySuppression(policy: policy).apply(to: &table)
        SecondarySuppression().apply(to: &table)
    }

    /// Builds and protects one table per wave of an aggregation.
    public func protectedTables(for aggregation: WaveAggregation, catalogue: Catalogue) -> [IndicatorTable] {
        aggregation.waves.map { wave in
            var table = IndicatorTable(catalogue: catalogue, wave: wave, schools: aggregation.schools[wave]!.values)
            protect(&table)
            return table
        }
    }
}
