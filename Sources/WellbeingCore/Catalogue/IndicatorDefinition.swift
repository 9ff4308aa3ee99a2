/// One published indicator, defined from survey items as catalogue data.
public struct IndicatorDefinition: Sendable, Hashable, Decodable {
    /// How an indicator is published.
    public enum Kind: String, Sendable, Hashable, Decodable {
        /// Count, percentage and Wilson interval of pupils meeting a condition.
        case proportion
        /// n, mean, sd and t-interval of a score.
        case mean
        /// The number of pupils in the denominator only.
        case count
    }

    public var id: String
    public var title: String
    public var description: String
    public var kind: Kind
    /// The year groups whose pupils can count.
    public var years: YearRange
    public var denominator: Denominator
    /// Proportions: who counts in the numerator.
    public var numerator: Condition?
    /// Means: the score whose mean is published.
    public var score: String?
    public var polarity: Polarity
    /// Sensitive proportions get the group-disclosure rule (P3).
    public var sensitive: Bool

    enum CodingKeys: String, CodingKey {
        case id, title, description, kind = "type", years, denominator, numerator, score, polarity, sensitive
    }
}

/// An inclusive span of National Curriculum years (0 = reception).
public struct YearRange: Sendable, Hashable, Decodable {
    public var from: Int
    public var to: Int

    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }

    public var range: ClosedRange<Int> { from...to }
    public func contains(_ year: YearGroup) -> Bool { range.contains(Int(year.value)) }
}

/// Which pupils are in an indicator's denominator.
public enum Denominator: Sendable, Hashable, Decodable {
    /// Pupils with a valid answer to every one of these items.
    case allValid([String])
    /// Pupils with at least one valid answer to any item.
    case anyItemValid

    enum CodingKeys: String, CodingKey { case allValid, anyItemValid }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let items = try container.decodeIfPresent([String].self, forKey: .allValid) {
            self = .allValid(items)
        } else if try container.decodeIfPresent(Bool.self, forKey: .anyItemValid) == true {
            self = .anyItemValid
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "a denominator is {\"allValid\": [items]} or {\"anyItemValid\": true}"))
        }
    }
}
