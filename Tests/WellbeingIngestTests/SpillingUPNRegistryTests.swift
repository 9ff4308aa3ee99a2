import Foundation
import Testing
import WellbeingCore
@testable import WellbeingIngest

@Suite struct SpillingUPNRegistryTests {
    /// Valid UPNs for LA 202, establishment 4104, with serials 0…count-1 (the check letter worked out).
    static func upns(count: Int) throws -> [UniquePupilNumber] {
        let alphabet = Array("ABCDEFGHJKLMNPQRTUVWXYZ")
        return try (0 ..< count).map { serial in
            let rest = "20241041" + String(format: "%04d", serial)
            let sum = rest.enumerated().reduce(0) { $0 + Int(String($1.element))! * ($1.offset + 2) }
            return try UniquePupilNumber(validating: String(alphabet[sum % 23]) + rest)
        }
    }

    static func occurrence(_ line: Int) -> PupilOccurrence {
        PupilOccurrence(location: SourceLocation(line: line, column: 3), schoolURN: 100_000 + line % 7,
                        pupilRef: line % 5 == 0 ? nil : "R\(line)")
    }

    @Test func spilledDuplicatesMatchTheInMemoryRegistry() throws {
        let upns = try Self.upns(count: 3000)
        // Tiny buffers force every bucket to spill to disk many times.
        let spilling = SpillingUPNRegistry(directory: FileManager.default.temporaryDirectory.path, bucketBits: 3,
                                           bufferBytes: SpillBucket.recordSize * 4)
        var memory = InMemoryUPNRegistry()
        for line in 1 ... 5000 {
            // Every UPN once, and some a second or third time later on.
            let upn = upns[line <= 3000 ? line - 1 : (line * 7) % 3000]
            spilling.record(upn, at: Self.occurrence(line))
            memory.record(upn, at: Self.occurrence(line))
        }
        var fromDisk: [UPNDuplicate] = []
        try spilling.forEachDuplicate { fromDisk.append($0) }
        var fromMemory: [UPNDuplicate] = []
        memory.forEachDuplicate { fromMemory.append($0) }
        #expect(fromDisk.count == 2000)
        #expect(Set(fromDisk) == Set(fromMemory))
    }

    @Test func firstOccurrenceIsTheEarliestInTheReturn() throws {
        let upn = try Self.upns(count: 1)[0]
        let registry = SpillingUPNRegistry(directory: FileManager.default.temporaryDirectory.path)
        for line in [10, 21, 30] { registry.record(upn, at: Self.occurrence(line)) }
        var found: [UPNDuplicate] = []
        try registry.forEachDuplicate { found.append($0) }
        #expect(found.map(\.first.location.line) == [10, 10])
        #expect(found.map(\.occurrence.location.line) == [21, 30])
        #expect(found[0].occurrence.pupilRef == "R21")
        #expect(found[1].occurrence.pupilRef == nil)
        #expect(found[0].first.schoolURN == 100_003 && found[0].first.location.column == 3)
    }

    @Test func unwritableScratchDirectoryIsReportedAtTheEnd() throws {
        let registry = SpillingUPNRegistry(directory: "/nonexistent-scratch", bucketBits: 1,
                                           bufferBytes: SpillBucket.recordSize)
        for (line, upn) in try Self.upns(count: 10).enumerated() { registry.record(upn, at: Self.occurrence(line)) }
        #expect(throws: UPNRegistryError.self) { try registry.forEachDuplicate { _ in } }
    }
}
