extension CSVField {
    /// The records of RFC 4180 CSV text: fields split on commas, quoted fields unquoted, `\n` or `\r\n` ends.
    ///
    /// Fails with the 1-based line where it happened when a quoted field never closes or a quote sits
    /// inside an unquoted field, so a reader can say where the file is broken.
    static func records(in bytes: [UInt8]) -> Result<[[String]], BrokenLine> {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"),
            carriageReturn = UInt8(ascii: "\r")
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var line = 1
        var i = bytes.startIndex
        // A UTF-8 byte order mark is not part of the first field.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i += 3 }
        var atFieldStart = true
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            atFieldStart = true
        }
        while i < bytes.endIndex {
            let byte = bytes[i]
            if atFieldStart, byte == quote {
                // A quoted field runs to the next lone quote; doubled quotes are one quote.
                let opened = line
                i += 1
                while true {
                    guard i < bytes.endIndex else { return .failure(BrokenLine(line: opened)) }
                    if bytes[i] == quote {
                        if i + 1 < bytes.endIndex, bytes[i + 1] == quote {
                            field.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        break
                    }
                    if bytes[i] == newline { line += 1 }
                    field.append(bytes[i])
                    i += 1
                }
                atFieldStart = false
                guard i == bytes.endIndex || [comma, newline, carriageReturn].contains(bytes[i]) else {
                    return .failure(BrokenLine(line: line))
                }
                continue
            }
            atFieldStart = false
            switch byte {
            case comma:
                endField()
            case carriageReturn where i + 1 < bytes.endIndex && bytes[i + 1] == newline:
                break
            case newline:
                endField()
                records.append(record)
                record.removeAll(keepingCapacity: true)
                line += 1
            case quote:
                return .failure(BrokenLine(line: line))
            default:
                field.append(byte)
            }
            i += 1
        }
        if !atFieldStart || !record.isEmpty || !field.isEmpty {
            endField()
            records.append(record)
        }
        return .success(records)
    }

    /// Where CSV text stops being well-formed.
    struct BrokenLine: Error {
        var line: Int
    }
}
