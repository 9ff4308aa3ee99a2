/// Where long work says how far it has got: a terminal's progress bar shows it, anything else ignores it.
///
/// The readers and writers call it and never draw anything themselves, so they stay free of
/// terminals; the command line supplies the bar. Calls come from the working thread, one at a time.
public protocol ProgressReporter: AnyObject {
    /// A step of the work begins, replacing the one before; `total` is its size in `unit`s when known.
    func begin(_ step: String, total: Int?, unit: ProgressUnit)
    /// `amount` more units of the current step are done.
    func advance(by amount: Int)
}

/// What a step's amounts count.
public enum ProgressUnit: Sendable, Equatable {
    /// Bytes, shown in MB.
    case bytes
    /// Things of one kind, named in the plural ("files", "pupils").
    case count(String)
}
