import Testing
import WellbeingCore
@testable import WellbeingStorage

/// Which stored rows count: the most recent accepted return containing a school, unless withdrawn.
@Suite struct SupersessionTests {
    /// Four returns: Camden's first (schools 1, 2), its resubmission of school 2 with school 3, a second
    /// resubmission of school 2, and Hackney's (school 4).
    static let returns: [String: ReturnXML] = [
        "A": ReturnXML(returnId: "A", schools: [.init(urn: 100001, establishment: 4001, pupils: 30),
                                                .init(urn: 100002, establishment: 4002, pupils: 25)]),
        "B": ReturnXML(returnId: "B", schools: [.init(urn: 100002, establishment: 4002, pupils: 20, answerShift: 1),
                                                .init(urn: 100003, establishment: 4003, pupils: 15)]),
        "B2": ReturnXML(returnId: "B2", schools: [.init(urn: 100002, establishment: 4002, pupils: 22, answerShift: 2)]),
        "H": ReturnXML(authority: .hackney, returnId: "H",
                       schools: [.init(urn: 100004, establishment: 4004, pupils: 18)]),
    ]

    /// A history of submissions and withdrawals ("-B" withdraws B), the returns then in force, and which
    /// return each counted school comes from.
    static let histories: [(steps: [String], inForce: [String], counted: [Int: String])] = [
        (["A", "B"], ["A", "B"], [100001: "A", 100002: "B", 100003: "B"]),
        (["A", "B", "-B"], ["A"], [100001: "A", 100002: "A"]),
        (["A", "B", "-A"], ["B"], [100002: "B", 100003: "B"]),
        (["A", "B", "B2", "-B2"], ["A", "B"], [100001: "A", 100002: "B", 100003: "B"]),
        (["A", "B", "B2", "-B"], ["A", "B2"], [100001: "A", 100002: "B2"]),
        (["A", "H", "B"], ["A", "H", "B"], [100001: "A", 100002: "B", 100003: "B", 100004: "H"]),
        (["B", "A"], ["B", "A"], [100001: "A", 100002: "A", 100003: "B"]),
    ]

    @Test(arguments: histories)
    func theCountedRowsFollowTheHistory(steps: [String], inForce: [String], counted: [Int: String]) throws {
        let store = try StoreTestSupport.memoryStore()
        var ids: [String: Int64] = [:]
        for step in steps {
            if step.hasPrefix("-") {
                _ = try store.withdraw(id: ids[String(step.dropFirst())]!)
            } else {
                ids[step] = try #require(try StoreTestSupport.submit(Self.returns[step]!.text, to: store).receipt).id
            }
        }
        let snapshot = try store.snapshot()
        #expect(snapshot.returns.map(\.header.returnId) == inForce)
        let schools = snapshot.aggregation.schools[SurveyWave(code: "2026AUT")!] ?? [:]
        #expect(schools.mapValues(\.returnId) == counted)
        // Exactly what the stateless path makes of the returns in force, read in the order they were stored.
        let stateless = try StoreTestSupport.aggregated(inForce.map { Self.returns[$0]!.text })
        #expect(snapshot.aggregation.schools == stateless.schools)

        // Superseded and withdrawn rows are kept, not counted.
        let stored = steps.filter { !$0.hasPrefix("-") }
        #expect(try StoreTestSupport.rowCounts(store)[1] == stored.reduce(0) { $0 + Self.returns[$1]!.schools.count })
        for receipt in try store.returns(localAuthority: nil) {
            #expect(receipt.countingSchools == counted.values.filter { $0 == receipt.header.returnId }.count)
        }
    }

    @Test func withdrawingTwiceChangesNothing() throws {
        let store = try StoreTestSupport.memoryStore()
        let a = try #require(try StoreTestSupport.submit(Self.returns["A"]!.text, to: store).receipt)
        let withdrawn = try store.withdraw(id: a.id)
        #expect(withdrawn.status == .withdrawn && withdrawn.withdrawn != nil && withdrawn.countingSchools == 0)
        #expect(try store.withdraw(id: a.id) == withdrawn)
        #expect(try store.snapshot().aggregation.schoolCount == 0)
    }

    @Test func returnsAreListedByLocalAuthority() throws {
        let store = try StoreTestSupport.memoryStore()
        for name in ["A", "H", "B"] { try StoreTestSupport.submit(Self.returns[name]!.text, to: store) }
        #expect(try store.returns(localAuthority: "202").map(\.header.returnId) == ["A", "B"])
        #expect(try store.returns(localAuthority: "204").map(\.header.returnId) == ["H"])
        #expect(try store.returns(localAuthority: "999").isEmpty)
    }
}
