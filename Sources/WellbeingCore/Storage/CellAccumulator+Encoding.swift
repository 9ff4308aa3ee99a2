/// A compact, portable byte form of an accumulator, for stores that keep each school's partial sums.
///
/// Layout (format 1): the format byte, then LEB128 varints of the category
/// count, the indicator count and the lengths of `counts` and `sums`, then every
/// count as a varint and every sum zigzag-encoded as a varint. Most cells of a
/// school are small or zero, so a school's sums take about a third of their
/// in-memory size, and the bytes do not depend on the machine's endianness.
extension CellAccumulator {
    /// The byte form's version; a store refuses bytes of any other.
    public static let encodingFormat: UInt8 = 1

    /// The accumulator as bytes.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = [Self.encodingFormat]
        bytes.reserveCapacity(16 + counts.count + 2 * sums.count)
        for length in [categoryCount, indicatorCount, counts.count, sums.count] {
            Self.appendVarint(UInt64(length), to: &bytes)
        }
        for count in counts { Self.appendVarint(UInt64(count), to: &bytes) }
        for sum in sums { Self.appendVarint(UInt64(bitPattern: (sum << 1) ^ (sum >> 63)), to: &bytes) }
        return bytes
    }

    /// Restores an accumulator from ``encoded()`` bytes, checking they have the shape the catalogue gives.
    ///
    /// Returns nil when the bytes are damaged, of another format, or of another shape.
    public init?(encoded bytes: UnsafeRawBufferPointer, categoryCount: Int, kinds: [IndicatorDefinition.Kind]) {
        var reader = VarintReader(bytes: bytes)
        guard reader.byte() == Self.encodingFormat,
              reader.varint() == UInt64(categoryCount), reader.varint() == UInt64(kinds.count),
              let countLength = reader.varint(), let sumLength = reader.varint(),
              countLength <= UInt64(bytes.count), sumLength <= UInt64(bytes.count)
        else { return nil }
        var counts = [UInt32](repeating: 0, count: Int(countLength))
        for index in counts.indices {
            guard let value = reader.varint(), value <= UInt64(UInt32.max) else { return nil }
            counts[index] = UInt32(value)
        }
        var sums = [Int64](repeating: 0, count: Int(sumLength))
        for index in sums.indices {
            guard let value = reader.varint() else { return nil }
            sums[index] = Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
        }
        guard reader.isAtEnd else { return nil }
        self.init(categoryCount: categoryCount, kinds: kinds, counts: counts, sums: sums)
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}

/// Reads LEB128 varints from a byte buffer, returning nil past its end or on an overlong value.
private struct VarintReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let next = byte() {
            guard shift < 64 else { return nil }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
