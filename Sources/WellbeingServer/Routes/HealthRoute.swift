import Hummingbird
import WellbeingCore

/// `GET /health`: the process answers, the store answers a read, and a publication is being served.
struct HealthRoute: Sendable {
    private struct Health: Encodable {
        let status: String
        let database: String
        let publication: Int?
    }

    let store: any ReturnStore
    let publisher: Republisher

    func check(_ request: Request, context: ServiceRequestContext) -> Response {
        let database: String
        do {
            try store.checkReadable()
            database = "ok"
        } catch {
            context.logger.error("health check: the store cannot be read", metadata: ["reason": "\(error.message)"])
            database = "unavailable"
        }
        let healthy = database == "ok"
        return JSONBody.response(Health(status: healthy ? "ok" : "unavailable", database: database,
                                        publication: publisher.current?.generation),
                                 status: healthy ? .ok : .serviceUnavailable)
    }
}
