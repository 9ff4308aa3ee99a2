import ConsoleKitTerminal
import Foundation
import WellbeingCore

/// Progress on a terminal: a console-kit bar on standard error for each step, redrawn a few times a second.
///
/// Draws only when standard error is a terminal that takes cursor moves (TERM is not `dumb`) and the
/// command is not `--quiet`; otherwise every call does nothing, so logs, pipes and tests stay quiet.
/// NO_COLOR leaves the bar uncoloured.
final class TerminalProgress: ProgressReporter {
    private let console: StandardErrorConsole?
    private var indicator: ActivityIndicator<StepBar>?

    init(quiet: Bool, environment: [String: String] = ProcessInfo.processInfo.environment,
         isTerminal: Bool = isatty(STDERR_FILENO) != 0)
    {
        console = Self.draws(quiet: quiet, environment: environment, isTerminal: isTerminal)
            ? StandardErrorConsole(colours: Self.colours(environment: environment)) : nil
    }

    deinit {
        // A bar left running would redraw from its timer after its owner is gone.
        stop()
    }

    /// Whether a bar is drawn at all.
    var isShown: Bool { console != nil }

    /// A bar only on a terminal that can redraw a line, and only when not asked for quiet.
    static func draws(quiet: Bool, environment: [String: String], isTerminal: Bool) -> Bool {
        !quiet && isTerminal && environment["TERM"] != "dumb"
    }

    /// Colour unless NO_COLOR is set to anything but the empty string (https://no-color.org).
    static func colours(environment: [String: String]) -> Bool {
        environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    func begin(_ step: String, total: Int?, unit: ProgressUnit) {
        guard let console else { return }
        stop()
        start(StepBar(title: step, total: total, unit: unit, console: console), on: console)
    }

    /// Begins the step of reading `files`, measured in bytes against their sizes together.
    func beginReading(_ files: [String]) {
        guard isShown else { return }
        let total = files.reduce(0) { sum, file in
            sum + ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0)
        }
        let title = files.count == 1 ? "reading \((files[0] as NSString).lastPathComponent)"
            : "reading \(files.count) returns"
        begin(title, total: total, unit: .bytes)
    }

    func advance(by amount: Int) {
        indicator?.activity.completed += amount
    }

    /// Takes the bar away while `body` prints (a receipt, a summary), then carries on below it.
    func pausing(_ body: () -> Void) {
        guard let console, let bar = indicator?.activity else { return body() }
        stop()
        body()
        start(bar, on: console)
    }

    /// Clears the bar: the work is over, or failed and its message follows.
    func finish() {
        stop()
    }

    private func start(_ bar: StepBar, on console: StandardErrorConsole) {
        let indicator = bar.newActivity(for: console)
        indicator.start(refreshRate: 100)
        self.indicator = indicator
    }

    private func stop() {
        // `succeed()` stops the redraws and clears the line; `StepBar` draws nothing in its place.
        indicator?.succeed()
        indicator = nil
    }
}
