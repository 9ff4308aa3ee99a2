/// Why disclosure control could not give a table that is safe to publish; the caller then writes nothing.
public struct DisclosureError: Error, CustomStringConvertible, Sendable, Hashable {
    /// What went wrong, as a stable code for logs and exit statuses.
    public enum Code: String, Sendable, Hashable, Codable {
        /// Complementary suppression ran out of cells to hide while primary cells were still exposed.
        case unprotectable = "D001"
        /// The LP solver failed; this says nothing about the table, only that it was not audited.
        case solverFailure = "D002"
    }

    public var code: Code
    public var message: String
    /// The primary cells still exposed (for ``Code/unprotectable``), at most a few for the message's sake.
    public var cells: [CellReference]

    public init(_ code: Code, _ message: String, cells: [CellReference] = []) {
        self.code = code
        self.message = message
        self.cells = cells
    }

    public var description: String { "\(code.rawValue) \(message)" }
}
