/// Anything a return's bytes can be read from: a file, a request body, a buffer.
///
/// The reader pulls bytes as it parses, so a source is read exactly once and never held whole.
public protocol ReturnByteSource: AnyObject {
    /// Fills the start of `buffer` with the next bytes and returns how many; 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReturnReadError) -> Int
}

/// A return held in memory (a small upload, or a test).
public final class ByteArraySource: ReturnByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    public init(_ bytes: some Sequence<UInt8>) {
        self.bytes = Array(bytes)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, bytes.count - offset)
        bytes.withUnsafeBytes { all in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[offset ..< offset + count]))
        }
        offset += count
        return count
    }
}
