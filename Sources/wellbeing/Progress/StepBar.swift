import ConsoleKitTerminal
import WellbeingCore

/// One step's line: its title, console-kit's bar, then the figures (share, amounts, rate, time left).
///
/// The bar is console-kit's `ProgressBar` when the total is known and its bouncing `LoadingBar` when not;
/// console-kit draws no time left, so `ProgressFigures` adds it.
struct StepBar: ActivityBar {
    var title: String
    var completed = 0
    var total: Int?
    var unit: ProgressUnit
    var start = ContinuousClock.now
    private let measured: ProgressBar
    private let unmeasured: LoadingBar

    /// A step's bar; console-kit's bars come from `console`, the only public way to make them.
    init(title: String, total: Int?, unit: ProgressUnit, console: any Console) {
        self.title = title
        self.total = total
        self.unit = unit
        measured = console.progressBar(title: title).activity
        unmeasured = console.loadingBar(title: title).activity
    }

    func figures(at now: ContinuousClock.Instant = .now) -> ProgressFigures {
        ProgressFigures(completed: completed, total: total, unit: unit, elapsed: now - start)
    }

    func renderActiveBar(tick: UInt, width: Int) -> ConsoleText {
        render(figures(), tick: tick, width: width)
    }

    /// Draws only while active: when the step ends its line is cleared and nothing takes its place, so the
    /// receipts and summaries that follow start on a clean line (console-kit's default leaves "[Done]").
    func outputActivityIndicator(to console: any Console, state: ActivityIndicatorState) {
        guard case .active(let tick) = state else { return }
        let figures = figures()
        // The bar takes the room the words leave on the line, within console-kit's width and at least 10.
        let room = console.size.width - 1 - title.count - figures.text.count - 4
        let width = min(max(room, 10), console.activityBarWidth)
        console.output(title.consoleText() + " " + render(figures, tick: tick, width: width))
    }

    /// The bar, `width` characters between its brackets, then the figures.
    private func render(_ figures: ProgressFigures, tick: UInt, width: Int) -> ConsoleText {
        let bar: ConsoleText
        if let fraction = figures.fraction {
            var measured = measured
            measured.currentProgress = fraction
            bar = measured.renderActiveBar(tick: tick, width: width)
        } else {
            bar = unmeasured.renderActiveBar(tick: tick, width: width)
        }
        return bar + " " + figures.text.consoleText()
    }
}
