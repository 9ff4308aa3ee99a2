/// What a store did with a submitted return.
public enum SubmissionOutcome: Sendable, Hashable {
    /// Stored, in one transaction; the receipt.
    case stored(StoredReturn)
    /// The same bytes (same SHA-256) are already stored and in force: nothing changed; the original receipt.
    case duplicate(StoredReturn)
    /// The return is invalid (or was not read to its end): nothing of it was stored.
    case rejected

    /// The receipt of a stored or duplicate return.
    public var receipt: StoredReturn? {
        switch self {
        case .stored(let receipt), .duplicate(let receipt): receipt
        case .rejected: nil
        }
    }
}
