/// JSON string escaping straight into a byte buffer (RFC 8259), for documents too large to build as values.
enum JSONText {
    /// Appends `text` as a JSON string: quotes, backslashes and control characters escaped, the rest UTF-8.
    static func appendString(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    buffer.append(UInt8(ascii: "\\"))
                    buffer.append(byte)
                case 0x0A: buffer.append(contentsOf: Array(#"\n"#.utf8))
                case 0x0D: buffer.append(contentsOf: Array(#"\r"#.utf8))
                case 0x09: buffer.append(contentsOf: Array(#"\t"#.utf8))
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    buffer.append(contentsOf: Array(#"\u00"#.utf8))
                    buffer.append(hex[Int(byte >> 4)])
                    buffer.append(hex[Int(byte & 0xF)])
                default:
                    buffer.append(byte)
                }
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }
}
