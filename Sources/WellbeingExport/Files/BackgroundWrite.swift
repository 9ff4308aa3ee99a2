import Dispatch
import Synchronization

/// One file written on another thread while the caller writes the rest.
///
/// The workbook is the slowest file of an export (libxlsxwriter compresses on one core), and every
/// file only reads the same immutable tables, so it runs beside the others on the second core.
final class BackgroundWrite: Sendable {
    private let group = DispatchGroup()
    private let failure = Mutex<ExportError?>(nil)

    /// Starts `work` at once.
    init(_ work: @escaping @Sendable () throws(ExportError) -> Void) {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
            do throws(ExportError) {
                try work()
            } catch {
                failure.withLock { $0 = error }
            }
        }
    }

    /// Waits for the work to end and rethrows its error; may be called more than once.
    func wait() throws(ExportError) {
        group.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
