/// Part of a page as UTF-8 bytes: the literal parts of an `HTML` string are markup, kept as written,
/// and every interpolated `String` is text, HTML-escaped.
///
/// Pages are written straight into bytes rather than through a template engine: a national export
/// writes ~20,000 pages of ~400 rows each, and looking every `{{tag}}` up by name (dynamic casts per
/// value) was two thirds of the export's page time. The page code reads like the markup it writes:
///
///     page += """
///         <li><a href="\(link.href)">\(link.name)</a></li>\n
///         """
struct HTML: ExpressibleByStringInterpolation {
    private(set) var bytes: [UInt8]

    init(stringLiteral literal: StaticString) {
        bytes = []
        Self.append(literal, to: &bytes)
    }

    init(stringInterpolation: Interpolation) {
        bytes = stringInterpolation.bytes
    }

    /// Starts an empty page with room for `capacity` bytes.
    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    static func += (page: inout HTML, part: HTML) {
        page.bytes.append(contentsOf: part.bytes)
    }

    /// The page as a `String` (pages are valid UTF-8: markup is ASCII and text comes from Swift strings).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Builds an `HTML` value from markup literals and escaped text.
    struct Interpolation: StringInterpolationProtocol {
        fileprivate var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + 24 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: StaticString) {
            HTML.append(literal, to: &bytes)
        }

        /// Text: escaped.
        mutating func appendInterpolation(_ text: String) {
            HTML.appendEscaped(text, to: &bytes)
        }

        /// Markup built elsewhere (a row, a chart): kept as it is.
        mutating func appendInterpolation(_ html: HTML) {
            bytes.append(contentsOf: html.bytes)
        }
    }

    private static func append(_ literal: StaticString, to bytes: inout [UInt8]) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Escapes the five characters that can end text or an attribute value (`& < > " '`); most values
    /// (numbers, words) have none and are copied whole.
    private static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            guard utf8.contains(where: needsEscape) else {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "&"): append("&amp;", to: &bytes)
                case UInt8(ascii: "<"): append("&lt;", to: &bytes)
                case UInt8(ascii: ">"): append("&gt;", to: &bytes)
                case UInt8(ascii: "\""): append("&quot;", to: &bytes)
                case UInt8(ascii: "'"): append("&#39;", to: &bytes)
                default: bytes.append(byte)
                }
            }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
