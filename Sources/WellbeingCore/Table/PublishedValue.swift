/// A published measure: a rounded number, or a GSS/DfE symbol in its place.
public enum PublishedValue: Sendable, Hashable, CustomStringConvertible {
    /// The GSS/DfE symbols allowed in place of numbers.
    public enum Symbol: String, Sendable, Hashable, CaseIterable {
        /// Confidential: suppressed to protect pupils.
        case confidential = "c"
        /// Not applicable (e.g. `count` for a mean indicator).
        case notApplicable = "z"
        /// Not available (e.g. a response rate without rolls).
        case notAvailable = "x"
    }

    /// A number already rounded for publication, as its canonical decimal text.
    case number(String)
    case symbol(Symbol)
    /// Free text (comparison words).
    case text(String)

    public static let c = PublishedValue.symbol(.confidential)
    public static let z = PublishedValue.symbol(.notApplicable)
    public static let x = PublishedValue.symbol(.notAvailable)

    /// The value as written in the CSV.
    public var description: String {
        switch self {
        case .number(let text), .text(let text): text
        case .symbol(let symbol): symbol.rawValue
        }
    }

    /// The numeric value, for writers that type their cells (nil for symbols and text).
    public var numericValue: Double? {
        if case .number(let text) = self { return Double(text) }
        return nil
    }
}
