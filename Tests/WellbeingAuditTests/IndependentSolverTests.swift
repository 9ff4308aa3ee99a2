import Testing
import WellbeingAudit
import WellbeingCore

/// The audit's answers checked against a second solver that sees the whole table at once.
@Suite("Audit agrees with scipy's HiGHS")
struct IndependentSolverTests {
    /// Three LAs in two regions, four schools each (or the LAs and schools given), with mixed sexes, ethnicities and
    /// years.
    static func smallCountry(seed: UInt64, authorities: [LocalAuthority] = [Fixture.camden, Fixture.islington, Fixture.leeds],
                             schoolsEach: Int = 4) -> IndicatorTable {
        var random = SplitMix(seed: seed)
        var schools: [SchoolAggregate] = []
        for (l, la) in authorities.enumerated() {
            for s in 0..<schoolsEach {
                var pupils: [PupilResponse] = []
                for _ in 0..<(12 + Int(random.uniform() * 40)) {
                    pupils += Fixture.pupils(1, safe: random.uniform() < 0.6 ? 1 : 0, year: 7 + Int(random.uniform() * 3),
                                             sex: random.uniform() < 0.08 ? .other : random.uniform() < 0.5 ? .female : .male,
                                             ethnicity: EthnicityMajor(rawValue: UInt8(random.pick([70, 8, 12, 6, 1, 2, 1])))!,
                                             swemwbs: 7 + Int(random.uniform() * 29))
                }
                schools.append(Fixture.school(100_000 + 100 * l + s, in: la, pupils))
            }
        }
        return Fixture.table(schools)
    }

    /// The pattern audited: primary cells alone (plenty exposed), or with the floor of secondary suppression.
    enum Pattern: CaseIterable, Sendable { case primaryOnly, floor }

    /// Each pattern with GLPK's simplex method throughout, and with every push it can take by the interior point.
    static let audits: [(Pattern, InteriorPointUse)] = Pattern.allCases.flatMap { pattern in
        [InteriorPointUse.never, .always].map { (pattern, $0) }
    }

    @Test("feasible ranges lie inside HiGHS's intervals, extremes match, verdicts agree",
          arguments: [1, 2] as [UInt64], audits)
    func agreesWithHiGHS(seed: UInt64, audit: (pattern: Pattern, method: InteriorPointUse)) throws {
        let pattern = audit.pattern
        var table = Self.smallCountry(seed: seed)
        switch pattern {
        case .primaryOnly: PrimarySuppression(policy: .standard).apply(to: &table)
        case .floor: DisclosureControl(policy: .standard).protect(&table)
        }
        let report = try DisclosureControl(policy: .standard).audit(table, auditor: GLPKAuditor(interiorPoint: audit.method))
        let reference = try HiGHSReference.intervals(table)
        #expect(report.entries.count == reference.count)
        if pattern == .primaryOnly { #expect(!report.exposed.isEmpty, "primary cells alone should be exposed here") }
        for entry in report.entries {
            for measure in entry.measures {
                let exact = try #require(reference[entry.cell]?[measure.quantity])
                let slack = 1e-6 * max(1, exact.upperBound.isFinite ? exact.upperBound : 1)
                #expect(measure.feasible.lower.value >= exact.lowerBound - slack)
                #expect(measure.feasible.upper.value <= exact.upperBound + slack)
                if measure.feasible.lower.isExtreme { #expect(abs(measure.feasible.lower.value - exact.lowerBound) <= slack) }
                if measure.feasible.upper.isExtreme {
                    #expect(measure.feasible.upper.value == exact.upperBound
                            || abs(measure.feasible.upper.value - exact.upperBound) <= slack)
                }
                if let required = measure.required {
                    let covered = exact.lowerBound <= Double(required.lowerBound) + 1e-6
                        && exact.upperBound >= Double(required.upperBound) - 1e-6
                    #expect(measure.isProtected == covered, "\(table.location(of: entry.cell)) \(measure)")
                }
            }
        }
    }
}
