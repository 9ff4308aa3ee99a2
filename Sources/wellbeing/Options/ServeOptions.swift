import ArgumentParser
import Foundation
import WellbeingIngest
import WellbeingServer

/// How `serve` listens and what it allows: each flag falls back to an environment variable, then a default.
struct ServeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Address to bind (default: $WELLBEING_HOST, or 127.0.0.1, loopback only; use"
                               + " 0.0.0.0 to accept connections from other machines).", valueName: "ADDRESS"))
    var host: String?

    @Option(help: ArgumentHelp("Port to listen on; 0 picks a free one (default: $WELLBEING_PORT, or 8080).",
                               valueName: "N"))
    var port: Int?

    @Option(name: .customLong("max-upload-bytes"),
            help: ArgumentHelp("Largest return accepted by upload, in bytes; a larger one is refused with 413"
                               + " as it streams (default: $WELLBEING_MAX_UPLOAD_BYTES, or 1 GiB).", valueName: "N"))
    var maxUploadBytes: Int?

    @Option(name: .customLong("max-uploads"),
            help: ArgumentHelp("Uploads read at once; more are refused with 503 (default: $WELLBEING_MAX_UPLOADS,"
                               + " or 2).", valueName: "N"))
    var maxUploads: Int?

    @Option(name: .customLong("request-timeout"),
            help: ArgumentHelp("Seconds an upload may take, and a connection may sit idle (default:"
                               + " $WELLBEING_REQUEST_TIMEOUT, or 300).", valueName: "SECONDS"))
    var requestTimeout: Int?

    @Flag(name: .customLong("public-pages"),
          help: "Serve the report-card pages without a token (also: WELLBEING_PUBLIC_PAGES=1). The API always needs one.")
    var publicPages = false

    func validate() throws {
        let configuration = try self.configuration()
        guard (0...65_535).contains(configuration.port) else { throw ValidationError("--port must be 0 to 65535") }
        guard configuration.maxUploadBytes > 0 else { throw ValidationError("--max-upload-bytes must be positive") }
        guard configuration.maxConcurrentUploads > 0 else { throw ValidationError("--max-uploads must be positive") }
        guard configuration.requestTimeout > .zero else { throw ValidationError("--request-timeout must be positive") }
    }

    /// The configuration the flags, the environment and the defaults give.
    func configuration() throws -> ServiceConfiguration {
        let defaults = ServiceConfiguration()
        return ServiceConfiguration(
            host: host ?? Self.environment("WELLBEING_HOST") ?? defaults.host,
            port: try port ?? Self.number("WELLBEING_PORT") ?? defaults.port,
            maxUploadBytes: try maxUploadBytes ?? Self.number("WELLBEING_MAX_UPLOAD_BYTES") ?? defaults.maxUploadBytes,
            maxConcurrentUploads: try maxUploads ?? Self.number("WELLBEING_MAX_UPLOADS")
                ?? defaults.maxConcurrentUploads,
            requestTimeout: try requestTimeout.map { .seconds($0) }
                ?? Self.number("WELLBEING_REQUEST_TIMEOUT").map { .seconds($0) } ?? defaults.requestTimeout,
            publicPages: publicPages || ["1", "true", "yes"].contains(Self.environment("WELLBEING_PUBLIC_PAGES") ?? ""))
    }

    private static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func number(_ name: String) throws -> Int? {
        guard let text = environment(name) else { return nil }
        guard let value = Int(text) else { throw ValidationError("\(name)=\(text) is not a whole number") }
        return value
    }
}
