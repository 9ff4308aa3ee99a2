/// A filter value that names nothing in the publication, with the values that would.
public struct PublicationFilterError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The part of a filter a value belongs to; its raw value is the CLI option and query parameter.
    public enum Dimension: String, Sendable, Hashable {
        case level
        case indicator
        case breakdown
        case localAuthority = "la"

        var noun: String { self == .localAuthority ? "local authority" : rawValue }

        var plural: String {
            switch self {
            case .level: "levels"
            case .indicator: "indicators"
            case .breakdown: "breakdowns"
            case .localAuthority: "local authorities in this publication"
            }
        }
    }

    /// A stable code for programs: `unknown-level`, `unknown-indicator`, `unknown-breakdown`, `unknown-la`.
    public var code: String { "unknown-\(dimension.rawValue)" }
    public var dimension: Dimension
    /// The value as the user gave it.
    public var value: String
    /// Every value that would have been accepted, as shown to people.
    public var valid: [String]

    public var description: String {
        "unknown \(dimension.noun) \"\(value)\"; valid \(dimension.plural): \(valid.joined(separator: ", "))"
    }
}
