import CLibXML2
import WellbeingCore

/// Parses one return with libxml2, feeding its SAX events to a ``RawReturnAssembler``.
///
/// One parse, synchronous, on one thread. libxml2's user data is a pointer to
/// this struct, allocated before the parser context exists (the context needs
/// the pointer) and filled in once it does (the assembler needs the context's
/// names). Reaching the state through that pointer costs no reference counting
/// and no dynamic exclusivity checks, which matter at millions of events.
struct ReturnEventParser {
    private var assembler: RawReturnAssembler
    private let context: ParserContext

    /// Parses the whole input, handing raw elements and diagnostics to `sink`; a failure means it could not start.
    static func run(sink: any RawReturnSink, limits: ReadLimits, pump: InputPump, schema: ReturnSchema)
        -> ReturnReadError?
    {
        let session = UnsafeMutablePointer<ReturnEventParser>.allocate(capacity: 1)
        defer { session.deallocate() }
        let receiver = UnsafeMutableRawPointer(session)
        let made = ParserContext.make(handler: handler, receiver: receiver, messages: structuredMessage,
                                      read: readInput, input: Unmanaged.passUnretained(pump).toOpaque(),
                                      schema: schema)
        switch made {
        case .failure(let error):
            return error
        case .success(let context):
            let assembler = RawReturnAssembler(sink: sink, limits: limits, vocabulary: ReturnVocabulary(context),
                                               pump: pump)
            session.initialize(to: ReturnEventParser(assembler: assembler, context: context))
            defer { session.deinitialize(count: 1) }
            // Messages can only reach the session once it exists.
            let relay = UnsafeMutablePointer<clibxml2_message_relay>.allocate(capacity: 1)
            relay.initialize(to: clibxml2_message_relay(sink: genericMessage, context: receiver))
            defer { relay.deallocate() }
            LibXML2.installThreadHandlers(receiver, structured: structuredMessage, relay: relay)
            defer { LibXML2.removeThreadHandlers() }
            context.parse()
            // A limit reached at the very end of the input raises no libxml2 message to report it with.
            if pump.exceededLimit { session.pointee.assembler.haltOversize() }
            return nil
        }
    }

    /// Runs one event on the assembler, stopping libxml2 as soon as the assembler halts.
    mutating func handle(_ event: (inout RawReturnAssembler, ParserContext) -> Void) {
        guard !assembler.halted else { return }
        event(&assembler, context)
        if assembler.halted { context.stop() }
    }
}
