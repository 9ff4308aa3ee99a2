import Foundation
import Testing
import WellbeingCore
import WellbeingAudit

@Test func exploreProtect() throws {
    let env = ProcessInfo.processInfo.environment
    let national = NationalTable(schools: Int(env["SCHOOLS"] ?? "20000")!, authorities: env["LAS"].flatMap { Int($0) })
    var table = national.table()
    let clock = ContinuousClock()
    let start = clock.now
    let report = try DisclosureControl(policy: .standard).protect(&table, auditor: GLPKAuditor())
    print("protect", clock.now - start, report.summary)
}
