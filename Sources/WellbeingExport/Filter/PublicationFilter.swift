public import WellbeingCore

/// Which rows of a publication an export keeps: levels, indicators, breakdowns and local authorities.
///
/// A filter only ever drops rows of tables that were protected whole, so a subset shows
/// exactly the cells the whole export shows and can never reveal a cell the whole hides.
/// `nil` in a dimension keeps every value of it.
public struct PublicationFilter: Sendable, Hashable {
    /// Geographic levels to keep.
    public var levels: Set<GeographicLevel>?
    /// Catalogue ids of the indicators to keep (e.g. `WB03`).
    public var indicators: Set<String>?
    /// Breakdowns to keep; `.total` is the all-pupils row of each indicator.
    public var breakdowns: Set<Breakdown>?
    /// 3-digit codes of the local authorities whose LA and School rows to keep. National and
    /// Regional rows belong to no single LA, so a filter with LAs leaves them out.
    public var localAuthorities: Set<String>?

    /// Keeps every row.
    public static let everything = PublicationFilter()

    public init(levels: Set<GeographicLevel>? = nil, indicators: Set<String>? = nil,
                breakdowns: Set<Breakdown>? = nil, localAuthorities: Set<String>? = nil) {
        self.levels = levels
        self.indicators = indicators
        self.breakdowns = breakdowns
        self.localAuthorities = localAuthorities
    }

    /// True when the filter keeps every row.
    public var keepsEverything: Bool {
        levels == nil && indicators == nil && breakdowns == nil && localAuthorities == nil
    }

    /// Whether `row` is part of the subset.
    public func includes(_ row: PublishedRow) -> Bool {
        if let levels, !levels.contains(row.geography.level) { return false }
        if let indicators, !indicators.contains(row.indicator.id) { return false }
        if let breakdowns, !breakdowns.contains(row.breakdown) { return false }
        if let localAuthorities {
            guard let code = row.geography.localAuthority?.code, localAuthorities.contains(code) else { return false }
        }
        return true
    }

    /// The levels to visit at all, so rows of other levels are never built.
    var levelsToVisit: Set<GeographicLevel>? {
        guard localAuthorities != nil else { return levels }
        let local: Set<GeographicLevel> = [.localAuthority, .school]
        return levels.map { $0.intersection(local) } ?? local
    }
}

extension PublicationFilter {
    /// The filter for people and provenance, e.g. `level: school; indicator: WB01, WB02` (`everything`).
    public var summary: String {
        let parts: [(String, [String]?)] = [
            ("level", levels.map { $0.sorted().map(\.filterName) }),
            ("indicator", indicators.map { $0.sorted() }),
            ("breakdown", breakdowns.map { set in Breakdown.allCases.filter(set.contains).map(\.rawValue) }),
            ("la", localAuthorities.map { $0.sorted() }),
        ]
        let named = parts.compactMap { name, values in values.map { "\(name): \($0.joined(separator: ", "))" } }
        return named.isEmpty ? "everything" : named.joined(separator: "; ")
    }
}
