import CLibXML2
import Foundation

/// The attributes libxml2 passes to a start-tag callback: five pointers each
/// (local name, prefix, namespace URI, value start, value end), read in place.
struct AttributeList: Sequence {
    struct Attribute {
        let name: UnsafePointer<xmlChar>
        let namespace: UnsafePointer<xmlChar>?
        let start: UnsafePointer<xmlChar>
        let end: UnsafePointer<xmlChar>

        var length: Int { end - start }

        /// The value as text.
        ///
        /// Without entity substitution libxml2 hands SAX2 every `&` of an attribute value written as
        /// `&#38;`, for the consumer to turn back (its own XSD validator does the same); nothing else
        /// is escaped. Values without an `&` are taken as they are.
        var value: String {
            guard memchr(start, Int32(UInt8(ascii: "&")), length) != nil else {
                return LibXML2.text(from: start, to: end)
            }
            let escaped = Array("&#38;".utf8)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(length)
            var index = 0
            while index < length {
                if start[index] == UInt8(ascii: "&"), index + escaped.count <= length,
                   (0 ..< escaped.count).allSatisfy({ start[index + $0] == escaped[$0] }) {
                    bytes.append(UInt8(ascii: "&"))
                    index += escaped.count
                } else {
                    bytes.append(start[index])
                    index += 1
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    struct Iterator: IteratorProtocol {
        fileprivate var next5: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
        fileprivate var remaining: Int

        mutating func next() -> Attribute? {
            guard remaining > 0, let base = next5 else { return nil }
            remaining -= 1
            next5 = base + 5
            return Attribute(name: base[0]!, namespace: base[2], start: base[3]!, end: base[4]!)
        }
    }

    let pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    func makeIterator() -> Iterator {
        Iterator(next5: pointers, remaining: count)
    }
}
