import WellbeingCore

/// Passes a return's events on to another visitor, showing pupils read and the rate on a progress line.
struct PupilProgressVisitor<Base: ReturnVisitor>: ReturnVisitor {
    var base: Base
    private let progress: ProgressLine
    private let label: String
    private let start = ContinuousClock.now
    private var pupils = 0

    init(base: Base, progress: ProgressLine, label: String) {
        self.base = base
        self.progress = progress
        self.label = label
    }

    mutating func begin(_ header: ReturnHeader) { base.begin(header) }
    mutating func school(_ school: SchoolRecord) { base.school(school) }
    mutating func endSchool() { base.endSchool() }
    mutating func end(valid: Bool) { base.end(valid: valid) }

    mutating func pupil(_ pupil: PupilResponse) {
        base.pupil(pupil)
        pupils += 1
        // Counting is cheap; formatting the line is not, so only every few thousand pupils.
        guard pupils % 4096 == 0, progress.enabled else { return }
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        progress.update("\(label): \(pupils) pupils read, \(Int(Double(pupils) / max(seconds, 0.001))) pupils/s")
    }
}

/// A counting wrapper may be used from another thread whenever what it wraps may.
extension PupilProgressVisitor: Sendable where Base: Sendable {}

extension ProgressLine {
    /// Runs `read` with `visitor` wrapped so that pupils read show on this line, then clears it.
    func reading<V: ReturnVisitor, R>(_ label: String, into visitor: inout V,
                                      _ read: (inout PupilProgressVisitor<V>) throws -> R) rethrows -> R
    {
        var counted = PupilProgressVisitor(base: visitor, progress: self, label: label)
        defer {
            visitor = counted.base
            finish()
        }
        return try read(&counted)
    }
}
