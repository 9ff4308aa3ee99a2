public import Hummingbird
public import Logging
public import WellbeingCore
public import WellbeingIngest
import WellbeingReportCards

/// The web service of service.md: upload, receipts and withdrawal, published data, exports, report cards, health.
///
/// Requests pass, outermost first, through the access log, the error shaping (every error
/// becomes `{ "error": { "code", "message" } }`) and the bearer-token check; each route then
/// checks its own role. Published data comes from a ``Republisher``, rebuilt after every
/// change off the request path.
public struct WellbeingService: Sendable {
    public let configuration: ServiceConfiguration
    public let publisher: Republisher
    private let store: any ReturnStore & TokenStore
    private let reader: ReturnReader
    private let logger: Logger

    /// A service on `store`; `reader` checks uploads (its size limit becomes the configured upload limit).
    ///
    /// - Parameter auditor: the LP solver that audits every publication (as `wellbeing publish` does); nil
    ///   publishes with the primary rules and the floor of secondary suppression only.
    public init(store: any ReturnStore & TokenStore, reader: ReturnReader, policy: SuppressionPolicy,
                auditor: (any DisclosureAuditor)?, configuration: ServiceConfiguration, logger: Logger) {
        self.configuration = configuration
        self.store = store
        var reader = reader
        reader.limits.maxBytes = configuration.maxUploadBytes
        self.reader = reader
        self.logger = logger
        publisher = Republisher(store: store, policy: policy, auditor: auditor, logger: logger)
    }

    /// Every route, behind the middleware.
    public func router() -> Router<ServiceRequestContext> {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: AccessLogMiddleware(logger: logger))
        router.add(middleware: ErrorShapingMiddleware())
        router.add(middleware: BearerAuthentication(tokens: store))

        let health = HealthRoute(store: store, publisher: publisher)
        router.get("/health", use: health.check)

        let upload = ReturnUpload(store: store, reader: reader, publisher: publisher,
                                  gate: UploadGate(limit: configuration.maxConcurrentUploads),
                                  maxBytes: configuration.maxUploadBytes, timeout: configuration.requestTimeout)
        let returns = ReturnRoutes(store: store, publisher: publisher)
        let published = PublishedRoutes(publisher: publisher, catalogue: store.catalogue)
        let api = router.group("/api/v1")
        api.post("returns", use: upload.respond)
        api.get("returns", use: returns.list)
        api.get("returns/{id}", use: returns.show)
        api.delete("returns/{id}", use: returns.withdraw)
        api.get("indicators", use: published.indicators)
        api.get("areas", use: published.areas)
        api.get("areas/{la}", use: published.area)
        api.get("schools/{urn}", use: published.school)
        let exports = ExportRoutes(publisher: publisher)
        api.get("exports/indicators.csv", use: exports.indicatorsCSV)
        api.get("audit", use: exports.auditReport)

        let pages = PageRoutes(publisher: publisher, publicPages: configuration.publicPages)
        router.get("/", use: pages.home)
        router.get("/areas/{la}", use: pages.area)
        router.get("/schools/{urn}", use: pages.school)
        router.get("/\(ReportCardSite.stylesheetName)", use: pages.stylesheet)
        return router
    }

    /// The application serving ``router()`` at the configured address.
    ///
    /// - Parameter onListening: called with the address (`http://host:port`) once the server listens;
    ///   with port 0 this is how the chosen port becomes known.
    public func application(onListening: @escaping @Sendable (String) async -> Void = { _ in })
        -> some ApplicationProtocol
    {
        let seconds = max(1, configuration.requestTimeout.components.seconds)
        let host = configuration.host
        return Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .seconds(seconds))),
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                await onListening("http://\(host.contains(":") ? "[\(host)]" : host):\(port)")
            },
            logger: logger)
    }

    /// Publishes what the store holds, then serves until the process is told to stop.
    public func run(onListening: @escaping @Sendable (String) async -> Void = { _ in }) async throws {
        publisher.refresh()
        await publisher.settled()
        try await application(onListening: onListening).runService()
    }
}
