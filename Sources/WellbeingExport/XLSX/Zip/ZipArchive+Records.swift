/// The byte layout of ZIP records (PKWARE APPNOTE 6.3), little-endian throughout.
extension ZipArchive {
    /// 1980-01-01 00:00 in MS-DOS form: a fixed time, so the same tables give the same bytes.
    private static let dosTime: UInt16 = 0, dosDate: UInt16 = (0 << 9) | (1 << 5) | 1
    private static let deflated: UInt16 = 8
    /// General-purpose flag bit 11: names are UTF-8.
    private static let utf8Names: UInt16 = 1 << 11
    /// Version 4.5 (ZIP64) where a record may carry ZIP64 fields, 2.0 (deflate) elsewhere.
    private static let zip64Version: UInt16 = 45, classicVersion: UInt16 = 20
    /// Made on Unix (high byte 3): names are taken as they are, not as an MS-DOS code page, and the
    /// entries are plain files readable by all (mode 0644 in the external attributes).
    private static let madeBy: UInt16 = 3 << 8 | zip64Version, fileMode: UInt32 = 0o100644 << 16

    /// The local header: classic sizes, or 0xFFFFFFFF and the real ones in its ZIP64 field (always
    /// present, so the header keeps its length when it is completed).
    static func localHeader(_ entry: Entry, limits: Limits) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50 + entry.name.count)
        let large = entry.size >= limits.field || entry.compressedSize >= limits.field
        bytes.append(le: UInt32(0x0403_4b50))
        bytes.append(le: zip64Version)
        bytes.append(le: utf8Names)
        bytes.append(le: deflated)
        bytes.append(le: dosTime)
        bytes.append(le: dosDate)
        bytes.append(le: entry.crc.value)
        bytes.append(le: large ? UInt32.max : UInt32(entry.compressedSize))
        bytes.append(le: large ? UInt32.max : UInt32(entry.size))
        bytes.append(le: UInt16(entry.name.count))
        bytes.append(le: UInt16(20))
        bytes += entry.name
        bytes.append(le: UInt16(0x0001))
        bytes.append(le: UInt16(16))
        bytes.append(le: entry.size)
        bytes.append(le: entry.compressedSize)
        return bytes
    }

    /// The central directory header, with a ZIP64 field holding just the values too large for theirs.
    static func centralHeader(_ entry: Entry, limits: Limits) -> [UInt8] {
        var extra: [UInt8] = []
        func field(_ value: UInt64) -> UInt32 {
            guard value >= limits.field else { return UInt32(value) }
            extra.append(le: value)
            return UInt32.max
        }
        // The ZIP64 field's values come in this order: size, compressed size, header offset.
        let size = field(entry.size), compressed = field(entry.compressedSize), offset = field(entry.headerOffset)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(46 + entry.name.count + 4 + extra.count)
        bytes.append(le: UInt32(0x0201_4b50))
        bytes.append(le: madeBy)
        bytes.append(le: extra.isEmpty ? classicVersion : zip64Version)
        bytes.append(le: utf8Names)
        bytes.append(le: deflated)
        bytes.append(le: dosTime)
        bytes.append(le: dosDate)
        bytes.append(le: entry.crc.value)
        bytes.append(le: compressed)
        bytes.append(le: size)
        bytes.append(le: UInt16(entry.name.count))
        bytes.append(le: UInt16(extra.isEmpty ? 0 : 4 + extra.count))
        bytes.append(le: UInt16(0))  // comment length
        bytes.append(le: UInt16(0))  // disk number
        bytes.append(le: UInt16(0))  // internal attributes
        bytes.append(le: fileMode)
        bytes.append(le: offset)
        bytes += entry.name
        if !extra.isEmpty {
            bytes.append(le: UInt16(0x0001))
            bytes.append(le: UInt16(extra.count))
            bytes += extra
        }
        return bytes
    }

    /// The end of central directory record, preceded by the ZIP64 end record and its locator when
    /// the count, size or offset of the directory passes the classic fields.
    static func endRecords(entries: Int, directoryOffset: UInt64, directorySize: UInt64, endOffset: UInt64,
                           limits: Limits) -> [UInt8]
    {
        let large = entries >= limits.entries || directoryOffset >= limits.field || directorySize >= limits.field
        var bytes: [UInt8] = []
        if large {
            bytes.append(le: UInt32(0x0606_4b50))
            bytes.append(le: UInt64(44))  // the record's size after this field
            bytes.append(le: zip64Version)
            bytes.append(le: zip64Version)
            bytes.append(le: UInt32(0))  // this disk
            bytes.append(le: UInt32(0))  // the directory's disk
            bytes.append(le: UInt64(entries))
            bytes.append(le: UInt64(entries))
            bytes.append(le: directorySize)
            bytes.append(le: directoryOffset)
            bytes.append(le: UInt32(0x0706_4b50))
            bytes.append(le: UInt32(0))  // the ZIP64 end record's disk
            bytes.append(le: endOffset)
            bytes.append(le: UInt32(1))  // disks
        }
        let count = large ? UInt16.max : UInt16(entries)
        bytes.append(le: UInt32(0x0605_4b50))
        bytes.append(le: UInt16(0))
        bytes.append(le: UInt16(0))
        bytes.append(le: count)
        bytes.append(le: count)
        bytes.append(le: large ? UInt32.max : UInt32(directorySize))
        bytes.append(le: large ? UInt32.max : UInt32(directoryOffset))
        bytes.append(le: UInt16(0))  // comment length
        return bytes
    }
}

extension [UInt8] {
    /// Appends `value` little-endian.
    fileprivate mutating func append(le value: some FixedWidthInteger) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
