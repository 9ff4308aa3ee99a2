import Foundation
import Hummingbird
import WellbeingIngest

/// Carries a request body from the server's tasks to a reader blocked on its own thread, a few chunks at a time.
///
/// The body is never held whole: the sending task waits (without blocking a thread)
/// while `capacity` chunks are unread, and the reader waits (blocking its own thread)
/// while none have arrived. Either side may stop the transfer with a ``Stop`` reason;
/// the reader then fails its next read, so the store rolls the return back.
final class BodyPipe: ReturnByteSource, @unchecked Sendable {
    /// Why a transfer stopped before the end of the body.
    enum Stop: Sendable, Equatable {
        /// More bytes arrived than the upload limit allows.
        case tooLarge
        /// The return's header names an LA the token may not submit for (3-digit code).
        case otherAuthority(String)
        /// The request was cancelled (the client went away, or the server is stopping).
        case cancelled
        /// The upload took longer than the request timeout.
        case timedOut
        /// The client's body ended in an error (the connection dropped).
        case brokenBody
    }

    // Guarded by `condition`: every field below.
    private let condition = NSCondition()
    private var chunks: [ByteBuffer] = []
    private var head = 0
    private var finished = false
    private var stop: Stop?
    /// True once the reader has stopped reading, for whatever reason; the sender then stops too.
    private var readerDone = false
    private var waitingSender: CheckedContinuation<Void, Never>?
    private let capacity: Int

    init(capacity: Int = 16) {
        self.capacity = capacity
    }

    /// Why the transfer stopped early; nil while it runs or after a complete body.
    var stopReason: Stop? {
        condition.withLock { stop }
    }

    // MARK: The sending side (async)

    /// Queues a chunk, waiting while the reader is `capacity` chunks behind; false once the transfer has stopped.
    func send(_ chunk: ByteBuffer) async -> Bool {
        let full: Bool? = condition.withLock {
            guard stop == nil, !readerDone else { return nil }
            chunks.append(chunk)
            condition.signal()
            return chunks.count - head >= capacity
        }
        guard let full else { return false }
        if full {
            await withCheckedContinuation { continuation in
                let resumeNow = condition.withLock {
                    if stop != nil || readerDone || chunks.count - head < capacity { return true }
                    waitingSender = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
        return condition.withLock { stop == nil && !readerDone }
    }

    /// Marks the end of the body.
    func finish() {
        condition.withLock {
            finished = true
            condition.signal()
        }
    }

    /// Stops the transfer (the first reason given wins) and wakes both sides.
    func stop(_ reason: Stop) {
        let sender = condition.withLock { () -> CheckedContinuation<Void, Never>? in
            if stop == nil { stop = reason }
            condition.signal()
            defer { waitingSender = nil }
            return waitingSender
        }
        sender?.resume()
    }

    // MARK: The reading side (its own thread)

    /// Says the reader will read no more (it may stop before the end), so a waiting sender gives up.
    func finishReading() {
        let sender = condition.withLock { () -> CheckedContinuation<Void, Never>? in
            readerDone = true
            chunks.removeAll()
            head = 0
            defer { waitingSender = nil }
            return waitingSender
        }
        sender?.resume()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReturnReadError) -> Int {
        condition.lock()
        while stop == nil, head == chunks.count, !finished { condition.wait() }
        if let stop {
            condition.unlock()
            throw ReturnReadError(.readFailed, "the upload stopped: \(stop)")
        }
        guard head < chunks.count else {
            condition.unlock()
            return 0
        }
        let count = chunks[head].withUnsafeReadableBytes { bytes in
            let count = min(bytes.count, buffer.count)
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[..<count]))
            return count
        }
        chunks[head].moveReaderIndex(forwardBy: count)
        var sender: CheckedContinuation<Void, Never>?
        if chunks[head].readableBytes == 0 {
            head += 1
            // Drop consumed chunks now and then, so the array does not grow with the body.
            if head >= 64 {
                chunks.removeFirst(head)
                head = 0
            }
            if chunks.count - head < capacity {
                sender = waitingSender
                waitingSender = nil
            }
        }
        condition.unlock()
        sender?.resume()
        return count
    }
}
