/// UTF-8 XML being built as bytes: markup appended as is, text escaped, integers without a `String`.
struct XMLBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Starts with `markup`.
    init(_ markup: StaticString) { append(markup) }

    var count: Int { bytes.count }

    /// Appends markup (no escaping).
    mutating func append(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends XML bytes made elsewhere.
    mutating func append(_ xml: XMLBytes) { bytes += xml.bytes }

    /// Appends `text` that needs no escaping (the caller knows it holds no markup characters).
    mutating func append(ascii text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` escaped for an element's content or a double-quoted attribute.
    mutating func append(escaping text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() {
                let escape: StaticString
                switch byte {
                case UInt8(ascii: "&"): escape = "&amp;"
                case UInt8(ascii: "<"): escape = "&lt;"
                case UInt8(ascii: ">"): escape = "&gt;"
                case UInt8(ascii: "\""): escape = "&quot;"
                // Tabs, line feeds and carriage returns would be normalised away in an attribute.
                case UInt8(ascii: "\t"): escape = "&#9;"
                case UInt8(ascii: "\n"): escape = "&#10;"
                case UInt8(ascii: "\r"): escape = "&#13;"
                case 0..<0x20:
                    // Other control characters are not XML; Excel's own escape (ECMA-376 ST_Xstring) stands in.
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    append("_x00")
                    bytes.append(contentsOf: [byte >> 4, byte & 0xF].map { UInt8(ascii: "0") + $0 + ($0 > 9 ? 7 : 0) })
                    append("_")
                    start = index + 1
                    continue
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                append(escape)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }

    /// Appends `value` in decimal.
    mutating func append(decimal value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // room for 20 digits, written backwards
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[31 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(32 - count)...]))
        }
    }

    /// Hands the bytes to `body` and empties the buffer, keeping its capacity.
    mutating func drain(_ body: (UnsafeRawBufferPointer) throws(ExportError) -> Void) throws(ExportError) {
        try bytes.withExportBytes { (raw) throws(ExportError) in try body(raw) }
        bytes.removeAll(keepingCapacity: true)
    }
}
