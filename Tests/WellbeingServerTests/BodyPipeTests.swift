import Foundation
import Hummingbird
import Testing
@testable import WellbeingServer

/// The pipe from the async request body to the reader's thread: order, back-pressure and stopping.
@Suite struct BodyPipeTests {
    /// Reads the pipe to its end on a thread of its own, in reads of `size` bytes.
    static func drain(_ pipe: BodyPipe, size: Int) async -> Result<[UInt8], any Error> {
        await DedicatedThread.run(named: "test reader") {
            var bytes: [UInt8] = []
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
            defer { buffer.deallocate() }
            do {
                while true {
                    let count = try pipe.read(into: buffer)
                    if count == 0 { return .success(bytes) }
                    bytes += buffer[..<count]
                }
            } catch {
                return .failure(error)
            }
        }
    }

    @Test(arguments: [1, 7, 4096])
    func everyByteArrivesInOrderWhateverTheReadSize(size: Int) async throws {
        let pipe = BodyPipe(capacity: 2)
        let chunks = (0..<50).map { index in [UInt8]((0..<(index * 13 % 97 + 1)).map { UInt8(truncatingIfNeeded: $0 + index) }) }
        async let read = Self.drain(pipe, size: size)
        for chunk in chunks { #expect(await pipe.send(ByteBuffer(bytes: chunk))) }
        pipe.finish()
        #expect(try await read.get() == chunks.flatMap { $0 })
        #expect(pipe.stopReason == nil)
    }

    @Test func aStopFailsTheReaderAndTheSender() async throws {
        let pipe = BodyPipe(capacity: 2)
        #expect(await pipe.send(ByteBuffer(bytes: [1, 2, 3])))
        pipe.stop(.tooLarge)
        pipe.stop(.cancelled)
        #expect(await !pipe.send(ByteBuffer(bytes: [4])))
        let read = await Self.drain(pipe, size: 16)
        #expect(throws: (any Error).self) { try read.get() }
        #expect(pipe.stopReason == .tooLarge)
    }

    @Test func aSenderWaitingForRoomGivesUpWhenTheReaderFinishes() async throws {
        let pipe = BodyPipe(capacity: 1)
        async let sent = pipe.send(ByteBuffer(bytes: [1]))
        // Nobody reads; the sender waits for room until the reader says it is done.
        try await Task.sleep(for: .milliseconds(20))
        pipe.finishReading()
        _ = await sent
        #expect(await !pipe.send(ByteBuffer(bytes: [2])))
    }
}
