import CZlib

/// A raw deflate stream (no zlib or gzip wrapper, as a ZIP entry holds it) over zlib.
///
/// The `z_stream` and the output buffer stay inside: callers hand in bytes and receive compressed
/// pieces in a closure, valid only for the duration of the call.
final class RawDeflater {
    /// How far a call to ``compress(_:ending:into:)`` takes the stream.
    enum Ending {
        /// More input follows; zlib may hold some back.
        case none
        /// Emits everything so far, ending on a byte boundary without ending the stream (`Z_SYNC_FLUSH`):
        /// another stream's blocks may follow, as in a ZIP entry made of parts deflated apart.
        case sync
        /// Ends the stream: the final block is written.
        case finish
    }

    /// The file the stream is for, named in errors.
    let path: String
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var output: [UInt8]

    /// Starts a stream at zlib `level` (1 fastest … 9 smallest), handing out compressed bytes
    /// `outputSize` at a time.
    init(level: Int32, path: String, outputSize: Int = 1 << 18) throws(ExportError) {
        self.path = path
        output = [UInt8](repeating: 0, count: outputSize)
        stream.initialize(to: z_stream())
        // −15: a raw stream with a 32 KiB window; memory level 8 is zlib's default.
        let status = deflateInit2_(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                                   Int32(MemoryLayout<z_stream>.size))
        do {
            try ZlibCall.check(status, path: path, doing: "starting compression")
        } catch {
            stream.deallocate()
            throw error
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    /// Starts a new stream with the same settings (the next ZIP entry).
    func reset() throws(ExportError) {
        try ZlibCall.check(deflateReset(stream), path: path, doing: "restarting compression")
    }

    /// `input` deflated on its own and flushed to a byte boundary: a part that can stand anywhere in an
    /// entry's stream but last (``ZipArchive/appendDeflated(_:)``).
    static func part(_ input: UnsafeRawBufferPointer, level: Int32, path: String) throws(ExportError) -> DeflatedPart {
        // A unit's rows deflate to a few kB.
        let deflater = try RawDeflater(level: level, path: path, outputSize: 1 << 14)
        var part = DeflatedPart()
        part.crc.update(input)
        part.size = UInt64(input.count)
        try deflater.compress(input, ending: .sync) { (piece) throws(ExportError) in part.bytes += piece }
        return part
    }

    /// Compresses `input`, handing every filled piece of output to `sink`.
    func compress(_ input: UnsafeRawBufferPointer, ending: Ending,
                  into sink: (UnsafeRawBufferPointer) throws(ExportError) -> Void) throws(ExportError)
    {
        let flush = switch ending {
        case .none: Z_NO_FLUSH
        case .sync: Z_SYNC_FLUSH
        case .finish: Z_FINISH
        }
        // zlib reads `next_in` only; the pointer is mutable in its declaration alone.
        stream.pointee.next_in = input.baseAddress.map {
            UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self))
        }
        stream.pointee.avail_in = uInt(input.count)
        defer { stream.pointee.next_in = nil }
        let capacity = output.count
        while true {
            let (status, produced) = output.withUnsafeMutableBytes { buffer in
                stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(capacity)
                defer { stream.pointee.next_out = nil }
                let status = deflate(stream, flush)
                return (status, capacity - Int(stream.pointee.avail_out))
            }
            // Z_BUF_ERROR only says no progress was possible, which ends the loop below.
            try ZlibCall.check(status, accepted: [Z_OK, Z_STREAM_END, Z_BUF_ERROR], path: path,
                               doing: "compressing")
            if produced > 0 {
                try output.withExportBytes { (buffer) throws(ExportError) in
                    try sink(UnsafeRawBufferPointer(rebasing: buffer[..<produced]))
                }
            }
            let done = ending == .finish ? status == Z_STREAM_END : stream.pointee.avail_in == 0 && produced < capacity
            if done { return }
        }
    }
}
