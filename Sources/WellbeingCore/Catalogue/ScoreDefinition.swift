/// A score computed from several items: their sum, optionally mapped through a table.
///
/// SWEMWBS is the sum of seven items (7–35) mapped to the metric score by the
/// scale authors' Rasch conversion table. A score exists only when every item
/// is validly answered.
public struct ScoreDefinition: Sendable, Hashable, Decodable {
    public var id: String
    public var title: String
    public var items: [String]
    /// Raw sum → published score (keys are raw sums as decimal text); absent means the raw sum is the score.
    public var table: [String: Double]?
}
