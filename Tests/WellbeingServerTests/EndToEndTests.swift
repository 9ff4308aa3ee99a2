import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// The real `wellbeing serve` on a free loopback port against a temporary store, spoken to over HTTP.
@Suite(.serialized) struct EndToEndTests {
    /// The built binary, next to the test bundle.
    static let executable: URL = {
        var directory = Bundle.main.bundleURL
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("wellbeing")
            if FileManager.default.isExecutableFile(atPath: candidate.path), !candidate.hasDirectoryPath {
                return candidate
            }
            directory.deleteLastPathComponent()
        }
        fatalError("the wellbeing executable was not built next to the tests")
    }()

    @Test func uploadThenReadBackOverHTTP() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wellbeing-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("store.sqlite").path
        let uploader = try Self.command(["token", "create", "--role", "uploader", "--la", "202", "--db", database])
        let reader = try Self.command(["token", "create", "--role", "reader", "--db", database])

        let server = try Server(arguments: ["serve", "--db", database, "--port", "0", "--max-upload-bytes", "20000"])
        defer { server.stop() }
        let client = HTTPClient.shared

        // A streamed upload (no Content-Length), as a large return would be sent.
        let minimal = try Data(contentsOf: URL(fileURLWithPath: ServiceFixture.fixture("valid/minimal.xml")))
        let stored = try await Self.send(client, "POST", server.address + "/api/v1/returns", token: uploader,
                                         body: Array(minimal))
        #expect(stored.status == 201)
        let receipt = try json(stored.body)
        #expect(receipt["schools"] as? Int == 1)

        // Past the limit while streaming: 413, and the store still holds one return.
        let large = try Data(contentsOf: URL(fileURLWithPath: ServiceFixture.fixture("valid/hand-checkable.xml")))
        let refused = try await Self.send(client, "POST", server.address + "/api/v1/returns", token: uploader,
                                          body: Array(large))
        #expect(refused.status == 413)

        // Published data follows the upload without a restart.
        try await Self.waitForPublication(client, server: server, generation: 2)
        let area = try await Self.send(client, "GET", server.address + "/api/v1/areas/202", token: reader)
        #expect(area.status == 200)
        #expect((try json(area.body)["schools"] as? [[String: Any]])?.compactMap { $0["urn"] as? Int } == [100051])
        let school = try await Self.send(client, "GET", server.address + "/api/v1/schools/100051", token: reader)
        #expect(school.status == 200)
        let page = try await Self.send(client, "GET", server.address + "/schools/100051", token: reader)
        #expect(page.status == 200)
        #expect(String(buffer: page.body).hasPrefix("<!DOCTYPE html>"))
        let returns = try await Self.send(client, "GET", server.address + "/api/v1/returns", token: uploader)
        #expect((try json(returns.body)["returns"] as? [Any])?.count == 1)

        let log = server.stop()
        #expect(log.contains("path=/api/v1/returns status=201"))
        #expect(!log.contains(uploader) && !log.contains(reader))
        #expect(!log.contains(String(uploader.split(separator: "_").last!)))
    }

    @Test func theDemoServesItsWaveWithPublicPagesAndAReaderToken() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wellbeing-demo-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        let server = try Server(arguments: ["demo", "--dir", directory.path, "--port", "0", "--pupils", "600",
                                           "--schools", "4", "--las", "2"])
        defer { server.stop() }
        let token = try #require(server.printed.split(separator: "\n").first { $0.hasPrefix("Reader token") }?
            .split(separator: " ").last.map(String.init))
        let client = HTTPClient.shared
        let home = try await Self.send(client, "GET", server.address + "/", token: nil)
        #expect(home.status == 200)
        let areas = try await Self.send(client, "GET", server.address + "/api/v1/areas", token: token)
        #expect((try json(areas.body)["areas"] as? [Any])?.count == 2)
        let anonymous = try await Self.send(client, "GET", server.address + "/api/v1/areas", token: nil)
        #expect(anonymous.status == 401)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("export/indicators.csv").path))
    }

    /// Polls `/health` until the server serves publication `generation` or later.
    static func waitForPublication(_ client: HTTPClient, server: Server, generation: Int) async throws {
        for _ in 0..<200 {
            let health = try await send(client, "GET", server.address + "/health", token: nil)
            if let current = try json(health.body)["publication"] as? Int, current >= generation { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("publication \(generation) did not appear")
    }

    static func send(_ client: HTTPClient, _ method: String, _ url: String, token: String?, body: [UInt8]? = nil)
        async throws -> (status: Int, body: ByteBuffer)
    {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body { request.body = .bytes(body, length: .unknown) }
        let response = try await client.execute(request, timeout: .seconds(60))
        return (Int(response.status.code), try await response.body.collect(upTo: 16 << 20))
    }

    /// Runs a short command and returns its standard output, trimmed.
    static func command(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandError(arguments: arguments) }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct CommandError: Error { var arguments: [String] }

    /// A `wellbeing serve` process, stopped (SIGTERM) by ``stop()``.
    final class Server: @unchecked Sendable {
        let process = Process()
        let address: String
        private let errors = Pipe()
        private var log: String?

        init(arguments: [String]) throws {
            process.executableURL = EndToEndTests.executable
            process.arguments = arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            // The server prints its address once it listens; port 0 made it pick a free one.
            var seen = ""
            var line: Substring?
            while line == nil {
                let data = output.fileHandleForReading.availableData
                guard !data.isEmpty else { throw CommandError(arguments: arguments) }
                seen += String(decoding: data, as: UTF8.self)
                line = seen.split(separator: "\n").first { $0.hasPrefix("listening on ") && seen.contains($0 + "\n") }
            }
            address = String(line!.dropFirst("listening on ".count))
            printed = seen
        }

        /// What the process printed on standard output up to the address.
        let printed: String

        /// Stops the server (once) and returns what it logged.
        @discardableResult
        func stop() -> String {
            if let log { return log }
            process.terminate()
            let data = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            log = String(decoding: data, as: UTF8.self)
            return log!
        }
    }
}
