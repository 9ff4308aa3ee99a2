/// Which direction of an indicator is better, for the benchmark comparison.
public enum Polarity: String, Sendable, Decodable, CaseIterable {
    case highIsGood = "high-is-good", lowIsGood = "low-is-good", none
}
