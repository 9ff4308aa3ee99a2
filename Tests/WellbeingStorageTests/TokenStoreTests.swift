import Foundation
import GRDB
import Testing
import WellbeingCore
@testable import WellbeingStorage

/// API tokens: shown once, stored as a SHA-256 of their secret, checked in constant time, revocable.
@Suite struct TokenStoreTests {
    @Test(arguments: AccessRole.allCases)
    func aCreatedTokenAuthenticatesAsItsRole(role: AccessRole) throws {
        let store = try StoreTestSupport.memoryStore()
        let issued = try store.createToken(role: role, localAuthority: role == .uploader ? "202" : nil)
        let token = try #require(try store.authenticate(bearer: issued.bearer))
        #expect(token == issued.token)
        #expect(token.localAuthority == (role == .uploader ? "202" : nil))
    }

    @Test func theSecretIsNotStoredOnlyItsDigest() throws {
        let store = try StoreTestSupport.memoryStore()
        let issued = try store.createToken(role: .admin, localAuthority: nil)
        let secret = String(issued.bearer.split(separator: "_").last!)
        let stored = try store.writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM access_token")!
        }
        let digest: Data = stored["secret_sha256"]
        #expect(digest.count == 32)
        for column in stored.columnNames {
            let value = stored[column].map { "\($0)" } ?? ""
            #expect(!value.contains(secret))
        }
    }

    @Test(arguments: [
        "", "wbt_", "wbt_abc_def", "Bearer x",
        "wbt_000000000000_" + String(repeating: "a", count: 64),
    ])
    func anythingElseIsRefused(bearer: String) throws {
        let store = try StoreTestSupport.memoryStore()
        _ = try store.createToken(role: .reader, localAuthority: nil)
        #expect(try store.authenticate(bearer: bearer) == nil)
    }

    @Test func theRightIdWithAWrongSecretIsRefused() throws {
        let store = try StoreTestSupport.memoryStore()
        let issued = try store.createToken(role: .reader, localAuthority: nil)
        var forged = issued.bearer
        let last = forged.removeLast()
        forged.append(last == "0" ? "1" : "0")
        #expect(try store.authenticate(bearer: forged) == nil)
    }

    @Test func aRevokedTokenNoLongerAuthenticatesAndIsStillListed() throws {
        let store = try StoreTestSupport.memoryStore()
        let kept = try store.createToken(role: .reader, localAuthority: nil)
        let revoked = try store.createToken(role: .uploader, localAuthority: "204")
        let record = try store.revokeToken(id: revoked.token.id)
        #expect(record.revoked != nil)
        #expect(try store.revokeToken(id: revoked.token.id).revoked == record.revoked)
        #expect(try store.authenticate(bearer: revoked.bearer) == nil)
        #expect(try store.authenticate(bearer: kept.bearer) != nil)
        #expect(Set(try store.tokens().map(\.id)) == [kept.token.id, revoked.token.id])
    }

    @Test func revokingAnUnknownTokenSaysSo() throws {
        let store = try StoreTestSupport.memoryStore()
        let error = #expect(throws: StoreError.self) { try store.revokeToken(id: "nope") }
        #expect(error?.code == .notFound)
    }

    @Test(arguments: [
        (AccessRole.uploader, nil as String?), (.uploader, "20"), (.uploader, "ABC"), (.reader, "202"), (.admin, "202"),
    ])
    func anUploaderNeedsAnLAAndNoOtherRoleTakesOne(role: AccessRole, authority: String?) throws {
        let store = try StoreTestSupport.memoryStore()
        let error = #expect(throws: StoreError.self) { try store.createToken(role: role, localAuthority: authority) }
        #expect(error?.code == .invalidRequest)
        #expect(try store.tokens().isEmpty)
    }

    @Test func digestsCompareEqualOnlyWhenEveryByteIs() {
        let digest = [UInt8](repeating: 7, count: 32)
        #expect(SQLiteReturnStore.constantTimeEqual(digest, digest))
        for index in [0, 15, 31] {
            var other = digest
            other[index] ^= 1
            #expect(!SQLiteReturnStore.constantTimeEqual(digest, other))
        }
        #expect(!SQLiteReturnStore.constantTimeEqual(digest, Array(digest.prefix(31))))
    }
}
