/// A condition on a pupil's answers and scores: the numerator of a proportion.
///
/// In the catalogue file it is one of
/// `{"item": "SAFE", "in": [4, 5]}`, `{"score": "swemwbs_metric", "below": 18}`,
/// `{"all": [...]}`, `{"any": [...]}` or `{"atLeast": 2, "of": [...]}`.
public indirect enum Condition: Sendable, Hashable, Decodable {
    case item(String, ValueTest)
    case score(String, ValueTest)
    case all([Condition])
    case any([Condition])
    case atLeast(Int, [Condition])

    enum CodingKeys: String, CodingKey { case item, score, all, any, atLeast, of }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let item = try container.decodeIfPresent(String.self, forKey: .item) {
            self = .item(item, try ValueTest(from: decoder))
        } else if let score = try container.decodeIfPresent(String.self, forKey: .score) {
            self = .score(score, try ValueTest(from: decoder))
        } else if let parts = try container.decodeIfPresent([Condition].self, forKey: .all) {
            self = .all(parts)
        } else if let parts = try container.decodeIfPresent([Condition].self, forKey: .any) {
            self = .any(parts)
        } else if let k = try container.decodeIfPresent(Int.self, forKey: .atLeast) {
            self = .atLeast(k, try container.decode([Condition].self, forKey: .of))
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a condition needs one of item, score, all, any or atLeast+of"))
        }
    }
}

/// A test on one value: equality, membership or bounds (all that are given must hold).
public struct ValueTest: Sendable, Hashable, Decodable {
    public var equals: Double?
    public var `in`: [Double]?
    /// Inclusive lower bound (≥).
    public var min: Double?
    /// Inclusive upper bound (≤).
    public var max: Double?
    /// Strict upper bound (<).
    public var below: Double?
    /// Strict lower bound (>).
    public var above: Double?

    public init(equals: Double? = nil, in values: [Double]? = nil, min: Double? = nil, max: Double? = nil,
                below: Double? = nil, above: Double? = nil) {
        self.equals = equals
        self.in = values
        self.min = min
        self.max = max
        self.below = below
        self.above = above
    }

    /// True when no test is given (a catalogue mistake).
    public var isEmpty: Bool {
        equals == nil && self.in == nil && min == nil && max == nil && below == nil && above == nil
    }
}
