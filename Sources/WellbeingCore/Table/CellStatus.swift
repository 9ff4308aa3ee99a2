/// Whether a cell is published, and if not, why (the reason is for the audit report only).
public enum CellStatus: UInt8, Sendable, Hashable, CaseIterable {
    /// No respondents: there is no row to publish.
    case empty
    case published
    /// P1: fewer respondents than the policy's minimum.
    case primaryBase
    /// P2: a handful of pupils with, or without, the attribute.
    case primarySmallCount
    /// P3: all or none of a small group share a sensitive attribute.
    case primaryGroupDisclosure
    /// Hidden to protect a primary cell from subtraction.
    case secondary

    public var isSuppressed: Bool { self != .published && self != .empty }
    public var isPrimary: Bool { self == .primaryBase || self == .primarySmallCount || self == .primaryGroupDisclosure }

    /// The rule's short name for summaries and the audit report ("P1", "P2", "P3", "secondary").
    public var rule: String {
        switch self {
        case .empty: "empty"
        case .published: "published"
        case .primaryBase: "P1"
        case .primarySmallCount: "P2"
        case .primaryGroupDisclosure: "P3"
        case .secondary: "secondary"
        }
    }
}
