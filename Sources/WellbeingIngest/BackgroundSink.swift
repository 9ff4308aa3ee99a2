import Dispatch
import Synchronization
import WellbeingCore

/// Hands a parse's raw elements to another sink on a second core, in document order.
///
/// The parser thread then spends its time in libxml2 (parse and XSD) while
/// the validator and the caller's visitor work through the pupils already
/// read. Every sink call carries its data and returns nothing, so the calls
/// can be replayed later, in batches, in exactly the order they were made:
/// diagnostics keep their order, and the target sees the same sequence it
/// would have seen directly. A batch closes at `batchSize` calls or once
/// `batchBytes` of input have been read for it (every value in it came from
/// that input), and at most `maxInFlight` batches wait, so memory stays
/// bounded however far the parser runs ahead and however large the values.
///
/// Pupils travel in recycled values: the parser gets back, in exchange for
/// each pupil, one the target has finished with, whose answer storage it
/// reuses. Without that every pupil would allocate on the parser's thread
/// and be freed on the other, which costs more than validating it.
final class BackgroundSink: RawReturnSink, @unchecked Sendable {
    // `target` is touched only on `queue` until `finish()` returns; `batch` and `spares` only on the
    // parser's thread; `finished` only under its lock. That is what makes sharing the class safe.
    private enum Event {
        case begin(schemaVersion: String?, location: SourceLocation)
        case header(RawHeader)
        case school(RawSchool)
        case pupil(RawPupil)
        case endSchool
        case report(Diagnostic)
    }

    private let target: any RawReturnSink
    private let input: InputPump
    private let queue = DispatchQueue(label: "wellbeing.ingest.validate")
    private let slots: DispatchSemaphore
    private let maxInFlight: Int
    private let batchSize: Int
    private let batchBytes: Int
    private var batch: [Event] = []
    /// The input's byte count when the current batch began.
    private var batchStart = 0
    /// Batches the target has been given, for their pupils to be reused.
    private let finished = Mutex<[[Event]]>([])
    /// Pupils the target is done with, ready to be exchanged for the next ones read.
    private var spares: [RawPupil] = []

    /// - Parameters:
    ///   - target: the sink that receives every call, on the second core.
    ///   - input: the parse's input, whose byte count bounds what one batch may hold.
    ///   - batchSize: the most calls per hand-off; a pupil is one call.
    ///   - batchBytes: the most input read for one batch.
    ///   - maxInFlight: batches that may wait for the target before the parser waits too.
    init(target: any RawReturnSink, input: InputPump, batchSize: Int = 256, batchBytes: Int = 1 << 20,
         maxInFlight: Int = 4) {
        self.target = target
        self.input = input
        self.batchSize = batchSize
        self.batchBytes = batchBytes
        self.maxInFlight = maxInFlight
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

    func pupil(_ raw: inout RawPupil) {
        if spares.isEmpty { reclaimSpares() }
        var sent = spares.popLast() ?? RawPupil(location: raw.location)
        swap(&sent, &raw)
        add(.pupil(sent))
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
        if batch.count >= batchSize || input.byteCount - batchStart >= batchBytes { send() }
    }

    private func send() {
        let events = batch
        batch = []
        batch.reserveCapacity(batchSize)
        batchStart = input.byteCount
        slots.wait()
        queue.async {
            for event in events {
                self.replay(event)
            }
            // Kept for reuse only while the parser takes them back (it does not when no pupils come).
            self.finished.withLock { finished in
                if finished.count <= self.maxInFlight { finished.append(events) }
            }
            self.slots.signal()
        }
    }

    /// Takes the pupils of one batch the target has finished with.
    private func reclaimSpares() {
        guard let done = finished.withLock({ $0.popLast() }) else { return }
        for case .pupil(let pupil) in done {
            spares.append(pupil)
        }
    }

    private func replay(_ event: Event) {
        switch event {
        case .begin(let schemaVersion, let location): target.begin(schemaVersion: schemaVersion, at: location)
        case .header(let raw): target.header(raw)
        case .school(let raw): target.school(raw)
        case .pupil(var raw): target.pupil(&raw)
        case .endSchool: target.endSchool()
        case .report(let diagnostic): target.report(diagnostic)
        }
    }
}
