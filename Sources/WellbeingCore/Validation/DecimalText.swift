/// Reads whole numbers out of attribute and element text, byte by byte.
///
/// Identifiers (URN, LAESTAB, LA code) are fixed-width digit strings whose
/// leading zeros matter, so they are read exactly as written. Counts and
/// answers follow `xs:integer`: surrounding XML whitespace is dropped and a
/// sign and leading zeros are allowed (the XSD accepts " 4 ", "+4" and "04").
enum DecimalText {
    /// The value of exactly `count` ASCII digits, or nil for anything else.
    static func fixedDigits(_ text: some StringProtocol, count: Int) -> Int? {
        var value = 0
        var seen = 0
        for byte in text.utf8 {
            guard byte &- UInt8(ascii: "0") < 10, seen < count else { return nil }
            value = value * 10 + Int(byte &- UInt8(ascii: "0"))
            seen += 1
        }
        return seen == count ? value : nil
    }

    /// The outcome of reading `xs:integer` text.
    enum IntegerReading: Equatable {
        /// No characters other than XML whitespace.
        case empty
        case value(Int)
        /// Integer syntax, but more than `limit` in magnitude.
        case tooLarge
        case notAnInteger
    }

    /// Reads `xs:integer` text; magnitudes above `limit` are reported as too large instead of overflowing.
    static func integer(_ text: some StringProtocol, limit: Int = 1_000_000_000) -> IntegerReading {
        var sawDigit = false
        var finished = false
        var negative = false
        var started = false
        var value = 0
        var overflow = false
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                if started { finished = true }
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard !started else { return .notAnInteger }
                started = true
                negative = byte == UInt8(ascii: "-")
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard !finished else { return .notAnInteger }
                started = true
                sawDigit = true
                if !overflow {
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                    overflow = value > limit
                }
            default:
                return .notAnInteger
            }
        }
        if !started { return .empty }
        guard sawDigit else { return .notAnInteger }
        if overflow { return .tooLarge }
        return .value(negative ? -value : value)
    }
}
