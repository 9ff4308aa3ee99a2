import ArgumentParser

/// A failure the user can act on: a plain message on stderr and the spec's exit code.
enum CommandFailure: Error, CustomStringConvertible {
    /// Input that fails validation: exit 1.
    case invalid(String)
    /// A file that cannot be read or written, or reference data that cannot be used: exit 2.
    case io(String)

    var description: String {
        switch self {
        case .invalid(let message), .io(let message): "error: " + message
        }
    }
}

extension CommandFailure {
    /// The exit code ArgumentParser should use.
    var exitCode: ExitCode {
        switch self {
        case .invalid: ExitCode(1)
        case .io: ExitCode(2)
        }
    }
}
