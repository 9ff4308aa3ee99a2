/// An API token as a store keeps it: who it lets in, never the secret itself.
public struct AccessToken: Sendable, Hashable {
    /// The token's public id (the part before its secret), for listing and revoking.
    public var id: String
    public var role: AccessRole
    /// The LA (3-digit DfE code) an uploader token is bound to; nil for every other role.
    public var localAuthority: String?
    /// When the token was created, ISO 8601 in UTC.
    public var created: String
    /// When the token was revoked, ISO 8601 in UTC; a revoked token lets nobody in.
    public var revoked: String?

    public init(id: String, role: AccessRole, localAuthority: String?, created: String, revoked: String?) {
        self.id = id
        self.role = role
        self.localAuthority = localAuthority
        self.created = created
        self.revoked = revoked
    }

    /// True while the token is not revoked.
    public var isActive: Bool { revoked == nil }
}

/// A token just created: its record and the bearer text, which exists only now and is never stored.
public struct IssuedToken: Sendable {
    public var token: AccessToken
    /// The text to send as `Authorization: Bearer …`; shown once, kept by the store only as a SHA-256.
    public var bearer: String

    public init(token: AccessToken, bearer: String) {
        self.token = token
        self.bearer = bearer
    }
}
