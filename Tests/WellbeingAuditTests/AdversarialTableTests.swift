import Testing
import WellbeingAudit
import WellbeingCore

/// Tables built to be attacked: primary suppression alone leaks each one, audited protection does not.
///
/// Every verdict is checked twice: by our GLPK audit and by scipy's HiGHS, which
/// solves the attacker's LP over the whole table at once.
@Suite("Adversarial tables")
struct AdversarialTableTests {
    /// A table, and the primary cell an attacker goes after.
    struct Scenario: CustomTestStringConvertible, Sendable {
        var name: String
        var table: @Sendable () -> IndicatorTable
        var target: @Sendable (IndicatorTable) -> CellReference
        var testDescription: String { name }
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "one small school among published schools of an LA", table: {
            Fixture.table([Fixture.school(100_001, in: Fixture.camden, Fixture.pupils(30, safe: 20)),
                           Fixture.school(100_002, in: Fixture.camden, Fixture.pupils(40, safe: 25)),
                           Fixture.school(100_003, in: Fixture.camden, Fixture.pupils(6, safe: 3)),
                           Fixture.school(100_004, in: Fixture.islington, Fixture.pupils(50, safe: 30))])
        }, target: { Fixture.cell($0, urn: 100_003) }),
        Scenario(name: "a school whose only small year group is suppressed", table: {
            Fixture.table([Fixture.school(100_001, in: Fixture.camden,
                                          Fixture.pupils(26, safe: 14, year: 8) + Fixture.pupils(4, safe: 2, year: 9)),
                           Fixture.school(100_002, in: Fixture.camden, Fixture.pupils(40, safe: 25, year: 8))])
        }, target: { Fixture.cell($0, urn: 100_001, category: "Year 9", breakdown: .yearGroup) }),
        Scenario(name: "a tiny LA with two schools", table: {
            Fixture.table([Fixture.school(100_001, in: Fixture.leeds, Fixture.pupils(20, safe: 12)),
                           Fixture.school(100_002, in: Fixture.leeds, Fixture.pupils(7, safe: 4)),
                           Fixture.school(100_003, in: Fixture.camden, Fixture.pupils(45, safe: 30)),
                           Fixture.school(100_004, in: Fixture.camden, Fixture.pupils(35, safe: 20))])
        }, target: { Fixture.cell($0, urn: 100_002) }),
        Scenario(name: "a mean recovered from the LA mean × n", table: {
            Fixture.table([Fixture.school(100_001, in: Fixture.camden, Fixture.pupils(30, safe: 15, swemwbs: 24)),
                           Fixture.school(100_002, in: Fixture.camden, Fixture.pupils(25, safe: 12, swemwbs: 20)),
                           Fixture.school(100_003, in: Fixture.camden, Fixture.pupils(5, safe: 2, swemwbs: 30)),
                           Fixture.school(100_004, in: Fixture.islington, Fixture.pupils(40, safe: 20, swemwbs: 22))])
        }, target: { Fixture.cell($0, urn: 100_003, indicator: "WB01") }),
        Scenario(name: "two small categories whose difference another breakdown fixes", table: {
            Fixture.table([Fixture.school(100_001, in: Fixture.camden,
                                          Fixture.pupils(28, safe: 18, sex: .female)
                                              + Fixture.pupils(3, safe: 1, sex: .other, ethnicity: .chinese)),
                           Fixture.school(100_002, in: Fixture.camden, Fixture.pupils(40, safe: 20, sex: .male))])
        }, target: { Fixture.cell($0, urn: 100_001, category: "Other", breakdown: .sex) }),
    ]

    @Test("primary suppression alone lets the attacker pin the cell", arguments: scenarios)
    func naivePatternLeaks(_ scenario: Scenario) throws {
        var table = scenario.table()
        PrimarySuppression(policy: .standard).apply(to: &table)
        let target = scenario.target(table)
        #expect(table.status(target).isPrimary)
        let report = try DisclosureControl(policy: .standard).audit(table, auditor: GLPKAuditor())
        #expect(report.exposed.contains { $0.cell == target })
        let exact = try HiGHSReference.intervals(table)
        let n = try #require(exact[target]?[.respondents])
        #expect(n.upperBound - n.lowerBound < 1e-6, "HiGHS pins n exactly: \(n)")
    }

    @Test("audited protection keeps every primary cell's interval, by HiGHS too", arguments: scenarios)
    func auditedPatternHolds(_ scenario: Scenario) throws {
        var table = scenario.table()
        let report = try DisclosureControl(policy: .standard).protect(&table, auditor: GLPKAuditor())
        #expect(report.isPassed)
        #expect(table.status(scenario.target(table)).isPrimary)
        let exact = try HiGHSReference.intervals(table)
        for entry in report.entries where entry.status.isPrimary {
            for measure in entry.measures {
                let required = try #require(measure.required)
                let interval = try #require(exact[entry.cell]?[measure.quantity])
                #expect(interval.lowerBound <= Double(required.lowerBound) + 1e-6
                        && interval.upperBound >= Double(required.upperBound) - 1e-6,
                        "\(table.location(of: entry.cell)) \(measure.quantity): \(interval) misses \(required)")
            }
        }
    }

    @Test("the same table always gets the same audited pattern")
    func deterministic() throws {
        let scenario = Self.scenarios[0]
        var first = scenario.table(), second = scenario.table()
        _ = try DisclosureControl(policy: .standard).protect(&first, auditor: GLPKAuditor(workers: 1))
        _ = try DisclosureControl(policy: .standard).protect(&second, auditor: GLPKAuditor(workers: 2))
        #expect(first.units.map(\.status) == second.units.map(\.status))
    }
}
