import Hummingbird
import HummingbirdTesting
import Testing
import WellbeingServer

/// Every route with every role and with no token: the roles table of service.md, route by route.
@Suite struct RouteAccessTests {
    typealias Caller = ServiceFixture.Caller

    /// A route, how to call it, and the status each caller gets.
    struct Route: Sendable, CustomTestStringConvertible {
        var method: HTTPRequest.Method
        var path: String
        /// A fixture sent as the body.
        var body: String?
        var expected: [Caller: HTTPResponse.Status]

        var testDescription: String { "\(method) \(path)" }

        /// Readable by every role, refused without a token.
        static func published(_ path: String) -> Route {
            Route(method: .get, path: path, expected: [
                .anonymous: .unauthorized, .uploader: .ok, .otherUploader: .ok, .reader: .ok, .researcher: .ok,
                .admin: .ok,
            ])
        }

        /// Camden's return 1: its uploader and admins only; Hackney's uploader is told there is no such return.
        static func returnManagement(_ method: HTTPRequest.Method, _ path: String, own: HTTPResponse.Status = .ok,
                                     other: HTTPResponse.Status = .notFound) -> Route {
            Route(method: method, path: path, expected: [
                .anonymous: .unauthorized, .uploader: own, .otherUploader: other, .reader: .forbidden,
                .researcher: .forbidden, .admin: own,
            ])
        }
    }

    static let routes: [Route] = [
        Route(method: .get, path: "/health", expected: Dictionary(uniqueKeysWithValues: Caller.allCases.map { ($0, .ok) })),
        // minimal.xml is Camden's; the store already holds hand-checkable.xml (also Camden), so it is new.
        Route(method: .post, path: "/api/v1/returns", body: "valid/minimal.xml", expected: [
            .anonymous: .unauthorized, .uploader: .created, .otherUploader: .forbidden, .reader: .forbidden,
            .researcher: .forbidden, .admin: .created,
        ]),
        .returnManagement(.get, "/api/v1/returns", other: .ok),
        .returnManagement(.get, "/api/v1/returns?la=202", other: .forbidden),
        .returnManagement(.get, "/api/v1/returns/1"),
        .returnManagement(.delete, "/api/v1/returns/1"),
        .published("/api/v1/indicators"),
        .published("/api/v1/areas"),
        .published("/api/v1/areas/202"),
        .published("/api/v1/schools/100049"),
        Route(method: .get, path: "/api/v1/exports/indicators.csv?la=202", expected: [
            .anonymous: .unauthorized, .uploader: .forbidden, .otherUploader: .forbidden, .reader: .forbidden,
            .researcher: .ok, .admin: .ok,
        ]),
        // The fixture publishes without an audit: an admin learns there is no report, everyone else is refused.
        Route(method: .get, path: "/api/v1/audit", expected: [
            .anonymous: .unauthorized, .uploader: .forbidden, .otherUploader: .forbidden, .reader: .forbidden,
            .researcher: .forbidden, .admin: .notFound,
        ]),
        .published("/"),
        .published("/areas/202"),
        .published("/schools/100049"),
        Route(method: .get, path: "/report-card.css",
              expected: Dictionary(uniqueKeysWithValues: Caller.allCases.map { ($0, .ok) })),
    ]

    @Test(arguments: routes, Caller.allCases)
    func eachRoleGetsWhatTheTableAllows(route: Route, caller: Caller) async throws {
        let fixture = try ServiceFixture()
        try await fixture.seed("valid/hand-checkable.xml")
        let body = try route.body.map(ServiceFixture.bytes)
        let status = try await fixture.withClient { client in
            try await client.execute(uri: route.path, method: route.method, headers: fixture.headers(caller),
                                     body: body) { $0.status }
        }
        #expect(status == route.expected[caller])
    }

    @Test(arguments: [Caller.uploader, .reader, .admin])
    func aRevokedTokenIsRefused(caller: Caller) async throws {
        let fixture = try ServiceFixture()
        await fixture.published()
        for token in try fixture.store.tokens() { _ = try fixture.store.revokeToken(id: token.id) }
        try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/areas", method: .get, headers: fixture.headers(caller)) { response in
                #expect(response.status == .unauthorized)
                let error = try json(response.body)["error"] as? [String: Any]
                #expect(error?["code"] as? String == "invalid_token")
            }
        }
    }

    @Test(arguments: ["Bearer wbt_000000000000_" + String(repeating: "0", count: 64), "Bearer nonsense", "Basic dXNlcg=="])
    func anUnknownOrMalformedTokenIsRefused(authorization: String) async throws {
        let fixture = try ServiceFixture()
        try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/indicators", method: .get,
                                     headers: [.authorization: authorization]) { response in
                #expect(response.status == .unauthorized)
                let error = try json(response.body)["error"] as? [String: Any]
                #expect(error?["code"] as? String == "invalid_token")
            }
        }
    }

    @Test(arguments: ["/", "/areas/202", "/schools/100049"])
    func publicPagesNeedNoTokenButTheAPIStillDoes(path: String) async throws {
        let fixture = try ServiceFixture(configuration: ServiceConfiguration(publicPages: true))
        try await fixture.seed("valid/hand-checkable.xml")
        try await fixture.withClient { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            }
            try await client.execute(uri: "/api/v1/areas/202", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }
}
