import Hummingbird
import WellbeingCore

/// Reads `Authorization: Bearer …`, checks the token with the store and puts it on the context.
///
/// A request without the header passes on with no token (each route decides whether it
/// needs one); a token the store does not know, or has revoked, is refused with 401 here.
struct BearerAuthentication: RouterMiddleware {
    let tokens: any TokenStore

    func handle(_ request: Request, context: ServiceRequestContext,
                next: (Request, ServiceRequestContext) async throws -> Response) async throws -> Response
    {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        let scheme = "bearer "
        guard header.count > scheme.count, header.prefix(scheme.count).lowercased() == scheme else {
            throw ServiceError.unknownToken
        }
        let bearer = String(header.dropFirst(scheme.count)).trimmingCharacters(in: .whitespaces)
        let token: AccessToken?
        do {
            token = try tokens.authenticate(bearer: bearer)
        } catch {
            throw ServiceError.unavailable(error)
        }
        guard let token else { throw ServiceError.unknownToken }
        var context = context
        context.token = token
        return try await next(request, context)
    }
}
