/// A store that cannot do what was asked, with a code for programs and a plain-English message with the fix.
public struct StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: String, Sendable {
        /// The store cannot be opened or created where it was asked for.
        case cannotOpen
        /// The installation secret is missing, unreadable, malformed or readable by others.
        case secretUnusable
        /// The secret is not the one the store's pseudonyms were made with.
        case secretMismatch
        /// Another process held the store for longer than the wait allows.
        case busy
        /// No return (or token) has the id asked for.
        case notFound
        /// A request the store refuses as asked, such as an uploader token without an LA.
        case invalidRequest
        /// Stored sums were built with another catalogue than the one given.
        case catalogueMismatch
        /// Stored bytes that should hold a school's sums do not.
        case corruptSums
        /// The database refused an operation (full disk, I/O error, damaged file, …).
        case database
    }

    public var code: Code
    /// What went wrong and what to do about it; never contains pupil data.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
