import CLibXML2
import Foundation

/// The compiled XSD of the return format, shared read-only by every reader.
///
/// Compiling takes a few milliseconds; a program loads it once and passes it
/// to each ``ReturnReader``, on any thread. Each read validates with its own
/// validation context, so sharing needs no locking.
public struct ReturnSchema: Sendable {
    let storage: Storage

    /// Reads and compiles the XSD at `path`.
    public init(path: String) throws(ReturnReadError) {
        storage = try Storage.compile(path: path).get()
    }

    /// Owns the compiled schema; libxml2 only reads it once compiled.
    final class Storage: @unchecked Sendable {
        let schema: xmlSchemaPtr

        private init(_ schema: xmlSchemaPtr) {
            self.schema = schema
        }

        deinit {
            xmlSchemaFree(schema)
        }

        /// Compiles the XSD, collecting libxml2's messages for the error.
        static func compile(path: String) -> Result<Storage, ReturnReadError> {
            LibXML2.initialize()
            guard FileManager.default.isReadableFile(atPath: path) else {
                return .failure(ReturnReadError(.badSchema, "cannot read the return schema \(path): no such readable"
                                                 + " file; pass --schema PATH or set WELLBEING_SCHEMA."))
            }
            let collector = MessageCollector()
            let receiver = Unmanaged.passUnretained(collector).toOpaque()
            let relay = UnsafeMutablePointer<clibxml2_message_relay>.allocate(capacity: 1)
            relay.initialize(to: clibxml2_message_relay(sink: MessageCollector.genericSink, context: receiver))
            defer { relay.deallocate() }
            LibXML2.installThreadHandlers(receiver, structured: MessageCollector.structuredSink, relay: relay)
            defer { LibXML2.removeThreadHandlers() }

            guard let parser = xmlSchemaNewParserCtxt(path) else {
                return .failure(ReturnReadError(.badSchema, "cannot read the return schema \(path)."))
            }
            defer { xmlSchemaFreeParserCtxt(parser) }
            xmlSchemaSetParserStructuredErrors(parser, MessageCollector.structuredSink, receiver)
            guard let schema = xmlSchemaParse(parser) else {
                let reasons = collector.messages.isEmpty ? "" : ": " + collector.messages.joined(separator: "; ")
                return .failure(ReturnReadError(.badSchema, "the return schema \(path) is not a usable XSD\(reasons)."))
            }
            return .success(Storage(schema))
        }
    }

    /// Gathers libxml2's messages while a schema compiles.
    private final class MessageCollector {
        var messages: [String] = []

        static let structuredSink: xmlStructuredErrorFunc = { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<MessageCollector>.fromOpaque(context).takeUnretainedValue()
            collector.messages.append(LibXML2Message(error).text)
        }

        static let genericSink: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void = {
            context, text in
            guard let context, let text else { return }
            let collector = Unmanaged<MessageCollector>.fromOpaque(context).takeUnretainedValue()
            collector.messages.append(LibXML2Message(genericText: String(cString: text)).text)
        }
    }
}
