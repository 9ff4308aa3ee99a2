import Hummingbird
import HummingbirdTesting
import Testing
import WellbeingServer

/// Every refusal is `{ "error": { "code", "message" } }` with the right status, and never a stack trace.
@Suite struct ErrorShapeTests {
    typealias Caller = ServiceFixture.Caller

    struct Case: Sendable, CustomTestStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        var caller: Caller
        var status: HTTPResponse.Status
        var code: String

        var testDescription: String { "\(method) \(path) as \(caller) → \(status.code) \(code)" }
    }

    static let cases: [Case] = [
        Case(method: .get, path: "/api/v1/areas", caller: .anonymous, status: .unauthorized, code: "missing_token"),
        Case(method: .get, path: "/api/v1/returns", caller: .reader, status: .forbidden, code: "forbidden"),
        Case(method: .get, path: "/api/v1/areas/999", caller: .reader, status: .notFound, code: "not_found"),
        Case(method: .get, path: "/api/v1/schools/abc", caller: .reader, status: .notFound, code: "not_found"),
        Case(method: .get, path: "/api/v1/returns/abc", caller: .admin, status: .badRequest, code: "bad_request"),
        Case(method: .get, path: "/api/v1/returns/99", caller: .admin, status: .notFound, code: "not_found"),
        Case(method: .get, path: "/no/such/page", caller: .reader, status: .notFound, code: "not_found"),
        Case(method: .put, path: "/api/v1/areas", caller: .reader, status: .notFound, code: "not_found"),
    ]

    @Test(arguments: cases)
    func refusalsAreJSON(_ test: Case) async throws {
        let fixture = try ServiceFixture()
        await fixture.published()
        try await fixture.withClient { client in
            try await client.execute(uri: test.path, method: test.method, headers: fixture.headers(test.caller)) {
                response in
                #expect(response.status == test.status)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let error = try #require(try json(response.body)["error"] as? [String: Any])
                #expect(error["code"] as? String == test.code)
                let message = try #require(error["message"] as? String)
                #expect(!message.isEmpty)
                #expect(!message.contains("Swift/") && !message.contains("Fatal"))
            }
        }
    }

    @Test func aMissingTokenIsAnsweredWithABearerChallenge() async throws {
        let fixture = try ServiceFixture()
        try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/indicators", method: .get) { response in
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
            }
        }
    }
}
