import WellbeingCore

/// The figures next to a progress bar, as text: share done, amounts, rate and time left.
///
/// A value with no terminal behind it, so the wording and the arithmetic can be checked alone.
struct ProgressFigures: Equatable {
    var completed: Int
    /// The step's size; nil when it is not known (then there is no share and no time left).
    var total: Int?
    var unit: ProgressUnit
    var elapsed: Duration

    /// The share done, 0 to 1; nil without a total.
    var fraction: Double? {
        guard let total else { return nil }
        return total > 0 ? min(max(Double(completed) / Double(total), 0), 1) : 1
    }

    /// Whole percent done, rounded down so that 100% means finished: "42%".
    var percentText: String? {
        fraction.map { "\(Int(($0 * 100).rounded(.down)))%" }
    }

    /// Done of total in the unit: "120.5/800.0 MB", "3/7 files", or "1234 pupils" without a total.
    var amountText: String {
        switch unit {
        case .bytes:
            let done = Self.megabytes(completed)
            return total.map { "\(done)/\(Self.megabytes($0)) MB" } ?? "\(done) MB"
        case .count(let things):
            return total.map { "\(completed)/\($0) \(things)" } ?? "\(completed) \(things)"
        }
    }

    /// Units a second so far: "45.2 MB/s", "812 pupils/s"; nil until there is something to divide.
    var rateText: String? {
        guard let rate else { return nil }
        switch unit {
        case .bytes: return "\(Self.megabytes(Int(rate.rounded()))) MB/s"
        case .count(let things): return "\(Int(rate.rounded())) \(things)/s"
        }
    }

    /// The time left at the rate so far; nil without a total or before any progress.
    var remaining: Duration? {
        guard let total, let rate, rate > 0 else { return nil }
        return .seconds(Double(max(total - completed, 0)) / rate)
    }

    /// Everything after the bar: "42%  120.5/800.0 MB  45.2 MB/s  ETA 0:13".
    var text: String {
        var parts = [String]()
        if let percentText { parts.append(percentText) }
        // A step of unknown size that counts nothing shows only its time.
        if total != nil || completed > 0 { parts.append(amountText) }
        if let rateText { parts.append(rateText) }
        if total != nil {
            parts.append("ETA " + (remaining.map { Self.clock($0) } ?? "--:--"))
        } else {
            parts.append(Self.clock(elapsed, rounding: .down))
        }
        return parts.joined(separator: "  ")
    }

    /// A duration as a clock: "0:07", "12:30", "1:02:03", in whole seconds.
    ///
    /// Time left rounds up, so that "0:00" means done; time taken rounds down, as a stopwatch does.
    static func clock(_ duration: Duration, rounding: FloatingPointRoundingRule = .up) -> String {
        let seconds = Int(Self.seconds(duration).rounded(rounding))
        let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }

    /// Bytes as megabytes with one decimal: "800.0".
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (Double(bytes) / 100_000).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10)"
    }

    private var rate: Double? {
        let seconds = Self.seconds(elapsed)
        // Under a quarter of a second the rate is mostly start-up noise.
        guard seconds >= 0.25, completed > 0 else { return nil }
        return Double(completed) / seconds
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
