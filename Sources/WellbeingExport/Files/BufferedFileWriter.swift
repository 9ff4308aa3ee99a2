#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to a file through a large buffer, so millions of small writes cost a few system calls;
/// ranges of another file are copied by the kernel.
final class BufferedFileWriter {
    private let descriptor: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private let capacity: Int
    /// Bytes already handed to the file.
    private var flushed = 0
    /// Bytes of another file to copy before the buffer, run together while they are contiguous.
    private var pendingCopy: (source: Int32, offset: Int, length: Int)?

    /// Where the next byte written will land in the file.
    var position: Int { flushed + (pendingCopy?.length ?? 0) + buffer.count }

    /// Creates (or truncates) the file.
    init(path: String, capacity: Int = 1 << 20) throws(ExportError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ExportError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        descriptor = fd
        self.path = path
        self.capacity = capacity
        buffer.reserveCapacity(capacity)
    }

    deinit { close(descriptor) }

    func write(_ text: String) throws(ExportError) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= capacity { try flush() }
    }

    func write(bytes: some Sequence<UInt8>) throws(ExportError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= capacity { try flush() }
    }

    /// Appends `length` bytes of the file open as `source`, from `offset`: copied by the kernel
    /// (`sendfile`), never through this process, and in one call for a run of contiguous ranges.
    func copy(from source: Int32, offset: Int, length: Int) throws(ExportError) {
        if buffer.isEmpty, let run = pendingCopy, run.source == source, run.offset + run.length == offset {
            pendingCopy!.length += length
            return
        }
        try flush()
        pendingCopy = (source, offset, length)
    }

    /// Replaces bytes already written at `offset` (a header whose sizes are known only after its data).
    func overwrite(_ bytes: [UInt8], at offset: Int) throws(ExportError) {
        precondition(offset >= 0 && offset + bytes.count <= position, "overwrite only what was written")
        try flush()
        var done = 0
        while done < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                pwrite(descriptor, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw ExportError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            done += written
        }
    }

    /// Writes what is buffered and forces it to disk.
    func finish() throws(ExportError) {
        try flush()
        guard fsync(descriptor) == 0 else {
            throw ExportError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }

    private func flush() throws(ExportError) {
        if let run = pendingCopy {
            var from = off_t(run.offset)
            var left = run.length
            while left > 0 {
                let copied = sendfile(descriptor, run.source, &from, left)
                if copied < 0, errno == EINTR { continue }
                guard copied > 0 else {
                    let reason = copied == 0 ? "the previous export's file ended early"
                        : String(cString: strerror(errno))
                    throw ExportError.cannotWrite(path: path, reason: reason)
                }
                left -= copied
            }
            flushed += run.length
            pendingCopy = nil
        }
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw ExportError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
        flushed += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
