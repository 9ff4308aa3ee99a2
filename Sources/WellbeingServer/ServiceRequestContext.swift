public import Hummingbird
public import WellbeingCore

/// A request's context: Hummingbird's own, plus the token that came with it, once checked.
public struct ServiceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The active token the request carried; nil when it carried none.
    public var token: AccessToken?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        token = nil
    }
}
