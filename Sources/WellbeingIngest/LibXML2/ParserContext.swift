import CLibXML2
import WellbeingCore

/// One libxml2 SAX parse of one input with the return's XSD plugged in: made, run once, freed.
///
/// Pull parsing: libxml2 asks for bytes through `read` as it goes, so nothing
/// is buffered beyond its own small input window, and no tree is built.
final class ParserContext {
    let context: xmlParserCtxtPtr
    private let validation: xmlSchemaValidCtxtPtr
    private let plug: xmlSchemaSAXPlugPtr
    /// Keeps the compiled schema alive for as long as the validation context uses it.
    private let schema: ReturnSchema

    private init(context: xmlParserCtxtPtr, validation: xmlSchemaValidCtxtPtr, plug: xmlSchemaSAXPlugPtr,
                 schema: ReturnSchema) {
        self.context = context
        self.validation = validation
        self.plug = plug
        self.schema = schema
    }

    deinit {
        // Unplug first: it restores the parser's own handler, which freeing the parser then frees.
        xmlSchemaSAXUnplug(plug)
        xmlSchemaFreeValidCtxt(validation)
        xmlFreeParserCtxt(context)
    }

    /// Sets up a parse that reports SAX events and every message to `receiver`.
    static func make(handler: xmlSAXHandler, receiver: UnsafeMutableRawPointer, messages: xmlStructuredErrorFunc,
                     read: xmlInputReadCallback, input: UnsafeMutableRawPointer, schema: ReturnSchema)
        -> Result<ParserContext, ReturnReadError>
    {
        LibXML2.initialize()
        var handler = handler
        guard let context = xmlCreateIOParserCtxt(&handler, receiver, read, nil, input, XML_CHAR_ENCODING_NONE) else {
            return .failure(ReturnReadError(.readFailed, "libxml2 could not start a parser (out of memory?)"))
        }
        xmlCtxtUseOptions(context, LibXML2.parseOptions)
        guard let validation = xmlSchemaNewValidCtxt(schema.storage.schema) else {
            xmlFreeParserCtxt(context)
            return .failure(ReturnReadError(.badSchema, "libxml2 could not start XSD validation (out of memory?)"))
        }
        xmlSchemaSetValidStructuredErrors(validation, messages, receiver)
        // The plug wraps the parser's handler and user data in place, so it needs their addresses.
        let base = UnsafeMutableRawPointer(context)
        let handlerField = base.advanced(by: MemoryLayout<xmlParserCtxt>.offset(of: \.sax)!)
            .assumingMemoryBound(to: xmlSAXHandlerPtr?.self)
        let userDataField = base.advanced(by: MemoryLayout<xmlParserCtxt>.offset(of: \.userData)!)
            .assumingMemoryBound(to: UnsafeMutableRawPointer?.self)
        guard let plug = xmlSchemaSAXPlug(validation, handlerField, userDataField) else {
            xmlSchemaFreeValidCtxt(validation)
            xmlFreeParserCtxt(context)
            return .failure(ReturnReadError(.badSchema, "libxml2 could not attach the XSD to the parser"))
        }
        return .success(ParserContext(context: context, validation: validation, plug: plug, schema: schema))
    }

    /// Parses the whole input, calling back as it goes.
    func parse() {
        xmlParseDocument(context)
    }

    /// Stops the parse at once; safe from inside a callback.
    func stop() {
        xmlStopParser(context)
    }

    /// The parser's copy of a name: libxml2 interns every element and attribute name, so names compare by pointer.
    func intern(_ name: String) -> UnsafePointer<xmlChar> {
        xmlDictLookup(context.pointee.dict, name, -1)
    }

    /// Where the parser is: during a start-tag callback, just after that tag.
    var position: SourceLocation {
        LibXML2.position(of: context)
    }
}
