/// The four geographic levels of publication, in EES spelling.
public enum GeographicLevel: String, CaseIterable, Sendable, Hashable, Comparable {
    case national = "National"
    case regional = "Regional"
    case localAuthority = "Local authority"
    case school = "School"

    private var order: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
}

/// Where a cell is: a level and the codes and names that place it.
public struct Geography: Sendable, Hashable {
    public var level: GeographicLevel
    public var region: Region?
    public var localAuthority: LocalAuthority?
    public var school: SchoolRecord?

    public static let england = Geography(level: .national)

    public init(level: GeographicLevel, region: Region? = nil, localAuthority: LocalAuthority? = nil,
                school: SchoolRecord? = nil) {
        self.level = level
        self.region = region
        self.localAuthority = localAuthority
        self.school = school
    }

    /// A short name for people: the school, LA or region name, or England.
    public var name: String {
        switch level {
        case .national: England.name
        case .regional: region?.name ?? ""
        case .localAuthority: localAuthority?.name ?? ""
        case .school: school?.name ?? ""
        }
    }
}
