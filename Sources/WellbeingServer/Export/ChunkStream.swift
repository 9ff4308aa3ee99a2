import Dispatch
import Hummingbird
import Synchronization

/// Streams what a synchronous writer produces (a publication's CSV, its audit report) to a response: written on
/// a thread of its own, a few chunks ahead.
///
/// The writer is synchronous and fast; the client may be slow. The writer may run at most
/// `ahead` chunks (up to about 1 MiB each) in front of the client, so a large export never sits whole
/// in memory, and a client that goes away stops the writer at its next chunk.
struct ChunkStream: Sendable {
    private struct Stopped: Error {}

    /// Names the writer's thread.
    let name: String
    /// Writes the body, handing each chunk to the sink it is given.
    let write: @Sendable (_ sink: ([UInt8]) throws -> Void) throws -> Void
    var ahead = 4

    /// The response body.
    func body() -> ResponseBody {
        ResponseBody { writer in
            let credit = DispatchSemaphore(value: ahead)
            let stopped = Atomic(false)
            let (chunks, continuation) = AsyncStream.makeStream(of: [UInt8].self)
            continuation.onTermination = { _ in
                stopped.store(true, ordering: .relaxed)
                credit.signal()
            }
            let write = self.write
            Task.detached {
                _ = await DedicatedThread.run(named: name) {
                    try? write { chunk in
                        credit.wait()
                        guard !stopped.load(ordering: .relaxed) else { throw Stopped() }
                        continuation.yield(chunk)
                    }
                    continuation.finish()
                }
            }
            for await chunk in chunks {
                try await writer.write(ByteBuffer(bytes: chunk))
                credit.signal()
            }
            try await writer.finish(nil)
        }
    }
}
