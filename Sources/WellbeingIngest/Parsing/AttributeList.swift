import CLibXML2

/// The attributes libxml2 passes to a start-tag callback: five pointers each
/// (local name, prefix, namespace URI, value start, value end), read in place.
struct AttributeList: Sequence {
    struct Attribute {
        let name: UnsafePointer<xmlChar>
        let namespace: UnsafePointer<xmlChar>?
        let start: UnsafePointer<xmlChar>
        let end: UnsafePointer<xmlChar>

        var length: Int { end - start }
        var value: String { LibXML2.text(from: start, to: end) }
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
