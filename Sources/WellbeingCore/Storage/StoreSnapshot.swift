/// The partial sums that count and the returns in force, as one reading of a store saw them.
public struct StoreSnapshot: Sendable {
    /// Each (wave, school)'s sums from its most recent accepted return.
    public var aggregation: WaveAggregation
    /// Returns in force (accepted, not withdrawn) in the order they were accepted, fully superseded ones included:
    /// exactly the returns that, aggregated in this order, give ``aggregation``.
    public var returns: [StoredReturn]

    public init(aggregation: WaveAggregation, returns: [StoredReturn]) {
        self.aggregation = aggregation
        self.returns = returns
    }
}
