import CLibXML2
import WellbeingCore

/// One message from libxml2, copied out of its error struct.
struct LibXML2Message: Sendable {
    enum Source: Sendable {
        /// Schema validity (the XSD).
        case schemaValidity
        /// Well-formedness, encoding, input and everything else libxml2 reports.
        case parser
    }

    enum Level: Sendable { case warning, error, fatal }

    var source: Source
    var level: Level
    /// libxml2's `xmlParserErrors` code.
    var code: Int32
    var text: String
    /// Where libxml2 says it happened; nil when it did not say.
    var location: SourceLocation?
    /// libxml2's first extra string: for a missing attribute, the attribute's name.
    var detail: String?

    init(_ error: UnsafePointer<xmlError>) {
        let raw = error.pointee
        source = raw.domain == Int32(XML_FROM_SCHEMASV.rawValue) ? .schemaValidity : .parser
        level = switch raw.level {
        case XML_ERR_WARNING: .warning
        case XML_ERR_FATAL: .fatal
        default: .error
        }
        code = raw.code
        text = Self.tidy(raw.message.map { String(cString: $0) } ?? "libxml2 reported an error without a message")
        location = raw.line > 0 ? SourceLocation(line: Int(raw.line), column: Int(raw.int2)) : nil
        detail = raw.str1.map { String(cString: $0) }
    }

    /// A message that reached the per-thread "generic" handler instead of the structured one.
    init(genericText: String) {
        source = .parser
        level = .error
        code = 0
        text = Self.tidy(genericText)
        location = nil
        detail = nil
    }

    /// The return's namespace, which libxml2 spells out in every schema message.
    static let namespacePrefix = "{urn:school-wellbeing:return:1}"

    /// One line, without the namespace noise: `Element 'Pupil'` rather than `Element '{urn:…}Pupil'`.
    private static func tidy(_ text: String) -> String {
        let oneLine = text.replacing(namespacePrefix, with: "").replacing("\n", with: " ")
        return String(oneLine.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
