import Foundation
import Synchronization

/// One status line on standard error, redrawn in place, for long work on a terminal.
///
/// Shown only when standard error is a terminal and the command is not `--quiet`,
/// so logs and pipes never fill with carriage returns. It may be updated from
/// any thread (a return's pupils are counted where they are visited).
final class ProgressLine: Sendable {
    private struct State {
        var lastDrawn: ContinuousClock.Instant?
        var drawn = false
    }

    let enabled: Bool
    private let state = Mutex(State())

    init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) != 0
    }

    /// Redraws the line with running figures, at most a few times a second (more costs time and flickers).
    func update(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        let due = state.withLock { state in
            state.lastDrawn.map { ContinuousClock.now - $0 >= .milliseconds(200) } ?? true
        }
        if due { show(text()) }
    }

    /// Draws the line now: for the start of each step of the work.
    func show(_ text: String) {
        guard enabled else { return }
        state.withLock { state in
            state.lastDrawn = ContinuousClock.now
            FileHandle.standardError.write(Data(("\r" + text + "\u{1B}[K").utf8))
            state.drawn = true
        }
    }

    /// Clears the line, so the next message starts on a clean line.
    func finish() {
        guard enabled else { return }
        state.withLock { state in
            guard state.drawn else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            state.drawn = false
            state.lastDrawn = nil
        }
    }
}
