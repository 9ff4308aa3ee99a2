import ArgumentParser
import Foundation
import Logging
import WellbeingAudit
import WellbeingCore
import WellbeingIngest
import WellbeingServer

/// `wellbeing serve`: the web service on the store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the upload API, the published data and the report cards over HTTP.",
        discussion: """
            Publishes what the store holds, then listens (loopback only unless --host
            says otherwise) and prints the address on standard output. Every API route
            needs a bearer token (`wellbeing token create`); report-card pages need one
            too unless --public-pages. Published data is rebuilt in the background after
            each accepted upload or withdrawal.

            Uploads: POST /api/v1/returns with the XML return as the body. 201 with the
            receipt; 200 with the original receipt ("duplicate": true) when the same
            bytes are already stored; 422 with every error; 403 when an uploader's token
            is for another LA; 413 past --max-upload-bytes. Nothing is stored unless 201.

            Access logs (one line per request, on standard error) carry the method, path,
            status, duration and the token's id, never a token or pupil data.

            Examples:
              wellbeing serve --db store.sqlite --port 8080
              WELLBEING_DB=/srv/wellbeing/store.sqlite \\
                wellbeing serve --host 0.0.0.0 --public-pages
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var options: ServeOptions
    @OptionGroup var schemaOptions: SchemaOptions
    @OptionGroup var reference: ReferenceOptions
    @OptionGroup var protection: AuditOptions

    func run() async throws {
        let data = try reference.load()
        let reader = ReturnReader(schema: try schemaOptions.load(), instruments: [data.catalogue.instrument],
                                  localAuthorities: data.localAuthorities)
        // One solver thread: a republish after an upload leaves the other core to readers.
        let service = WellbeingService(store: try store.open(catalogue: data.catalogue), reader: reader,
                                       policy: data.policy, auditor: protection.audit ? GLPKAuditor(workers: 1) : nil,
                                       configuration: try options.configuration(),
                                       logger: Self.logger())
        try await service.run { address in
            // Unbuffered, so a script or test reading the pipe learns the address at once.
            FileHandle.standardOutput.write(Data("listening on \(address)\n".utf8))
        }
    }

    /// The service's logger: structured lines on standard error, level from $WELLBEING_LOG_LEVEL (default info).
    static func logger() -> Logger {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "wellbeing.server")
        logger.logLevel = ProcessInfo.processInfo.environment["WELLBEING_LOG_LEVEL"]
            .flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }
}
