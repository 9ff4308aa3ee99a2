import Dispatch
import Foundation
import Synchronization
import Testing
import WellbeingCore
import WellbeingIngest
@testable import WellbeingStorage

/// Readers see a committed state, whole; writers from separate connections (as from separate processes) take turns.
@Suite struct ConcurrencyTests {
    static func fileStore(in directory: URL) throws -> SQLiteReturnStore {
        try SQLiteReturnStore(path: directory.appendingPathComponent("store.sqlite").path,
                              catalogue: StoreTestSupport.reference.catalogue)
    }

    @Test func storesOpenedAtOnceOnANewFileShareOneSecretAndOneSchema() throws {
        let directory = try StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let opened = Mutex<[String]>([])
        StoreTestSupport.concurrently((0..<4).map { _ in
            {
                let result: String
                do { result = try Self.fileStore(in: directory).pseudonymiser.fingerprint } catch { result = "\(error)" }
                opened.withLock { $0.append(result) }
            }
        })
        let fingerprints = opened.withLock { $0 }
        #expect(fingerprints.count == 4 && Set(fingerprints).count == 1, "\(fingerprints)")
        #expect(try Self.fileStore(in: directory).pseudonymiser.fingerprint == fingerprints.first)
    }

    @Test func aReaderSeesTheStateBeforeOrAfterAReturnNeverPartOfIt() throws {
        let directory = try StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let writer = try Self.fileStore(in: directory)
        let reader = try Self.fileStore(in: directory)
        let first = ReturnXML(returnId: "first", schools: (0..<20).map {
            .init(urn: 100001 + $0, establishment: 4001 + $0, pupils: 50)
        })
        // Supersedes half of the first return's schools and adds as many: a big change, written for a while.
        let second = ReturnXML(returnId: "second", schools: (10..<30).map {
            .init(urn: 100001 + $0, establishment: 4001 + $0, pupils: 400, answerShift: 1)
        })
        try StoreTestSupport.submit(first.text, to: writer)
        let before = try writer.snapshot()

        let seen = Mutex<[StoreSnapshot]>([])
        let writing = Atomic<Bool>(true)
        let reading = DispatchSemaphore(value: 0)
        let failures = Mutex<[String]>([])
        StoreTestSupport.concurrently([
            {
                reading.wait()  // start writing only once the reader is reading
                do { try StoreTestSupport.submit(second.text, to: writer) } catch {
                    failures.withLock { $0.append("write: \(error)") }
                }
                writing.store(false, ordering: .sequentiallyConsistent)
            },
            {
                var first = true
                repeat {
                    do {
                        let snapshot = try reader.snapshot()
                        seen.withLock { $0.append(snapshot) }
                    } catch {
                        failures.withLock { $0.append("read: \(error)") }
                    }
                    if first { reading.signal() }
                    first = false
                } while writing.load(ordering: .sequentiallyConsistent)
            },
        ])
        let after = try reader.snapshot()
        #expect(failures.withLock { $0 } == [])
        #expect(after.returns.map(\.header.returnId) == ["first", "second"])
        let snapshots = seen.withLock { $0 }
        #expect(snapshots.count > 1)
        for snapshot in snapshots {
            let isBefore = snapshot.aggregation.schools == before.aggregation.schools
                && snapshot.returns == before.returns
            let isAfter = snapshot.aggregation.schools == after.aggregation.schools && snapshot.returns == after.returns
            #expect(isBefore || isAfter)
        }
    }

    @Test func twoWritersTakeTurnsWithoutALockError() throws {
        let directory = try StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Two stores on one file: separate connections, exactly as two processes would hold.
        let stores = try [Self.fileStore(in: directory), Self.fileStore(in: directory)]
        let returns = [ReturnXML(returnId: "one", schools: [.init(urn: 100001, establishment: 4001, pupils: 40)]),
                       ReturnXML(authority: .hackney, returnId: "two",
                                 schools: [.init(urn: 100002, establishment: 4002, pupils: 40)])]
        let hold = 0.3
        let outcomes = Mutex<[String]>([])
        let start = ContinuousClock.now
        StoreTestSupport.concurrently((0..<2).map { index in
            {
                do {
                    // Each holds its write transaction open a while after reading, so the other must wait its turn.
                    let outcome = try stores[index].submit { visitor in
                        let report = try StoreTestSupport.reader.read(
                            from: ByteArraySource(Array(returns[index].text.utf8)), named: "r\(index)", into: &visitor)
                        Thread.sleep(forTimeInterval: hold)
                        return StoreTestSupport.submission(report)
                    }
                    outcomes.withLock { $0.append(outcome.receipt?.header.returnId ?? "not stored") }
                } catch {
                    outcomes.withLock { $0.append("\(error)") }
                }
            }
        })
        let elapsed = ContinuousClock.now - start
        #expect(outcomes.withLock { $0 }.sorted() == ["one", "two"])
        #expect(elapsed >= .seconds(2 * hold))
        #expect(try stores[0].returns(localAuthority: nil).count == 2)
    }
}
