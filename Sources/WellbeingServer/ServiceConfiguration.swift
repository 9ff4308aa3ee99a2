/// How a service instance listens and what it allows: the operator's choices from flags and environment.
public struct ServiceConfiguration: Sendable {
    /// The address to bind; loopback unless the operator opens the service to the network.
    public var host: String
    /// The port to listen on; 0 picks a free one (the address listened on is reported when the server starts).
    public var port: Int
    /// The largest return body accepted, in bytes; a larger upload is refused with 413 while it streams.
    public var maxUploadBytes: Int
    /// Uploads read at once; one more is refused with 503 until one ends.
    public var maxConcurrentUploads: Int
    /// How long a request may take from its head to its response, and how long a connection may sit idle.
    public var requestTimeout: Duration
    /// True when the report-card pages need no token.
    public var publicPages: Bool

    public init(host: String = "127.0.0.1", port: Int = 8080, maxUploadBytes: Int = 1 << 30,
                maxConcurrentUploads: Int = 2, requestTimeout: Duration = .seconds(300), publicPages: Bool = false) {
        self.host = host
        self.port = port
        self.maxUploadBytes = maxUploadBytes
        self.maxConcurrentUploads = maxConcurrentUploads
        self.requestTimeout = requestTimeout
        self.publicPages = publicPages
    }
}
