import Foundation

/// A return read from a file, through a plain file descriptor.
public final class FileByteSource: ReturnByteSource {
    public let path: String
    /// The file's size when opened, for rejecting an oversized file before parsing it.
    public let size: Int
    private let descriptor: Int32

    public init(path: String) throws(ReturnReadError) {
        self.path = path
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ReturnReadError(.cannotOpen, "cannot open \(path): \(Self.lastError())")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw ReturnReadError(.cannotOpen, "cannot read \(path): it is not a regular file")
        }
        size = Int(status.st_size)
    }

    deinit {
        close(descriptor)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReturnReadError) -> Int {
        while true {
            let count = Foundation.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            guard errno == EINTR else {
                throw ReturnReadError(.readFailed, "reading \(path) failed: \(Self.lastError())")
            }
        }
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
