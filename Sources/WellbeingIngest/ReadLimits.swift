import WellbeingCore

/// Bounds that keep a hostile or runaway file from costing unbounded time or memory (E103).
public struct ReadLimits: Sendable {
    /// The largest file accepted (return-format.md: 1 GiB by default).
    public var maxBytes: Int
    /// The deepest element nesting accepted; a return needs four levels.
    public var maxDepth: Int
    /// The longest attribute value or run of text accepted, in bytes.
    public var maxValueLength: Int

    public init(maxBytes: Int = 1 << 30, maxDepth: Int = 16, maxValueLength: Int = 64 << 10) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxValueLength = maxValueLength
    }
}

extension ReadLimits {
    /// E103 for input beyond ``maxBytes``.
    var oversizeDiagnostic: Diagnostic {
        Diagnostic(.e103, at: nil, "the file is larger than the limit of \(Self.size(maxBytes)); split the return"
                     + " into smaller returns (for example one per group of schools).")
    }

    /// A byte count for people: "1 GiB", "64 KiB", "1500 bytes".
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
