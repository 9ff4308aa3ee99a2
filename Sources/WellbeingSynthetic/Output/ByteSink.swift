/// Somewhere the bytes of a generated return go: a file, a socket, memory.
///
/// The generator hands over chunks of about 1 MB; a chunk's memory is only
/// valid during the call, so a sink copies or writes it before returning.
public protocol ByteSink {
    mutating func write(_ chunk: UnsafeRawBufferPointer) throws
}

/// Collecting a return in memory, for tests and small demos.
extension Array: ByteSink where Element == UInt8 {
    public mutating func write(_ chunk: UnsafeRawBufferPointer) throws {
        append(contentsOf: chunk)
    }
}
