/// The thresholds of small-number suppression, read from a versioned policy file.
///
/// Which indicators are sensitive (rule P3) is the catalogue's business, not the policy's.
public struct SuppressionPolicy: Sendable, Hashable, Decodable {
    /// The format this code reads.
    public static let format = "wellbeing-suppression-policy/1"

    /// Primary suppression thresholds (rules P1–P3).
    public struct Primary: Sendable, Hashable, Decodable {
        /// P1: a cell with fewer respondents than this is suppressed.
        public var minimumRespondents: Int
        /// P2: a proportion with 0 < count < this, or 0 < n − count < this, is suppressed.
        public var minimumCount: Int
        /// P3: a sensitive proportion with fewer respondents than this showing all or none is suppressed.
        public var groupDisclosureMaximumRespondents: Int
    }

    /// Secondary suppression: the protection interval every primary cell must keep.
    public struct Secondary: Sendable, Hashable, Decodable {
        /// The share of a hidden value an attacker must stay uncertain about (0.30 = 30%).
        public var protectionRange: Double
        /// The smallest protection, in pupils.
        public var minimumProtection: Int
    }

    public var version: String
    public var description: String
    public var primary: Primary
    public var secondary: Secondary

    enum CodingKeys: String, CodingKey { case format, version, description, primary, secondary }

    public init(version: String, description: String = "", primary: Primary, secondary: Secondary)
        throws(PolicyError)
    {
        self.version = version
        self.description = description
        self.primary = primary
        self.secondary = secondary
        try check()
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.decode(String.self, forKey: .format)
        guard format == Self.format else {
            throw PolicyError("policy format is \"\(format)\"; this software reads \"\(Self.format)\"")
        }
        try self.init(
            version: try container.decode(String.self, forKey: .version),
            description: try container.decodeIfPresent(String.self, forKey: .description) ?? "",
            primary: try container.decode(Primary.self, forKey: .primary),
            secondary: try container.decode(Secondary.self, forKey: .secondary))
    }

    /// The spec's defaults: P1 n < 10, P2 counts 1–4, P3 below 50, 30% protection with a floor of 1.
    public static let standard = try! SuppressionPolicy(
        version: "default/2026.1",
        description: "Default small-number suppression policy (disclosure-control.md).",
        primary: Primary(minimumRespondents: 10, minimumCount: 5, groupDisclosureMaximumRespondents: 50),
        secondary: Secondary(protectionRange: 0.30, minimumProtection: 1))

    private func check() throws(PolicyError) {
        guard !version.isEmpty else { throw PolicyError("the policy needs a non-empty \"version\"") }
        guard primary.minimumRespondents >= 1 else {
            throw PolicyError("primary.minimumRespondents must be at least 1 (the default is 10)")
        }
        guard primary.minimumCount >= 1 else {
            throw PolicyError("primary.minimumCount must be at least 1 (the default is 5)")
        }
        guard primary.groupDisclosureMaximumRespondents >= 0 else {
            throw PolicyError("primary.groupDisclosureMaximumRespondents must not be negative (the default is 50)")
        }
        guard secondary.protectionRange >= 0, secondary.protectionRange <= 1 else {
            throw PolicyError("secondary.protectionRange must be a share between 0 and 1 (the default is 0.30)")
        }
        guard secondary.minimumProtection >= 0 else {
            throw PolicyError("secondary.minimumProtection must not be negative (the default is 1)")
        }
    }

    /// The protection the policy demands for a hidden value `x`: `max(floor, ⌈range·x⌉)`.
    public func protection(for x: Int) -> Int {
        // A tiny epsilon keeps 0.3·10 = 3.0000000000000004 from rounding up to 4.
        let scaled = (secondary.protectionRange * Double(x) - 1e-9).rounded(.up)
        return max(secondary.minimumProtection, Int(scaled))
    }
}

/// A suppression policy that cannot be used, with what to fix.
public struct PolicyError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
