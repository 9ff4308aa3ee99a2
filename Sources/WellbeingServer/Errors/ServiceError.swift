import Hummingbird
import WellbeingCore

/// A refusal as the API reports it: a status and `{ "error": { "code", "message" } }`, plus any diagnostics.
///
/// Messages say what is wrong and how to fix it; they never carry pupil data or tokens.
struct ServiceError: HTTPResponseError {
    let status: HTTPResponse.Status
    /// A stable, lower-snake-case code for programs.
    let code: String
    let message: String
    /// The problems found in a rejected return (422 only).
    var diagnostics: ReturnDiagnosticsJSON?
    /// Extra headers, such as `WWW-Authenticate` on 401.
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONBody.response(ErrorEnvelope(error: .init(code: code, message: message,
                                                                    diagnostics: diagnostics)),
                                         status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}

extension ServiceError {
    static let missingToken: ServiceError = {
        var error = ServiceError(.unauthorized, "missing_token",
                                 "this needs an API token: send `Authorization: Bearer TOKEN`"
                                 + " (an operator creates one with `wellbeing token create`).")
        error.headers[.wwwAuthenticate] = "Bearer"
        return error
    }()

    static let unknownToken: ServiceError = {
        var error = ServiceError(.unauthorized, "invalid_token",
                                 "the API token is not known or has been revoked; ask an operator for a new one.")
        error.headers[.wwwAuthenticate] = "Bearer error=\"invalid_token\""
        return error
    }()

    static func forbidden(_ message: String) -> ServiceError {
        ServiceError(.forbidden, "forbidden", message)
    }

    static func notFound(_ message: String) -> ServiceError {
        ServiceError(.notFound, "not_found", message)
    }

    static func badRequest(_ message: String) -> ServiceError {
        ServiceError(.badRequest, "bad_request", message)
    }
}

/// The JSON shape of every error response.
struct ErrorEnvelope: Encodable {
    struct Body: Encodable {
        let code: String
        let message: String
        let diagnostics: ReturnDiagnosticsJSON?
    }

    let error: Body
}

extension ServiceError {
    /// The store failed: 503, with the store's message (which never carries pupil data).
    static func unavailable(_ error: StoreError) -> ServiceError {
        ServiceError(.serviceUnavailable, "store_unavailable", "the store cannot answer: \(error.message)")
    }
}
