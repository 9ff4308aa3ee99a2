/// A reusable output buffer with the few formatting operations the return writer needs.
///
/// Bytes are appended through a raw pointer (one capacity check per append,
/// none of an array's uniqueness checks) and handed to the sink whenever a
/// megabyte has built up, so memory stays flat however large the return is.
final class XMLByteBuffer {
    /// How much builds up before a flush.
    static let flushThreshold = 1 << 20

    private let storage: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private(set) var count = 0

    /// A buffer that takes `headroom` bytes beyond the threshold: the most the
    /// caller writes between two ``isFull`` checks.
    init(headroom: Int) {
        capacity = Self.flushThreshold + headroom
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    /// True once the buffer holds a megabyte or more.
    var isFull: Bool { count >= Self.flushThreshold }

    /// Writes everything buffered to `sink` and empties the buffer.
    func flush(to sink: inout some ByteSink) throws {
        guard count > 0 else { return }
        try sink.write(UnsafeRawBufferPointer(start: storage, count: count))
        count = 0
    }

    /// Stops the program if `bytes` more would overrun the headroom: a bug in the writer, never bad input.
    @inline(__always)
    private func reserve(_ bytes: Int) {
        precondition(count + bytes <= capacity, "more was written between two isFull checks than the buffer's headroom")
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    /// Appends bytes prepared in advance (tags, attribute names, escaped names).
    @inline(__always)
    func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        reserve(bytes.count)
        bytes.withUnsafeBufferPointer { source in
            (storage + count).update(from: source.baseAddress!, count: source.count)
        }
        count += bytes.count
    }

    /// Appends a non-negative integer in decimal, zero-padded to at least `width` digits.
    @inline(__always)
    func append(decimal value: Int, width: Int = 1) {
        precondition(value >= 0, "only non-negative integers are written")
        var digits = 1
        var rest = value / 10
        while rest > 0 { digits += 1; rest /= 10 }
        digits = max(digits, width)
        reserve(digits)
        rest = value
        var index = count + digits - 1
        while index >= count {
            storage[index] = UInt8(48 + rest % 10)
            rest /= 10
            index -= 1
        }
        count += digits
    }
}

extension [UInt8] {
    /// The UTF-8 bytes of `text` with `&`, `<`, `>` and `"` escaped, ready for an attribute or element.
    static func xmlEscaped(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
            default: bytes.append(byte)
            }
        }
        return bytes
    }
}
