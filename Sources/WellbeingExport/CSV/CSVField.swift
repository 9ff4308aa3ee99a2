/// RFC 4180 field quoting: a field with a comma, quote or line break is quoted, quotes doubled.
enum CSVField {
    /// Appends one field's UTF-8, quoted when it needs to be.
    static func append(_ field: String, to buffer: inout [UInt8]) {
        var field = field
        field.withUTF8 { bytes in
            if bytes.contains(where: needsQuoting) {
                buffer.append(UInt8(ascii: "\""))
                for byte in bytes {
                    buffer.append(byte)
                    if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                }
                buffer.append(UInt8(ascii: "\""))
            } else {
                buffer.append(contentsOf: bytes)
            }
        }
    }

    /// Appends a whole line of fields.
    static func append(line fields: [String], to buffer: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            append(field, to: &buffer)
        }
        buffer.append(UInt8(ascii: "\n"))
    }

    private static func needsQuoting(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    /// One field, quoted when it needs to be.
    static func escape(_ field: String) -> String {
        var buffer: [UInt8] = []
        append(field, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// One CSV line (CRLF-free: EES files use `\n`).
    static func line(_ fields: [String]) -> String {
        var buffer: [UInt8] = []
        append(line: fields, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
