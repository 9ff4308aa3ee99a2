/// The diagnostics of one return: every one counted, the first `limit` in file order kept.
///
/// Memory stays bounded however many problems a file has: once twice the
/// limit is held, the list is sorted and cut back to the limit.
public struct DiagnosticLog: Sendable {
    /// How many diagnostics a report lists (return-format.md: "up to a cap of 1,000").
    public static let defaultLimit = 1000

    public let limit: Int
    public private(set) var errorCount = 0
    public private(set) var warningCount = 0
    /// Kept diagnostics with their arrival order, which breaks ties between equal locations.
    private var kept: [(order: Int, diagnostic: Diagnostic)] = []

    public init(limit: Int = DiagnosticLog.defaultLimit) {
        precondition(limit > 0, "a report lists at least one diagnostic")
        self.limit = limit
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        switch diagnostic.severity {
        case .error: errorCount += 1
        case .warning: warningCount += 1
        }
        kept.append((errorCount + warningCount, diagnostic))
        if kept.count >= 2 * limit { trim() }
    }

    /// True when at least one error has been logged.
    public var hasErrors: Bool { errorCount > 0 }

    /// The first `limit` diagnostics by location; diagnostics about the whole file come first.
    public var diagnostics: [Diagnostic] {
        var copy = self
        copy.trim()
        return copy.kept.map(\.diagnostic)
    }

    /// How many diagnostics were counted but not listed.
    public var truncatedCount: Int { errorCount + warningCount - min(kept.count, limit) }

    private mutating func trim() {
        kept.sort { lhs, rhs in
            switch (lhs.diagnostic.location, rhs.diagnostic.location) {
            case let (l?, r?) where l != r: l < r
            case (nil, _?): true
            case (_?, nil): false
            default: lhs.order < rhs.order
            }
        }
        if kept.count > limit { kept.removeLast(kept.count - limit) }
    }
}
