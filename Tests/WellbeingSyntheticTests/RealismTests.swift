import Testing
import WellbeingCore
import WellbeingSynthetic

/// One mid-sized wave over several LAs, parsed once and shared by the realism checks.
private let sample: [ParsedReturn.Pupil] = {
    let wave = try! SyntheticWave.make(pupils: 30_000, schools: 120, las: 4, seed: 21)
    return try! wave.allBytes().flatMap { try ParsedReturn($0).pupils }
}()

/// The share of `pupils` for which `condition` holds, among those where it is defined.
private func share(_ pupils: [ParsedReturn.Pupil], _ condition: (ParsedReturn.Pupil) -> Bool?) -> Double {
    let defined = pupils.compactMap(condition)
    return Double(defined.filter { $0 }.count) / Double(defined.count)
}

private func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

@Suite("Generated answers look like real survey data")
struct RealismTests {
    @Test("pupils bullied most weeks have lower well-being and feel less safe")
    func bullyingCorrelates() {
        let bullied = sample.filter { ($0.answers["BULLIED"] ?? 0) >= 3 }
        let others = sample.filter { $0.answers["BULLIED"].map { $0 < 3 } ?? false }
        let bulliedScore = mean(bullied.compactMap(\.swemwbsMetric))
        let othersScore = mean(others.compactMap(\.swemwbsMetric))
        #expect(bulliedScore < othersScore - 2)
        let feelsSafe = { (pupil: ParsedReturn.Pupil) in pupil.answers["SAFE"].map { $0 >= 4 } }
        #expect(share(bullied, feelsSafe) < share(others, feelsSafe) - 0.2)
    }

    @Test("indicator prevalences are in published ranges", arguments: [
        // Low mental well-being (metric score below 18), years 7+.
        ("WB02", 0.15...0.25),
        // Bullied most weeks or more.
        ("WB06", 0.05...0.08),
        // Frequent alcohol or drug misuse, years 10+.
        ("WB12", 0.03...0.08),
        ("WB03 feel safe", 0.6...0.8),
        ("WB09 five a day", 0.15...0.3),
    ])
    func prevalence(indicator: String, range: ClosedRange<Double>) {
        let value: Double = switch indicator {
        case "WB02": share(sample) { $0.swemwbsMetric.map { $0 < 18 } }
        case "WB06": share(sample) { $0.answers["BULLIED"].map { $0 >= 3 } }
        case "WB12": share(sample) { pupil in
            guard let drunk = pupil.answers["DRUNK_4WK"], let drugs = pupil.answers["DRUGS_4WK"] else { return nil }
            return drunk >= 2 || drugs >= 2
        }
        case "WB03 feel safe": share(sample) { $0.answers["SAFE"].map { $0 >= 4 } }
        default: share(sample) { $0.answers["FRUITVEG"].map { $0 == 5 } }
        }
        #expect(range.contains(value), "\(indicator) is \(value)")
    }

    @Test("characteristics are mixed roughly as in England")
    func characteristics() {
        #expect((0.15...0.35).contains(share(sample) { $0.attributes["fsm"].map { $0 == "true" } }))
        #expect((0.09...0.17).contains(share(sample) { $0.attributes["sen"].map { $0 == "K" } }))
        #expect((0.02...0.07).contains(share(sample) { $0.attributes["sen"].map { $0 == "E" } }))
        #expect((0.45...0.85).contains(share(sample) { $0.attributes["ethnicity"].map { $0 == "WBRI" } }))
        #expect((0.45...0.52).contains(share(sample) { $0.attributes["sex"] == "F" }))
        // Some records leave characteristics unknown.
        #expect(sample.contains { $0.attributes["ethnicity"] == nil })
        #expect(sample.contains { $0.attributes["fsm"] == nil })
    }

    @Test("about 70% of pupils carry a UPN by default")
    func upnShare() {
        #expect((0.67...0.73).contains(share(sample) { $0.attributes["upn"] != nil }))
    }

    @Test("a few percent of asked items are missing, for each kind of reason")
    func missingAnswers() {
        let answered = sample.reduce(0) { $0 + $1.answers.count }
        let missing = sample.reduce(0) { $0 + $1.missing.count }
        let rate = Double(missing) / Double(answered + missing)
        #expect((0.01...0.04).contains(rate))
        let reasons = Set(sample.flatMap { $0.missing.values })
        #expect(reasons == ["refused", "dont-know", "not-asked"])
    }

    @Test("London LAs are more ethnically diverse than others")
    func londonDiversity() throws {
        func whiteBritish(_ code: String) throws -> Double {
            let wave = try SyntheticWave.make(pupils: 8_000, schools: 40, codes: [code])
            let pupils = try ParsedReturn(wave.allBytes()[0]).pupils
            return share(pupils) { $0.attributes["ethnicity"].map { $0 == "WBRI" } }
        }
        #expect(try whiteBritish("202") < whiteBritish("841") - 0.2)
    }

    @Test("straight-lining is rare by default and absent when turned off")
    func straightLining() throws {
        func straightLiners(_ pupils: [ParsedReturn.Pupil]) -> Double {
            share(pupils) { pupil in
                let values = (1...7).compactMap { pupil.answers["SWEMWBS\($0)"] }
                return values.count == 7 ? Set(values).count == 1 : nil
            }
        }
        #expect((0.001...0.05).contains(straightLiners(sample)))
        let strict = try SyntheticWave.make(pupils: 10_000, schools: 40, las: 2, seed: 21, allowsStraightLining: false)
        #expect(try straightLiners(strict.allBytes().flatMap { try ParsedReturn($0).pupils }) == 0)
    }

    @Test("the missing rate is a parameter")
    func missingRate() throws {
        let none = try ParsedReturn(SyntheticWave.make(pupils: 2_000, schools: 10, missingRate: 0).allBytes()[0])
        #expect(none.pupils.allSatisfy { $0.missing.isEmpty })
        let many = try ParsedReturn(SyntheticWave.make(pupils: 2_000, schools: 10, missingRate: 0.3).allBytes()[0])
        let rate = Double(many.pupils.reduce(0) { $0 + $1.missing.count })
            / Double(many.pupils.reduce(0) { $0 + $1.missing.count + $1.answers.count })
        #expect((0.15...0.35).contains(rate))
    }
}
