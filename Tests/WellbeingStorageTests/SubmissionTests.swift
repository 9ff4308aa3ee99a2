import Foundation
import GRDB
import Testing
import WellbeingCore
import WellbeingIngest
@testable import WellbeingStorage

/// A return is stored in one transaction: all of it, or nothing of it.
@Suite struct SubmissionTests {
    @Test func aValidReturnIsStoredWithItsReceipt() throws {
        let store = try StoreTestSupport.memoryStore()
        let path = StoreTestSupport.fixture("valid/hand-checkable.xml")
        let report = try StoreTestSupport.reader.validate(file: path)
        let outcome = try StoreTestSupport.submit(file: path, to: store)

        let receipt = try #require(outcome.receipt)
        #expect(outcome == .stored(receipt))
        #expect(receipt.name == path)
        #expect(receipt.sha256 == report.sha256)
        #expect(receipt.header == report.header)
        #expect(receipt.catalogueVersion == StoreTestSupport.reference.catalogue.version)
        #expect((receipt.schools, receipt.pupils, receipt.warnings, receipt.countingSchools) == (2, 42, 0, 2))
        #expect(receipt.status == .accepted && receipt.withdrawn == nil)
        #expect(try store.storedReturn(id: receipt.id) == receipt)
        #expect(try StoreTestSupport.rowCounts(store) == [1, 2, 42])
    }

    @Test func warningsAndUncountedPupilsShowInTheReceipt() throws {
        let store = try StoreTestSupport.memoryStore()
        let path = StoreTestSupport.fixture("valid/warnings.xml")
        let report = try StoreTestSupport.reader.validate(file: path)
        let receipt = try #require(try StoreTestSupport.submit(file: path, to: store).receipt)
        #expect(receipt.warnings == report.warningCount && receipt.warnings > 0)
        // The pupil who answered nothing (W204) is not stored: only counted pupils are.
        #expect(receipt.pupils == report.acceptedPupilCount && receipt.pupils < report.pupilCount)
        #expect(try StoreTestSupport.rowCounts(store) == [1, 1, report.acceptedPupilCount])
    }

    @Test(arguments: ["E100-not-well-formed.xml", "E113-duplicate-urn.xml", "E122-duplicate-upn.xml",
                      "E131-out-of-range.xml", "E140-no-pupils.xml", "hostile-truncated.xml"])
    func anInvalidReturnStoresNothing(file: String) throws {
        let store = try StoreTestSupport.memoryStore()
        #expect(try StoreTestSupport.submit(file: StoreTestSupport.fixture("invalid/" + file), to: store) == .rejected)
        #expect(try StoreTestSupport.rowCounts(store) == [0, 0, 0])
    }

    @Test func aReturnThatFailsAfterItsPupilsWereWrittenLeavesNothing() throws {
        // Valid until its last pupil, whose UPN repeats the first one's (E122): full batches were written by then.
        let xml = ReturnXML(schools: [.init(urn: 100001, establishment: 4001, pupils: 200)])
        #expect(PupilRowWriter.batchSize < 200)
        let store = try StoreTestSupport.memoryStore()
        let outcome = try StoreTestSupport.submit(xml.text.replacingOccurrences(of: xml.upns[199], with: xml.upns[0]),
                                                  to: store)
        #expect(outcome == .rejected)
        #expect(try StoreTestSupport.rowCounts(store) == [0, 0, 0])
    }

    @Test func aThrowMidReturnRollsBackAndTheStoreStaysUsable() throws {
        let store = try StoreTestSupport.memoryStore()
        let xml = ReturnXML(schools: [.init(urn: 100001, establishment: 4001, pupils: 200)])
        let recorded = try Recording(xml.text)
        // Two full batches of pupils are written before the throw.
        #expect(2 * PupilRowWriter.batchSize <= 150)
        #expect(throws: Interrupted.self) {
            try store.submit { visitor in
                try recorded.replay(into: &visitor, pupils: 150) { throw Interrupted() }
            }
        }
        #expect(try StoreTestSupport.rowCounts(store) == [0, 0, 0])

