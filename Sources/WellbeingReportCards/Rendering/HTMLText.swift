import Mustache

/// HTML escaping for `{{tags}}`, byte by byte: the same five entities as swift-mustache's own HTML
/// escaping, which walks every value by grapheme with a dictionary lookup per character and was
/// ~15% of a page's render time. Most values (numbers, words) need no change and are returned as they are.
struct HTMLText: MustacheContentType {
    /// The name templates select it by: `{{% CONTENT_TYPE: HTML_UTF8}}` on their first line.
    static let name = "HTML_UTF8"

    func escapeText(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: Self.needsEscape) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += Array("&amp;".utf8)
            case UInt8(ascii: "<"): bytes += Array("&lt;".utf8)
            case UInt8(ascii: ">"): bytes += Array("&gt;".utf8)
            case UInt8(ascii: "\""): bytes += Array("&quot;".utf8)
            case UInt8(ascii: "'"): bytes += Array("&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
