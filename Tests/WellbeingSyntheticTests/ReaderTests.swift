import Foundation
import Testing
import WellbeingCore
import WellbeingIngest
import WellbeingSynthetic

private let schemaPath = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Schemas/wellbeing-return-1.0.xsd").path

/// Counts what the reader hands on, to compare with what was generated.
private struct CountingVisitor: ReturnVisitor {
    var schools = 0
    var pupils = 0
    var valid = false
    mutating func begin(_ header: ReturnHeader) {}
    mutating func school(_ school: SchoolRecord) { schools += 1 }
    mutating func pupil(_ pupil: PupilResponse) { pupils += 1 }
    mutating func endSchool() {}
    mutating func end(valid: Bool) { self.valid = valid }
}

@Suite("Generated returns pass the real validator")
struct ReaderTests {
    let reader = ReturnReader(schema: try! ReturnSchema(path: schemaPath),
                              instruments: [reference.catalogue.instrument],
                              localAuthorities: reference.localAuthorities)

    @Test("every return is accepted with all its pupils; only straight-lining queries appear",
          arguments: [(5_000, 30, 2, UInt64(1)), (400, 50, 1, UInt64(2)), (1, 1, 1, UInt64(3))])
    func accepted(pupils: Int, schools: Int, las: Int, seed: UInt64) throws {
        let wave = try SyntheticWave.make(pupils: pupils, schools: schools, las: las, seed: seed)
        for (summary, bytes) in zip(wave.returns, try wave.allBytes()) {
            var visitor = CountingVisitor()
            let report = try reader.read(from: ByteArraySource(bytes), named: summary.returnId, into: &visitor)
            #expect(report.errorCount == 0, "\(report.diagnostics.prefix(5))")
            #expect(report.diagnostics.allSatisfy { $0.code == .w203 })
            #expect(report.schoolCount == summary.schools)
            #expect(report.pupilCount == summary.pupils)
            #expect(visitor.valid)
            #expect(visitor.schools == summary.schools)
            #expect(visitor.pupils == summary.pupils)
        }
    }

    @Test("with straight-lining turned off a return has no warnings at all")
    func noWarnings() throws {
        let wave = try SyntheticWave.make(pupils: 6_000, schools: 25, seed: 4, allowsStraightLining: false)
        var visitor = CountingVisitor()
        let report = try reader.read(from: ByteArraySource(wave.allBytes()[0]), named: "strict", into: &visitor)
        #expect(report.errorCount == 0)
        #expect(report.warningCount == 0)
        #expect(visitor.pupils == 6_000)
    }
}