        try StoreTestSupport.submit(xml.text, to: store)
        #expect(try StoreTestSupport.rowCounts(store) == [1, 1, 200])
    }

    @Test func aDatabaseFailureMidReturnIsAStoreErrorAndRollsBack() throws {
        let store = try StoreTestSupport.memoryStore()
        var recorded = try Recording(ReturnXML(schools: [.init(urn: 100001, establishment: 4001, pupils: 200)]).text)
        // The same pupil twice in a school breaks the pupil table's key, as a full disk would break a write;
        // it comes after a full batch has been written.
        recorded.pupils[150].pupil = recorded.pupils[149].pupil
        let error = #expect(throws: StoreError.self) {
            try store.submit { visitor in try recorded.replay(into: &visitor, pupils: recorded.pupils.count) {} }
        }
        #expect(error?.code == .database)
        #expect(try StoreTestSupport.rowCounts(store) == [0, 0, 0])
    }

    @Test func theIdenticalFileAgainChangesNothingAndGivesTheOriginalReceipt() throws {
        let store = try StoreTestSupport.memoryStore()
        let path = StoreTestSupport.fixture("valid/hand-checkable.xml")
        let first = try #require(try StoreTestSupport.submit(file: path, to: store).receipt)
        let again = try StoreTestSupport.submit(file: path, to: store)
        #expect(again == .duplicate(first))
        #expect(try StoreTestSupport.rowCounts(store) == [1, 2, 42])
        #expect(try store.returns(localAuthority: nil) == [first])
    }

    @Test func aWithdrawnFileMayBeSubmittedAgain() throws {
        let store = try StoreTestSupport.memoryStore()
        let path = StoreTestSupport.fixture("valid/minimal.xml")
        let first = try #require(try StoreTestSupport.submit(file: path, to: store).receipt)
        _ = try store.withdraw(id: first.id)
        let second = try #require(try StoreTestSupport.submit(file: path, to: store).receipt)
        #expect(second.id != first.id && second.status == .accepted && second.countingSchools == 1)
        #expect(try store.storedReturn(id: first.id).countingSchools == 0)
    }

    @Test func unknownIdsAreNotFound() throws {
        let store = try StoreTestSupport.memoryStore()
        let unknownShown = #expect(throws: StoreError.self) { try store.storedReturn(id: 9) }
        let unknownWithdrawn = #expect(throws: StoreError.self) { try store.withdraw(id: 9) }
        #expect(unknownShown?.code == .notFound && unknownWithdrawn?.code == .notFound)
    }
}

/// A test's deliberate failure in the middle of a return.
private struct Interrupted: Error {}

/// A valid return's events, recorded once so that a test can replay them (or part of them) into a store.
private struct Recording: ReturnVisitor {
    var header: ReturnHeader?
    var schools: [SchoolRecord] = []
    var pupils: [(school: Int, pupil: PupilResponse)] = []

    init(_ text: String) throws {
        _ = try StoreTestSupport.reader.read(from: ByteArraySource(Array(text.utf8)), named: "recorded", into: &self)
    }

    mutating func begin(_ header: ReturnHeader) { self.header = header }
    mutating func school(_ school: SchoolRecord) { schools.append(school) }
    mutating func pupil(_ pupil: PupilResponse) { pupils.append((schools.count - 1, pupil)) }
    mutating func endSchool() {}
    mutating func end(valid: Bool) {}

    /// Replays the header, schools and the first `count` pupils, then runs `interruption`, then ends the return valid.
    func replay(into visitor: inout any ReturnVisitor, pupils count: Int, interruption: () throws -> Void) throws
        -> ReturnSubmission
    {
        visitor.begin(header!)
        for (index, school) in schools.enumerated() {
            visitor.school(school)
            for entry in pupils.prefix(count) where entry.school == index { visitor.pupil(entry.pupil) }
            visitor.endSchool()
        }
        try interruption()
        visitor.end(valid: true)
        return ReturnSubmission(name: "replayed", sha256: String(repeating: "b", count: 64), isValid: true,
                                warnings: 0)
    }
}
