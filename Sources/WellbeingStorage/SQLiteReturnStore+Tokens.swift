import Crypto
import Foundation
import GRDB
public import WellbeingCore

/// API tokens: `wbt_<id>_<secret>`, where the id finds the row and only the secret's SHA-256 is stored.
extension SQLiteReturnStore: TokenStore {
    /// The start of every bearer text, so a leaked token is easy to recognise (and to scan for).
    static let bearerPrefix = "wbt_"

    public func createToken(role: AccessRole, localAuthority: String?) throws(StoreError) -> IssuedToken {
        switch (role, localAuthority) {
        case (.uploader, nil):
            throw StoreError(.invalidRequest, "an uploader token is bound to one LA; give its 3-digit code (--la CODE).")
        case (.uploader, let code?) where !Self.isLocalAuthorityCode(code):
            throw StoreError(.invalidRequest, "\"\(code)\" is not an LA code; give the 3-digit DfE code, e.g. 202.")
        case (.reader, _?), (.researcher, _?), (.admin, _?):
            throw StoreError(.invalidRequest, "only uploader tokens are bound to an LA; leave out --la for a \(role).")
        default:
            break
        }
        let id = Self.randomHex(bytes: 6)
        let secret = Self.randomHex(bytes: 32)
        let token = AccessToken(id: id, role: role, localAuthority: localAuthority, created: Self.now(), revoked: nil)
        try Self.database {
            try writer.write { db in
                try db.execute(sql: """
                    INSERT INTO access_token (id, role, la_code, secret_sha256, created) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [id, role.rawValue, localAuthority, Data(Self.digest(secret)), token.created])
            }
        }
        return IssuedToken(token: token, bearer: Self.bearerPrefix + id + "_" + secret)
    }

    public func tokens() throws(StoreError) -> [AccessToken] {
        try Self.database {
            try writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM access_token ORDER BY created, id").map(Self.token(row:))
            }
        }
    }

    public func revokeToken(id: String) throws(StoreError) -> AccessToken {
        try Self.database {
            try writer.write { db in
                try db.execute(sql: "UPDATE access_token SET revoked = ? WHERE id = ? AND revoked IS NULL",
                               arguments: [Self.now(), id])
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM access_token WHERE id = ?", arguments: [id])
                else {
                    throw StoreError(.notFound, "no token has id \(id); `wellbeing token list` shows them.")
                }
                return try Self.token(row: row)
            }
        }
    }

    public func authenticate(bearer: String) throws(StoreError) -> AccessToken? {
        guard let (id, secret) = Self.parts(of: bearer) else { return nil }
        return try Self.database {
            try writer.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM access_token WHERE id = ?", arguments: [id])
                else { return nil }
                let stored: Data = row["secret_sha256"]
                guard Self.constantTimeEqual(Array(stored), Self.digest(secret)) else { return nil }
                let token = try Self.token(row: row)
                return token.isActive ? token : nil
            }
        }
    }

    /// The id and secret of a well-formed bearer text.
    private static func parts(of bearer: String) -> (id: String, secret: String)? {
        guard bearer.hasPrefix(bearerPrefix) else { return nil }
        let fields = bearer.dropFirst(bearerPrefix.count).split(separator: "_", omittingEmptySubsequences: false)
        guard fields.count == 2, fields[0].count == 12, fields[1].count == 64 else { return nil }
        return (String(fields[0]), String(fields[1]))
    }

    private static func token(row: Row) throws -> AccessToken {
        let name: String = row["role"]
        guard let role = AccessRole(rawValue: name) else {
            throw StoreError(.database, "token \(row["id"] as String) has an unknown role \"\(name)\".")
        }
        return AccessToken(id: row["id"], role: role, localAuthority: row["la_code"], created: row["created"],
                           revoked: row["revoked"])
    }

    private static func digest(_ secret: String) -> [UInt8] {
        Array(SHA256.hash(data: Data(secret.utf8)))
    }

    /// Compares two digests touching every byte whatever they hold, so timing says nothing of where they differ.
    static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    private static func randomHex(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            let byte = UInt8.random(in: .min ... .max, using: &generator)
            return String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)
        }.joined()
    }

    private static func isLocalAuthorityCode(_ code: String) -> Bool {
        code.count == 3 && code.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
