import CLibXML2
import WellbeingCore

/// Thin calls into libxml2: process-wide set-up, options, and reading its strings and positions.
enum LibXML2 {
    /// Makes libxml2 ready for use from any thread; runs once per process however often it is called.
    static func initialize() {
        _ = setUp
    }

    /// Swift runs a static initializer exactly once, thread-safely.
    private static let setUp: Void = {
        xmlInitParser()
        // `xmlSchemaParse` ignores a parser's NONET option (it fetched an http `xs:import`
        // when measured), so the process-wide entity loader must refuse the network too.
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader)
    }()

    /// Parser options for returns: never touch the network.
    ///
    /// Deliberately without NOENT (substitute entities), DTDLOAD (load an external DTD) and
    /// HUGE (lift the 10 MB text and attribute limits): each would open a hostile file's door.
    static let parseOptions = Int32(XML_PARSE_NONET.rawValue)

    /// The UTF-8 text between two libxml2 pointers (an attribute value's start and end).
    static func text(from start: UnsafePointer<xmlChar>, to end: UnsafePointer<xmlChar>) -> String {
        String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
    }

    /// Where the parser is now: for SAX callbacks, just after the construct being reported.
    ///
    /// Reads the fields `xmlSAX2GetLineNumber` and `xmlSAX2GetColumnNumber` return (0 without input),
    /// sparing two calls into the library for every element.
    static func position(of context: xmlParserCtxtPtr) -> SourceLocation {
        guard let input = context.pointee.input else { return SourceLocation(line: 0, column: 0) }
        return SourceLocation(line: Int(input.pointee.line), column: Int(input.pointee.col))
    }

    /// Sends this thread's libxml2 messages — structured and the older "generic" ones — to `receiver`.
    ///
    /// Both handlers are per thread in libxml2 2.9, and parser errors reach the structured one even
    /// when a context has its own. The relay must stay allocated until ``removeThreadHandlers(_:)``.
    static func installThreadHandlers(_ receiver: UnsafeMutableRawPointer,
                                      structured: xmlStructuredErrorFunc,
                                      relay: UnsafeMutablePointer<clibxml2_message_relay>) {
        xmlSetStructuredErrorFunc(receiver, structured)
        clibxml2_set_generic_error_relay(relay)
    }

    /// Restores libxml2's default handlers on this thread.
    static func removeThreadHandlers() {
        xmlSetStructuredErrorFunc(nil, nil)
        clibxml2_set_generic_error_relay(nil)
    }
}
