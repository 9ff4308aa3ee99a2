import Foundation
import Testing
import WellbeingCore
import WellbeingIngest

/// Attacks on the parser end in a clear E100 or E103, quickly, without reading files or the network.
@Suite struct HostileInputTests {
    /// A generous bound: these take milliseconds; the point is that none runs away.
    static let timeLimit: Duration = .seconds(5)

    @Test(arguments: ["hostile-xxe.xml", "hostile-xxe-http.xml", "hostile-billion-laughs.xml",
                      "hostile-deep-nesting.xml", "hostile-doctype-internal.xml"])
    func hostileFixtureIsRefusedWithE103(file: String) throws {
        var report: ValidationReport?
        let elapsed = try ContinuousClock().measure {
            report = try IngestTestSupport.reader().validate(file: IngestTestSupport.fixture("invalid/" + file))
        }
        let result = try #require(report)
        #expect(elapsed < Self.timeLimit)
        #expect(!result.isValid)
        #expect(result.diagnostics.contains { $0.code == .e103 })
        // The deep nesting first breaks the XSD (an unknown <x>) before it breaks the depth limit.
        #expect(IngestTestSupport.codes(result).isSubset(of: ["E101", "E103"]))
        #expect(!result.diagnostics.contains { $0.message.contains("root:x:0:0") }, "no file was read")
    }

    @Test func doctypeIsRefusedWhereItStands() throws {
        let report = try IngestTestSupport.validate(IngestTestSupport.camdenReturn(pupils: [
            IngestTestSupport.pupil("P001"),
        ]).replacing("<WellbeingReturn", with: "<!DOCTYPE WellbeingReturn>\n<WellbeingReturn"))
        #expect(IngestTestSupport.codes(report) == ["E103"])
        #expect(report.diagnostics[0].location?.line == 2)
        #expect(report.diagnostics[0].message.contains("DOCTYPE"))
    }

    @Test func entityWithoutADTDIsRefused() throws {
        let xml = IngestTestSupport.camdenReturn(
            schoolAttributes: #"urn="100049" laestab="2024104" name="A &ent; B" phase="secondary""#,
            pupils: [IngestTestSupport.pupil("P001")])
        let report = try IngestTestSupport.validate(xml)
        #expect(IngestTestSupport.codes(report) == ["E103"])
        #expect(report.diagnostics[0].message.contains("&ent;"))
    }

    @Test func predefinedEntitiesAndCharacterReferencesAreFine() throws {
        let xml = IngestTestSupport.camdenReturn(
            schoolAttributes: #"urn="100049" laestab="2024104" name="St Mary&apos;s &amp; All &#x00C9;lan &#38;#38;""#
                + #" phase="secondary""#,
            pupils: [IngestTestSupport.pupil("P001")])
        var visitor = RecordingVisitor()
        let report = try IngestTestSupport.reader().read(from: ByteArraySource(Array(xml.utf8)), named: "t",
                                                         into: &visitor)
        #expect(report.isValid, "\(report.diagnostics)")
        #expect(visitor.schools.first?.name == "St Mary's & All Élan &#38;")
    }

    @Test func nestingDeeperThanTheLimitIsE103() throws {
        let deep = String(repeating: "<x>", count: 20) + String(repeating: "</x>", count: 20)
        let xml = IngestTestSupport.camdenReturn(pupils: [IngestTestSupport.pupil("P001", answers: deep)])
        let report = try IngestTestSupport.validate(xml)
        #expect(report.diagnostics.contains { $0.code == .e103 && $0.message.contains("16 deep") })
    }

    @Test func attributeLongerThanTheLimitIsE103() throws {
        let reader = IngestTestSupport.reader(limits: ReadLimits(maxValueLength: 1000))
        let name = String(repeating: "A", count: 1001)
        let xml = IngestTestSupport.camdenReturn(
            schoolAttributes: #"urn="100049" laestab="2024104" name="\#(name)" phase="secondary""#,
            pupils: [IngestTestSupport.pupil("P001")])
        let report = try IngestTestSupport.validate(xml, reader: reader)
        #expect(IngestTestSupport.codes(report) == ["E103"])
        #expect(report.diagnostics[0].message.contains("1000 bytes"))
    }

    @Test func textLongerThanTheLimitIsE103() throws {
        let reader = IngestTestSupport.reader(limits: ReadLimits(maxValueLength: 1 << 10))
        let answers = #"<Answer item="SAFE">"# + String(repeating: " ", count: 2000) + "4</Answer>"
        let report = try IngestTestSupport.validate(
            IngestTestSupport.camdenReturn(pupils: [IngestTestSupport.pupil("P001", answers: answers)]), reader: reader)
        #expect(IngestTestSupport.codes(report) == ["E103"])
        #expect(report.diagnostics[0].message.contains("1 KiB"))
    }

    @Test func fileLargerThanTheLimitIsRefusedBeforeParsing() throws {
        let reader = IngestTestSupport.reader(limits: ReadLimits(maxBytes: 1000))
        let report = try reader.validate(file: IngestTestSupport.fixture("valid/minimal.xml"))
        #expect(IngestTestSupport.codes(report) == ["E103"])
        #expect(report.diagnostics[0].location == nil)
        #expect(report.sha256 == nil)
        #expect(report.schoolCount == 0)
    }

    @Test func streamLargerThanTheLimitIsCutOff() throws {
        let reader = IngestTestSupport.reader(limits: ReadLimits(maxBytes: 2000))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: IngestTestSupport.fixture("valid/minimal.xml")))
        var visitor = RecordingVisitor()
        let report = try reader.read(from: ByteArraySource(bytes), named: "upload", into: &visitor)
        #expect(report.diagnostics.filter { $0.code == .e103 }.count == 1)
        #expect(report.diagnostics.allSatisfy { $0.code == .e103 || $0.code == .e100 })
        #expect(report.sha256 == nil)
        #expect(visitor.events.last == .end(false))
    }

    /// The 100 MiB attribute of Fixtures/invalid/README.md, made in a temporary directory.
    @Test func hugeAttributeEndsQuicklyWithE103() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let maker = Process()
        maker.executableURL = IngestTestSupport.packageRoot.appendingPathComponent("bin/make-hostile-fixtures")
        maker.arguments = ["--only", "huge-attribute", directory.path]
        maker.standardOutput = FileHandle.nullDevice
        try maker.run()
        maker.waitUntilExit()
        try #require(maker.terminationStatus == 0)
        let file = directory.appendingPathComponent("hostile-huge-attribute.xml").path

        var report: ValidationReport?
        let elapsed = try ContinuousClock().measure { report = try IngestTestSupport.reader().validate(file: file) }
        let result = try #require(report)
        #expect(elapsed < Self.timeLimit)
        #expect(IngestTestSupport.codes(result) == ["E103"])
        #expect(result.byteCount > 100 << 20, "the rest of the file is still hashed for the receipt")
        #expect(result.sha256 != nil)
    }
}
