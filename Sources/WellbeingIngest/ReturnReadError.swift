/// A return that could not be read at all — a problem with the input or the machine, not with its content.
///
/// Content problems are diagnostics in a ``ValidationReport``; these stop the read.
public struct ReturnReadError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: String, Sendable {
        /// The file does not exist or cannot be opened.
        case cannotOpen
        /// Reading the bytes failed part-way.
        case readFailed
        /// The XSD cannot be read or compiled.
        case badSchema
        /// Scratch space for the duplicate-UPN check could not be written or read back.
        case scratchFailed
    }

    public var code: Code
    /// What went wrong and what to do about it, in plain English.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
