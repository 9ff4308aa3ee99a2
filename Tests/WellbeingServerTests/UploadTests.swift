import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WellbeingCore
@testable import WellbeingServer

/// `POST /api/v1/returns`: stored whole with a receipt, or refused with nothing stored.
@Suite struct UploadTests {
    @Test func aValidReturnIsStoredAndPublished() async throws {
        let fixture = try ServiceFixture()
        await fixture.published()
        let body = try ServiceFixture.bytes("valid/hand-checkable.xml")
        let receipt = try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/returns", method: .post,
                                     headers: fixture.headers(.uploader, [.contentDisposition: "attachment; filename=\"camden.xml\""]),
                                     body: body) { response in
                #expect(response.status == .created)
                return try json(response.body)
            }
        }
        #expect(receipt["localAuthority"] as? String == "202")
        #expect(receipt["schools"] as? Int == 2)
        #expect(receipt["name"] as? String == "camden.xml")
        #expect((receipt["sha256"] as? String)?.count == 64)
        #expect(try fixture.store.returns(localAuthority: nil).map(\.id) == [receipt["id"] as? Int64])

        await fixture.published()
        let area = try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/areas/202", method: .get, headers: fixture.headers(.reader)) {
                try json($0.body)
            }
        }
        let schools = try #require(area["schools"] as? [[String: Any]])
        #expect(schools.compactMap { $0["urn"] as? Int } == [100049, 100050])
        #expect((area["cells"] as? [Any])?.isEmpty == false)
    }

    @Test func theIdenticalReturnAgainGivesTheOriginalReceiptAndChangesNothing() async throws {
        let fixture = try ServiceFixture()
        let body = try ServiceFixture.bytes("valid/minimal.xml")
        let (first, second) = try await fixture.withClient { client in
            let first = try await client.execute(uri: "/api/v1/returns", method: .post,
                                                 headers: fixture.headers(.uploader), body: body)
            let second = try await client.execute(uri: "/api/v1/returns", method: .post,
                                                  headers: fixture.headers(.uploader), body: body)
            return (first, second)
        }
        #expect(first.status == .created)
        #expect(second.status == .ok)
        let original = try json(first.body), again = try json(second.body)
        #expect(again["id"] as? Int == original["id"] as? Int)
        #expect(again["duplicate"] as? Bool == true)
        #expect(original["duplicate"] == nil)
        #expect(try fixture.store.returns(localAuthority: nil).count == 1)
    }

    @Test func anInvalidReturnListsEveryErrorWithoutPupilData() async throws {
        let fixture = try ServiceFixture()
        let path = "invalid/E121-duplicate-ref.xml"
        let body = try ServiceFixture.bytes(path)
        let response = try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/returns", method: .post, headers: fixture.headers(.admin), body: body)
        }
        #expect(response.status == .unprocessableContent)
        let error = try #require(try json(response.body)["error"] as? [String: Any])
        #expect(error["code"] as? String == "invalid_return")
        let diagnostics = try #require(error["diagnostics"] as? [String: Any])
        let items = try #require(diagnostics["items"] as? [[String: Any]])
        #expect(diagnostics["errors"] as? Int == items.filter { $0["severity"] as? String == "error" }.count)
        let first = try #require(items.first { $0["code"] as? String == "E121" })
        #expect(first["line"] is Int && first["column"] is Int && first["school"] is String)
        // The duplicated ref is in the file; it must not come back in the answer.
        let text = String(buffer: response.body)
        for ref in try Self.pupilRefs(in: path) { #expect(!text.contains("\"\(ref)\"")) }
        #expect(try fixture.store.returns(localAuthority: nil).isEmpty)
    }

    @Test func anUploaderCannotSubmitAnotherLAsReturn() async throws {
        let fixture = try ServiceFixture()
        let body = try ServiceFixture.bytes("valid/minimal.xml")
        let response = try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/returns", method: .post, headers: fixture.headers(.otherUploader),
                                     body: body)
        }
        #expect(response.status == .forbidden)
        let error = try #require(try json(response.body)["error"] as? [String: Any])
        #expect((error["message"] as? String)?.contains("202") == true)
        #expect(try fixture.store.returns(localAuthority: nil).isEmpty)
        #expect(try fixture.store.snapshot().aggregation.schoolCount == 0)
    }

    @Test func aReturnOverTheLimitIsRefusedWith413AndNothingStored() async throws {
        let fixture = try ServiceFixture(configuration: ServiceConfiguration(maxUploadBytes: 4096))
        let body = try ServiceFixture.bytes("valid/minimal.xml")
        #expect(body.readableBytes > 4096)
        let response = try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/returns", method: .post, headers: fixture.headers(.uploader),
                                     body: body)
        }
        #expect(response.status == .contentTooLarge)
        #expect((try json(response.body)["error"] as? [String: Any])?["code"] as? String == "too_large")
        #expect(try fixture.store.returns(localAuthority: nil).isEmpty)
    }

    @Test func aWithdrawnReturnLeavesThePublishedData() async throws {
        let fixture = try ServiceFixture()
        try await fixture.seed("valid/minimal.xml")
        let areasBefore = try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/areas", method: .get, headers: fixture.headers(.reader)) {
                try json($0.body)["areas"] as? [[String: Any]]
            }
        }
        #expect(areasBefore?.count == 1)
        let withdrawn = try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/returns/1", method: .delete, headers: fixture.headers(.uploader)) {
                try json($0.body)
            }
        }
        #expect(withdrawn["status"] as? String == "withdrawn")
        await fixture.published()
        let areasAfter = try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/areas", method: .get, headers: fixture.headers(.reader)) {
                try json($0.body)["areas"] as? [[String: Any]]
            }
        }
        #expect(areasAfter?.isEmpty == true)
    }

    @Test func anUploaderListsOnlyItsOwnLAsReturns() async throws {
        let fixture = try ServiceFixture()
        try await fixture.seed("valid/minimal.xml")
        try await fixture.seed("valid/bom-utf8.xml")
        let listed = try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/returns", method: .get, headers: fixture.headers(.uploader)) {
                try json($0.body)["returns"] as? [[String: Any]]
            }
        }
        #expect(listed?.compactMap { $0["localAuthority"] as? String } == ["202"])
        let all = try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/returns", method: .get, headers: fixture.headers(.admin)) {
                try json($0.body)["returns"] as? [[String: Any]]
            }
        }
        #expect(all?.compactMap { $0["localAuthority"] as? String } == ["202", "206"])
    }

    /// The `ref` attributes of a fixture's pupils.
    static func pupilRefs(in relative: String) throws -> Set<String> {
        let text = try String(contentsOfFile: ServiceFixture.fixture(relative), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: "ref=\"([^\"]+)\"")
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        return Set(matches.compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } })
    }
}

/// The cap on uploads read at once.
@Suite struct UploadGateTests {
    @Test(arguments: [1, 3])
    func theGateLetsInUpToItsLimit(limit: Int) {
        let gate = UploadGate(limit: limit)
        for _ in 0..<limit { #expect(gate.enter()) }
        #expect(!gate.enter())
        gate.leave()
        #expect(gate.enter())
    }
}
