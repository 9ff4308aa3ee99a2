/// An English local authority, as the shipped geography lookup lists it.
public struct LocalAuthority: Hashable, Sendable {
    /// 3-digit DfE code (`old_la_code`), e.g. `202`.
    public var code: String
    /// 9-character ONS code (`new_la_code`), e.g. `E09000007`.
    public var onsCode: String
    public var name: String
    public var region: Region

    public init(code: String, onsCode: String, name: String, region: Region) {
        self.code = code
        self.onsCode = onsCode
        self.name = name
        self.region = region
    }
}

/// One of the nine English regions (ONS `E12000001`–`E12000009`).
public struct Region: Hashable, Sendable, Comparable {
    public var code: String
    public var name: String

    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    public static func < (lhs: Region, rhs: Region) -> Bool { lhs.code < rhs.code }
}

/// England, the national level.
public enum England {
    public static let code = "E92000001"
    public static let name = "England"
}
