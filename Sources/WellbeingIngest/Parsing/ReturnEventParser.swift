import CLibXML2
import WellbeingCore

/// Turns the SAX events of one return into raw elements for a ``RawReturnSink``, within the read limits.
///
/// One instance parses one input, synchronously, on one thread; libxml2 calls
/// back into it through the `Unmanaged` pointer it is given as user data.
final class ReturnEventParser {
    let sink: any RawReturnSink
    let limits: ReadLimits
    let pump: InputPump
    /// Set for the duration of ``run(schema:)``.
    var parser: ParserContext?
    var vocabulary: ReturnVocabulary?
    /// True once the parse has been stopped (fatal error, limit, DOCTYPE, entity); later events are ignored.
    var halted = false

    /// The elements open above the current point.
    var open: [ReturnElement] = []
    /// Bytes of text since the last tag, for the text limit.
    var textRun = 0
    /// Text of the element being captured (`ReturnId`, `Generated`, `Software`, `Answer`).
    var capture: [UInt8] = []
    var capturing = false

    var header: RawHeader?
    var school: RawSchool?
    /// True once the current school has gone to the sink (at its first pupil, or its end).
    var schoolDelivered = false
    var pupil = RawPupil(location: SourceLocation(line: 0, column: 0))
    var answer = RawAnswer(location: SourceLocation(line: 0, column: 0))

    /// The school URN and pupil ref that libxml2's messages are about, when they are valid identifiers.
    var currentSchool: String?
    var currentPupil: String?

    init(sink: any RawReturnSink, limits: ReadLimits, pump: InputPump) {
        self.sink = sink
        self.limits = limits
        self.pump = pump
    }

    /// Parses the whole input; a failure means the parse could not start.
    func run(schema: ReturnSchema) -> ReturnReadError? {
        let receiver = Unmanaged.passUnretained(self).toOpaque()
        let relay = UnsafeMutablePointer<clibxml2_message_relay>.allocate(capacity: 1)
        relay.initialize(to: clibxml2_message_relay(sink: Self.genericMessage, context: receiver))
        defer { relay.deallocate() }
        LibXML2.installThreadHandlers(receiver, structured: Self.structuredMessage, relay: relay)
        defer { LibXML2.removeThreadHandlers() }

        let made = ParserContext.make(handler: Self.handler, receiver: receiver, messages: Self.structuredMessage,
                                      read: Self.readInput, input: Unmanaged.passUnretained(pump).toOpaque(),
                                      schema: schema)
        switch made {
        case .failure(let error):
            return error
        case .success(let context):
            parser = context
            vocabulary = ReturnVocabulary(context)
            context.parse()
            if !halted, pump.exceededLimit { reportOversize() }
            parser = nil
            return nil
        }
    }

    /// Reports a problem at the current position, about the current school and pupil.
    func report(_ code: DiagnosticCode, at location: SourceLocation? = nil, _ message: String) {
        sink.report(Diagnostic(code, at: location ?? parser?.position, school: currentSchool, pupil: currentPupil,
                               message))
    }

    /// Reports a problem that ends the parse, and ends it.
    func halt(_ code: DiagnosticCode, at location: SourceLocation? = nil, _ message: String) {
        guard !halted else { return }
        report(code, at: location, message)
        halted = true
        parser?.stop()
    }

    /// Ends the parse because the input passed ``ReadLimits/maxBytes``.
    func reportOversize() {
        guard !halted else { return }
        sink.report(limits.oversizeDiagnostic)
        halted = true
        parser?.stop()
    }
}
