import Foundation
import Testing
import Hummingbird
import HummingbirdTesting
import Logging
import WellbeingCore
import WellbeingIngest
import WellbeingResources
import WellbeingServer
import WellbeingStorage

/// A service on a fresh in-memory store, a token of every role, and ways to seed and call it.
struct ServiceFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let reference = try! ShippedReferenceData.load()
    static let reader = ReturnReader(
        schema: try! ReturnSchema(path: packageRoot.appendingPathComponent("Schemas/wellbeing-return-1.0.xsd").path),
        instruments: [reference.catalogue.instrument], localAuthorities: reference.localAuthorities)

    /// Who calls: no token, or a token of a role (uploaders for Camden, 202, or Hackney, 204).
    enum Caller: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case anonymous, uploader, otherUploader, reader, researcher, admin

        var testDescription: String { rawValue }
    }

    let store: SQLiteReturnStore
    let service: WellbeingService
    private let bearers: [Caller: String]

    /// A service on an in-memory store; unaudited unless an auditor is given (routes behave the same either way).
    init(configuration: ServiceConfiguration = ServiceConfiguration(), auditor: (any DisclosureAuditor)? = nil) throws {
        store = try SQLiteReturnStore(inMemoryWith: Self.reference.catalogue)
        service = WellbeingService(store: store, reader: Self.reader, policy: Self.reference.policy, auditor: auditor,
                                   configuration: configuration, logger: Logger(label: "test"))
        var bearers: [Caller: String] = [:]
        bearers[.uploader] = try store.createToken(role: .uploader, localAuthority: "202").bearer
        bearers[.otherUploader] = try store.createToken(role: .uploader, localAuthority: "204").bearer
        bearers[.reader] = try store.createToken(role: .reader, localAuthority: nil).bearer
        bearers[.researcher] = try store.createToken(role: .researcher, localAuthority: nil).bearer
        bearers[.admin] = try store.createToken(role: .admin, localAuthority: nil).bearer
        self.bearers = bearers
    }

    static func fixture(_ relative: String) -> String {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    static func bytes(_ relative: String) throws -> ByteBuffer {
        ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: fixture(relative))))
    }

    /// Stores a fixture directly (as `wellbeing ingest` would) and waits for the publication that includes it.
    func seed(_ relative: String) async throws {
        let outcome = try store.submit { visitor in
            let report = try Self.reader.read(file: Self.fixture(relative), into: &visitor)
            return ReturnSubmission(name: relative, sha256: report.sha256, isValid: report.isValid,
                                    warnings: report.warningCount)
        }
        precondition(outcome.receipt != nil, "fixture \(relative) was not stored")
        await published()
    }

    /// Waits until the published data reflects every change so far.
    func published() async {
        service.publisher.refresh()
        await service.publisher.settled()
    }

    /// The headers a caller sends.
    func headers(_ caller: Caller, _ extra: HTTPFields = [:]) -> HTTPFields {
        var headers = extra
        if let bearer = bearers[caller] { headers[.authorization] = "Bearer \(bearer)" }
        return headers
    }

    /// Runs `body` with a client of the service's router (no network).
    func withClient<T>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await service.application().test(.router, body)
    }
}

/// A response body decoded as JSON.
func json(_ buffer: ByteBuffer) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(buffer.readableBytesView))
    guard let dictionary = object as? [String: Any] else { throw JSONShapeError() }
    return dictionary
}

struct JSONShapeError: Error {}
