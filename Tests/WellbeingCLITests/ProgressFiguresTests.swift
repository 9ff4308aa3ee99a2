import Testing
import WellbeingCore
@testable import wellbeing

@Suite("progress figures")
struct ProgressFiguresTests {
    @Test("a clock shows minutes and seconds, and hours only when there are some", arguments: [
        (Duration.zero, "0:00"), (.milliseconds(200), "0:01"), (.seconds(7), "0:07"), (.seconds(59.5), "1:00"),
        (.seconds(750), "12:30"), (.seconds(3723), "1:02:03"),
    ])
    func clock(duration: Duration, text: String) {
        #expect(ProgressFigures.clock(duration) == text)
    }

    @Test("time taken rounds down, as a stopwatch does")
    func stopwatch() {
        #expect(ProgressFigures.clock(.milliseconds(900), rounding: .down) == "0:00")
        #expect(ProgressFigures.clock(.seconds(3723.9), rounding: .down) == "1:02:03")
    }

    @Test("bytes: share rounded down, MB done of total, rate and time left at the rate so far")
    func bytes() {
        let figures = ProgressFigures(completed: 200_000_000, total: 800_000_000, unit: .bytes, elapsed: .seconds(10))
        #expect(figures.percentText == "25%")
        #expect(figures.amountText == "200.0/800.0 MB")
        #expect(figures.rateText == "20.0 MB/s")
        #expect(figures.remaining == .seconds(30))
        #expect(figures.text == "25%  200.0/800.0 MB  20.0 MB/s  ETA 0:30")
    }

    @Test("99.9% done is 99%, never 100% before the end")
    func roundsDown() {
        let figures = ProgressFigures(completed: 999, total: 1000, unit: .count("files"), elapsed: .seconds(1))
        #expect(figures.percentText == "99%")
        #expect(ProgressFigures(completed: 1000, total: 1000, unit: .count("files"), elapsed: .seconds(1))
            .percentText == "100%")
    }

    @Test("no rate and no time left in the first quarter second, but the ETA's place is kept")
    func tooEarly() {
        let figures = ProgressFigures(completed: 10, total: 100, unit: .count("pupils"), elapsed: .milliseconds(100))
        #expect(figures.rateText == nil)
        #expect(figures.remaining == nil)
        #expect(figures.text == "10%  10/100 pupils  ETA --:--")
    }

    @Test("a step of unknown size shows what it counted and the time so far, without a share or ETA")
    func unknownTotal() {
        let counted = ProgressFigures(completed: 1500, total: nil, unit: .count("pupils"), elapsed: .seconds(3))
        #expect(counted.fraction == nil)
        #expect(counted.text == "1500 pupils  500 pupils/s  0:03")
        let started = ProgressFigures(completed: 0, total: nil, unit: .count("schools"), elapsed: .milliseconds(300))
        #expect(started.text == "0:00")
        let nothing = ProgressFigures(completed: 0, total: nil, unit: .count("schools"), elapsed: .seconds(65))
        #expect(nothing.text == "1:05")
    }

    @Test("an empty total counts as done")
    func emptyTotal() {
        #expect(ProgressFigures(completed: 0, total: 0, unit: .bytes, elapsed: .seconds(1)).fraction == 1)
    }

    @Test("a bar is drawn only on a terminal that can redraw a line, and not when asked for quiet", arguments: [
        (false, true, [String: String](), true),
        (true, true, [:], false),
        (false, false, [:], false),
        (false, true, ["TERM": "dumb"], false),
        (false, true, ["TERM": "xterm-256color"], true),
        (false, true, ["NO_COLOR": "1"], true),
    ])
    func draws(quiet: Bool, isTerminal: Bool, environment: [String: String], drawn: Bool) {
        #expect(TerminalProgress.draws(quiet: quiet, environment: environment, isTerminal: isTerminal) == drawn)
        #expect(TerminalProgress(quiet: quiet, environment: environment, isTerminal: isTerminal).isShown == drawn)
    }

    @Test("NO_COLOR set to anything but empty turns colour off", arguments: [
        ([String: String](), true), (["NO_COLOR": "1"], false), (["NO_COLOR": ""], true),
    ])
    func colours(environment: [String: String], coloured: Bool) {
        #expect(TerminalProgress.colours(environment: environment) == coloured)
    }
}
