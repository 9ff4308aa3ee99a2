/// What the holder of an API token may do (service.md, "Web service").
public enum AccessRole: String, Sendable, Hashable, CaseIterable {
    /// Submits, lists and withdraws returns for one LA; reads published data.
    case uploader
    /// Reads published (suppressed) data and report cards.
    case reader
    /// Reads and exports published data.
    case researcher
    /// Everything, including every LA's returns.
    case admin

}
