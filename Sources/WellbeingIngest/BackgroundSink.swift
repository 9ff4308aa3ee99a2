import Dispatch
import WellbeingCore

/// Hands a parse's raw elements to another sink on a second core, in document order.
///
/// The parser thread then spends its time in libxml2 (parse and XSD) while
/// the validator and the caller's visitor work through the pupils already
/// read. Every sink call carries its data and returns nothing, so the calls
/// can be replayed later, in batches, in exactly the order they were made:
/// diagnostics keep their order, and the target sees the same sequence it
/// would have seen directly. At most `maxInFlight` batches wait, so memory
/// stays bounded however far the parser runs ahead.
final class BackgroundSink: RawReturnSink, @unchecked Sendable {
    // `target` is touched only on `queue` until `finish()` returns; `batch` only on the parser's thread.
    // That hand-off is what makes sharing the class safe.
    private enum Event {
        case begin(schemaVersion: String?, location: SourceLocation)
        case header(RawHeader)
        case school(RawSchool)
        case pupil(RawPupil)
        case endSchool
        case report(Diagnostic)
    }

    private let target: any RawReturnSink
    private let queue = DispatchQueue(label: "wellbeing.ingest.validate")
    private let slots: DispatchSemaphore
    private let batchSize: Int
    private var batch: [Event] = []

    /// - Parameters:
    ///   - target: the sink that receives every call, on the second core.
    ///   - batchSize: calls per hand-off; a pupil is one call.
    ///   - maxInFlight: batches that may wait for the target before the parser waits too.
    init(target: any RawReturnSink, batchSize: Int = 256, maxInFlight: Int = 8) {
        self.target = target
        self.batchSize = batchSize
        slots = DispatchSemaphore(value: maxInFlight)
        batch.reserveCapacity(batchSize)
    }

    func begin(schemaVersion: String?, at location: SourceLocation) {
        add(.begin(schemaVersion: schemaVersion, location: location))
    }

    func header(_ raw: RawHeader) {
        add(.header(raw))
    }

    func school(_ raw: RawSchool) {
        add(.school(raw))
    }

    func pupil(_ raw: RawPupil) {
        add(.pupil(raw))
    }

    func endSchool() {
        add(.endSchool)
    }

    func report(_ diagnostic: Diagnostic) {
        add(.report(diagnostic))
    }

    /// Hands over the calls not yet sent and waits until the target has received every call.
    func finish() {
        if !batch.isEmpty { send() }
        queue.sync {}
    }

    private func add(_ event: Event) {
        batch.append(event)
        if batch.count >= batchSize { send() }
    }

    private func send() {
        let events = batch
        batch = []
        batch.reserveCapacity(batchSize)
        slots.wait()
        queue.async {
            for event in events { self.replay(event) }
            self.slots.signal()
        }
    }

    private func replay(_ event: Event) {
        switch event {
        case .begin(let schemaVersion, let location): target.begin(schemaVersion: schemaVersion, at: location)
        case .header(let raw): target.header(raw)
        case .school(let raw): target.school(raw)
        case .pupil(let raw): target.pupil(raw)
        case .endSchool: target.endSchool()
        case .report(let diagnostic): target.report(diagnostic)
        }
    }
}
