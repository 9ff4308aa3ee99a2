/// Why an export folder could not be written.
public enum ExportError: Error, CustomStringConvertible, Sendable {
    case cannotWrite(path: String, reason: String)
    case cannotCreateFolder(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason). Check the folder exists, is writable and the disk has space."
        case .cannotCreateFolder(let path, let reason):
            "cannot create the export folder \(path): \(reason). Choose a writable location with --out."
        }
    }
}

extension ExportError {
    /// Runs a writer whose sink throws `ExportError` through an untyped `rethrows` API, keeping the
    /// error's type; anything else becomes a write failure of `name`.
    static func keepingType(_ name: String, _ body: () throws -> Void) throws(ExportError) {
        do {
            try body()
        } catch let error as ExportError {
            throw error
        } catch {
            throw .cannotWrite(path: name, reason: "\(error)")
        }
    }
}
