import Hummingbird
import Logging

/// One structured log line per request: method, path, status, duration, and the token's id and role.
///
/// The query string is left out and so is every header, so a token (or anything a client puts
/// in a URL) never reaches the log; the token's public id says whose request it was.
struct AccessLogMiddleware: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: ServiceRequestContext,
                next: (Request, ServiceRequestContext) async throws -> Response) async throws -> Response
    {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status, since: start)
            return response
        } catch let error as any HTTPResponseError {
            log(request, context: context, status: error.status, since: start)
            throw error
        } catch {
            log(request, context: context, status: .internalServerError, since: start)
            throw error
        }
    }

    private func log(_ request: Request, context: ServiceRequestContext, status: HTTPResponse.Status,
                     since start: ContinuousClock.Instant) {
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)",
            "path": "\(request.uri.path)",
            "status": "\(status.code)",
            "duration_ms": "\(((ContinuousClock.now - start) / .microseconds(1)).rounded() / 1000)",
        ]
        if let token = context.token {
            metadata["token_id"] = "\(token.id)"
            metadata["role"] = "\(token.role.rawValue)"
        }
        logger.info("request", metadata: metadata)
    }
}
