import Hummingbird
import WellbeingCore

/// `GET /api/v1/returns[?la=]`, `GET` and `DELETE /api/v1/returns/{id}`: receipts and withdrawal.
///
/// An uploader sees and withdraws its own LA's returns only; another LA's return is answered
/// with 404, as if it did not exist, so ids do not reveal other LAs' activity.
struct ReturnRoutes: Sendable {
    let store: any ReturnStore
    let publisher: Republisher

    func list(_ request: Request, context: ServiceRequestContext) throws -> Response {
        let token = try context.require(.manageReturns)
        var authority = request.uri.queryParameters.get("la")
        if token.role == .uploader {
            if let authority { try context.requireReach(of: token, to: authority) }
            authority = token.localAuthority
        }
        let receipts = try Self.storeCall { () throws(StoreError) in try store.returns(localAuthority: authority) }
        return JSONBody.response(["returns": receipts.map { ReceiptJSON($0) }])
    }

    func show(_ request: Request, context: ServiceRequestContext) throws -> Response {
        let token = try context.require(.manageReturns)
        let receipt = try reachable(try Self.id(in: context), by: token)
        return JSONBody.response(ReceiptJSON(receipt))
    }

    func withdraw(_ request: Request, context: ServiceRequestContext) throws -> Response {
        let token = try context.require(.manageReturns)
        let id = try reachable(try Self.id(in: context), by: token).id
        let receipt = try Self.storeCall { () throws(StoreError) in try store.withdraw(id: id) }
        publisher.refresh()
        return JSONBody.response(ReceiptJSON(receipt))
    }

    /// The receipt of return `id` if the token may see it; 404 otherwise.
    private func reachable(_ id: Int64, by token: AccessToken) throws -> StoredReturn {
        let receipt = try Self.storeCall { () throws(StoreError) in try store.storedReturn(id: id) }
        guard token.role != .uploader || receipt.header.localAuthority.code == token.localAuthority else {
            throw Self.noReturn(id)
        }
        return receipt
    }

    private static func id(in context: ServiceRequestContext) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text) else {
            throw ServiceError.badRequest("a return id is a whole number, as in the receipt's \"id\".")
        }
        return id
    }

    /// Runs a store call, answering 404 for an unknown id and 503 for a store that fails.
    private static func storeCall<T>(_ call: () throws(StoreError) -> T) throws(ServiceError) -> T {
        do {
            return try call()
        } catch where error.code == .notFound {
            throw ServiceError.notFound("there is no such return; GET /api/v1/returns lists yours.")
        } catch {
            throw ServiceError.unavailable(error)
        }
    }

    private static func noReturn(_ id: Int64) -> ServiceError {
        ServiceError.notFound("there is no return \(id) for this token's LA; GET /api/v1/returns lists yours.")
    }
}
