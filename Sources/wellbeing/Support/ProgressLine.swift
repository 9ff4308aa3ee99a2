import Foundation

/// One status line on standard error, redrawn in place, for long work on a terminal.
///
/// Shown only when standard error is a terminal and the command is not `--quiet`,
/// so logs and pipes never fill with carriage returns.
final class ProgressLine {
    let enabled: Bool
    private var lastDrawn: ContinuousClock.Instant?
    private var drawn = false

    init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) != 0
    }

    /// Redraws the line with running figures, at most a few times a second (more costs time and flickers).
    func update(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        if let lastDrawn, ContinuousClock.now - lastDrawn < .milliseconds(200) { return }
        show(text())
    }

    /// Draws the line now: for the start of each step of the work.
    func show(_ text: String) {
        guard enabled else { return }
        lastDrawn = ContinuousClock.now
        FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8))
        drawn = true
    }

    /// Clears the line, so the next message starts on a clean line.
    func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
        lastDrawn = nil
    }
}
