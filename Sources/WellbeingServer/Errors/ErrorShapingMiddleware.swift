import Hummingbird
import Logging

/// Turns every failure into the API's JSON error shape: Hummingbird's own (404, 405, 413 …) and unexpected ones.
///
/// An unexpected error is logged with its type only and answered with a plain 500, so no stack
/// trace, SQL or pupil data reaches a client (or the log).
struct ErrorShapingMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as ServiceError {
            throw error
        } catch let error as HTTPError {
            throw Self.shaped(error)
        } catch {
            context.logger.error("request failed", metadata: ["error_type": "\(type(of: error))"])
            throw ServiceError(.internalServerError, "internal_error",
                               "the service failed to answer; try again, and tell the operator if it persists.")
        }
    }

    /// Hummingbird's own refusals, with a code and a message of ours.
    private static func shaped(_ error: HTTPError) -> ServiceError {
        switch error.status {
        case .notFound:
            .notFound("there is nothing at this address; the API lives under /api/v1 (see the service guide).")
        case .methodNotAllowed:
            ServiceError(.methodNotAllowed, "method_not_allowed", "this address does not take that method.")
        case .contentTooLarge:
            ServiceError(.contentTooLarge, "too_large", "the request body is larger than the service accepts.")
        default:
            ServiceError(error.status, error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_"),
                         error.body ?? error.status.reasonPhrase)
        }
    }
}
