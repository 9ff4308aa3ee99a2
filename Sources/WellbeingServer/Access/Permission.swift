import WellbeingCore

/// What a route needs of its caller (service.md, the roles table).
enum Permission: Sendable {
    /// Published data and report cards: every role.
    case readPublished
    /// Filtered exports: researchers and admins.
    case export
    /// Submitting, listing and withdrawing returns: uploaders (their own LA only) and admins.
    case manageReturns
    /// The audit report, which holds hidden cells' true values: admins only.
    case auditReports

    /// True when a token of `role` may do this.
    func allows(_ role: AccessRole) -> Bool {
        switch self {
        case .readPublished: true
        case .export: role == .researcher || role == .admin
        case .manageReturns: role == .uploader || role == .admin
        case .auditReports: role == .admin
        }
    }

    /// What the refusal says about who may.
    var refusal: String {
        switch self {
        case .readPublished: "reading published data needs a token"
        case .export: "exports need a researcher or admin token"
        case .manageReturns: "returns are managed with an uploader token (for its own LA) or an admin token"
        case .auditReports: "the audit report holds hidden values: it needs an admin token"
        }
    }
}

extension ServiceRequestContext {
    /// The request's token if it allows `permission`; 401 without a token, 403 with one of the wrong role.
    func require(_ permission: Permission) throws(ServiceError) -> AccessToken {
        guard let token else { throw ServiceError.missingToken }
        guard permission.allows(token.role) else {
            throw ServiceError.forbidden("\(permission.refusal); this token is a \(token.role.rawValue) token.")
        }
        return token
    }

    /// Refuses an uploader whose LA is not `localAuthority` (3-digit code); admins reach every LA.
    func requireReach(of token: AccessToken, to localAuthority: String) throws(ServiceError) {
        guard token.role != .uploader || token.localAuthority == localAuthority else {
            throw ServiceError.forbidden("this uploader token is for LA \(token.localAuthority ?? "?"), "
                                         + "not LA \(localAuthority); use a token of that LA.")
        }
    }
}
