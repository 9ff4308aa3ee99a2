/// Where API tokens live: hashed, listed, revoked, and checked on every request.
///
/// A store keeps only a SHA-256 of each token's secret and compares it in
/// constant time, so neither the database nor the timing of a refusal gives a
/// token away.
public protocol TokenStore: Sendable {
    /// Creates a token for `role`; `localAuthority` (3-digit code) is required for uploaders and refused otherwise.
    func createToken(role: AccessRole, localAuthority: String?) throws(StoreError) -> IssuedToken

    /// Every token ever created, active or revoked, oldest first.
    func tokens() throws(StoreError) -> [AccessToken]

    /// Revokes a token and returns its record; revoking it again changes nothing.
    func revokeToken(id: String) throws(StoreError) -> AccessToken

    /// The active token whose bearer text this is; nil for anything else (unknown, revoked or malformed).
    func authenticate(bearer: String) throws(StoreError) -> AccessToken?
}
