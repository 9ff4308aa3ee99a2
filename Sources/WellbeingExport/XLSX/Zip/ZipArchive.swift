/// A ZIP file written front to back: each entry is deflated as its bytes arrive, through a bounded
/// buffer, so an entry of any size costs the same memory.
///
/// Every local header reserves a ZIP64 extra field and is completed once its entry ends, since the
/// sizes and checksum are known only then (the layout libxlsxwriter's ZIP64 mode writes, which Excel
/// opens). The central directory and the end records use ZIP64 only where a size, an offset or the
/// number of entries passes what the classic fields hold.
final class ZipArchive {
    /// Where the classic fields end and ZIP64 takes over; tests lower them to reach ZIP64 cheaply.
    struct Limits {
        /// The largest size or offset a 4-byte field holds (0xFFFFFFFF itself marks ZIP64).
        var field: UInt64 = 0xFFFF_FFFF
        /// The most entries the end record counts (0xFFFF itself marks ZIP64).
        var entries = 0xFFFF
    }

    /// An entry written, as the central directory lists it.
    struct Entry {
        var name: [UInt8]
        var headerOffset: UInt64
        var crc = CRC32()
        var compressedSize: UInt64 = 0
        var size: UInt64 = 0
    }

    let path: String
    let limits: Limits
    private let file: BufferedFileWriter
    private let deflater: RawDeflater
    private var entries: [Entry] = []
    /// The entry being written, if any.
    private var open: Entry?
    /// True when bytes went into the deflater since the entry began or a part was appended.
    private var streamed = false

    /// Creates (or truncates) the file at `path`; entries are deflated at zlib `level`.
    init(path: String, level: Int32, limits: Limits = Limits()) throws(ExportError) {
        self.path = path
        self.limits = limits
        file = try BufferedFileWriter(path: path)
        deflater = try RawDeflater(level: level, path: path)
    }

    /// Starts an entry; its bytes follow through ``write(_:)`` until ``endEntry()``.
    func beginEntry(named name: String) throws(ExportError) {
        precondition(open == nil, "end the open entry first")
        try deflater.reset()
        streamed = false
        let entry = Entry(name: Array(name.utf8), headerOffset: UInt64(file.position))
        try file.write(bytes: Self.localHeader(entry, limits: limits))
        open = entry
    }

    /// Adds bytes to the open entry.
    func write(_ bytes: UnsafeRawBufferPointer) throws(ExportError) {
        precondition(open != nil, "begin an entry first")
        open!.crc.update(bytes)
        open!.size += UInt64(bytes.count)
        streamed = streamed || !bytes.isEmpty
        try deflater.compress(bytes, ending: .none) { (piece) throws(ExportError) in try store(piece) }
    }

    /// Adds a part deflated apart to the open entry, and returns where its bytes start in the file.
    ///
    /// What was written before is flushed to a byte boundary and the deflater starts afresh, so no
    /// later block refers back into the part: the entry inflates to the bytes written and appended,
    /// in order, and the same parts after the same bytes give the same file.
    @discardableResult
    func appendDeflated(_ part: DeflatedPart) throws(ExportError) -> UInt64 {
        precondition(open != nil, "begin an entry first")
        if streamed {
            try deflater.compress(UnsafeRawBufferPointer(start: nil, count: 0), ending: .sync) {
                (piece) throws(ExportError) in try store(piece)
            }
            try deflater.reset()
            streamed = false
        }
        let offset = UInt64(file.position)
        try part.bytes.withExportBytes { (raw) throws(ExportError) in try store(raw) }
        open!.crc.append(part.crc, length: part.size)
        open!.size += part.size
        return offset
    }

    /// Ends the open entry and completes its local header.
    func endEntry() throws(ExportError) {
        precondition(open != nil, "begin an entry first")
        try deflater.compress(UnsafeRawBufferPointer(start: nil, count: 0), ending: .finish) {
            (piece) throws(ExportError) in try store(piece)
        }
        let entry = open!
        open = nil
        entries.append(entry)
        try file.overwrite(Self.localHeader(entry, limits: limits), at: Int(entry.headerOffset))
    }

    /// Writes a whole entry at once.
    func addEntry(named name: String, bytes: [UInt8]) throws(ExportError) {
        try beginEntry(named: name)
        try bytes.withExportBytes { (raw) throws(ExportError) in try write(raw) }
        try endEntry()
    }

    /// Writes the central directory and the end records, and forces the file to disk.
    func finish() throws(ExportError) {
        precondition(open == nil, "end the open entry first")
        let directoryOffset = UInt64(file.position)
        for entry in entries {
            try file.write(bytes: Self.centralHeader(entry, limits: limits))
        }
        let directorySize = UInt64(file.position) - directoryOffset
        try file.write(bytes: Self.endRecords(entries: entries.count, directoryOffset: directoryOffset,
                                              directorySize: directorySize, endOffset: UInt64(file.position),
                                              limits: limits))
        try file.finish()
    }

    private func store(_ piece: UnsafeRawBufferPointer) throws(ExportError) {
        open!.compressedSize += UInt64(piece.count)
        try file.write(bytes: piece)
    }
}
