import Foundation
import Testing
import WellbeingCore
import WellbeingIngest

/// What the reader hands to a visitor, and what its report says.
@Suite struct ReturnReaderTests {
    @Test func visitorSeesTheReturnInDocumentOrder() throws {
        let xml = IngestTestSupport.camdenReturn(
            enrolment: #"<Enrolment yearGroup="7" onRoll="3"/>"#,
            pupils: [IngestTestSupport.pupil("P001"), IngestTestSupport.pupil("P002")])
        var visitor = RecordingVisitor()
        let report = try IngestTestSupport.reader().read(from: ByteArraySource(Array(xml.utf8)), named: "t",
                                                         into: &visitor)
        #expect(report.isValid, "\(report.diagnostics)")
        #expect(visitor.events == [.begin("T-1"), .school(100_049), .pupil("P001"), .pupil("P002"), .endSchool,
                                   .end(true)])
        #expect(visitor.schools.first?.enrolment == [YearGroup(7)!: 3])
        #expect(visitor.header?.localAuthority.code == "202")
    }

    @Test func invalidPupilIsNotHandedOnAndTheReturnEndsInvalid() throws {
        let xml = IngestTestSupport.camdenReturn(pupils: [
            IngestTestSupport.pupil("P001"),
            IngestTestSupport.pupil("P002", answers: #"<Answer item="SAFE">9</Answer>"#),
        ])
        var visitor = RecordingVisitor()
        let report = try IngestTestSupport.reader().read(from: ByteArraySource(Array(xml.utf8)), named: "t",
                                                         into: &visitor)
        #expect(IngestTestSupport.codes(report) == ["E131"])
        #expect(visitor.pupils.map(\.ref) == ["P001"])
        #expect(visitor.events.last == .end(false))
        #expect(report.diagnostics[0].schoolURN == "100049")
        #expect(report.diagnostics[0].pupilRef == "P002")
    }

    @Test func answersOutsideTheirYearsReachTheVisitorCleared() throws {
        var visitor = RecordingVisitor()
        let report = try IngestTestSupport.reader().read(file: IngestTestSupport.fixture("valid/warnings.xml"),
                                                         into: &visitor)

        let pupil = try #require(visitor.pupils.first { $0.ref == "W9-01" })
        let drunk = IngestTestSupport.reference.catalogue.instrument.index(of: "DRUNK_4WK")!
        #expect(pupil.answers.missing(drunk) == .notAsked)
        #expect(!visitor.pupils.contains { $0.ref == "W9-03" }, "a pupil with no answers is not counted")
        #expect(report.isValid)
    }

    @Test func namesInAnyScriptSurvive() throws {
        var visitor = RecordingVisitor()
        _ = try IngestTestSupport.reader().read(file: IngestTestSupport.fixture("valid/utf16.xml"), into: &visitor)
        #expect(visitor.schools.map(\.name) == ["Ελληνικό Σχολείο Αγίου Γεωργίου", "曼徹斯特中文學校",
                                                "Ysgol Gŵyr a Chaerdydd"])
        #expect(visitor.header?.software == "Λογισμικό έρευνας 2.0 / 调查软件")

        var minimal = RecordingVisitor()
        _ = try IngestTestSupport.reader().read(file: IngestTestSupport.fixture("valid/minimal.xml"), into: &minimal)
        #expect(minimal.schools.first?.name == "St Mary's Élan School")
    }

    @Test(arguments: ["valid/minimal.xml", "valid/utf16.xml", "valid/bom-utf8.xml",
                      "invalid/E100-not-well-formed.xml"])
    func sha256IsOfEveryByteOfTheFile(file: String) throws {
        let path = IngestTestSupport.fixture(file)
        let report = try IngestTestSupport.reader().validate(file: path)
        let hasher = Process()
        hasher.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        hasher.arguments = [path]
        let output = Pipe()
        hasher.standardOutput = output
        try hasher.run()
        hasher.waitUntilExit()
        let expected = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .split(separator: " ").first.map(String.init)
        #expect(report.sha256 == expected)
        #expect(report.byteCount == (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int))
    }

    @Test func streamAndFileGiveTheSameReport() throws {
        let path = IngestTestSupport.fixture("valid/hand-checkable.xml")
        let fromFile = try IngestTestSupport.reader().validate(file: path)
        var visitor = RecordingVisitor()
        let fromStream = try IngestTestSupport.reader().read(
            from: ByteArraySource(try Data(contentsOf: URL(fileURLWithPath: path))), named: path, into: &visitor)
        #expect(fromStream.sha256 == fromFile.sha256)
        #expect(fromStream.pupilCount == fromFile.pupilCount)
        #expect(fromStream.diagnostics == fromFile.diagnostics)
    }

    @Test func diagnosticsAreCappedInFileOrderAndTheRestCounted() throws {
        let pupils = (1...10).map { IngestTestSupport.pupil("P\($0)", answers: #"<Answer item="SAFE">9</Answer>"#) }
        let reader = IngestTestSupport.reader(diagnosticLimit: 4)
        let report = try IngestTestSupport.validate(IngestTestSupport.camdenReturn(pupils: pupils), reader: reader)
        #expect(report.errorCount == 10)
        #expect(report.diagnostics.map(\.pupilRef) == ["P1", "P2", "P3", "P4"])
        #expect(report.truncatedCount == 6)
        let lines = report.diagnostics.map { $0.location!.line }
        #expect(lines == lines.sorted())
    }

    @Test func schemaFindingsAboutPupilValuesComeFromTheValidatorWithoutTheValue() throws {
        let xml = IngestTestSupport.camdenReturn(pupils: [
            IngestTestSupport.pupil("P001", attributes: #"upn="A20241042600" ethnicity="SECRET""#),
        ])
        let report = try IngestTestSupport.validate(xml)
        #expect(IngestTestSupport.codes(report) == ["E101", "E120"])
        for diagnostic in report.diagnostics {
            #expect(!diagnostic.message.contains("A20241042600") && !diagnostic.message.contains("SECRET"))
            #expect(diagnostic.pupilRef == "P001")
        }
    }

    @Test func structuralSchemaFindingsKeepLibxml2sWords() throws {
        let xml = IngestTestSupport.camdenReturn(pupils: [
            IngestTestSupport.pupil("P001", attributes: #"colour="blue""#),
        ])
        let report = try IngestTestSupport.validate(xml)
        #expect(IngestTestSupport.codes(report) == ["E101"])
        #expect(report.diagnostics[0].message
            == "Element 'Pupil', attribute 'colour': The attribute 'colour' is not allowed.")
        #expect(report.diagnostics[0].location?.line == 11)
    }

    @Test func wellFormednessErrorHasLibxml2sLineAndColumn() throws {
        let report = try IngestTestSupport.reader().validate(
            file: IngestTestSupport.fixture("invalid/E100-not-well-formed.xml"))
        let diagnostic = try #require(report.diagnostics.first)
        #expect(diagnostic.code == .e100)
        #expect(diagnostic.location?.line == 33)
        #expect(diagnostic.location.map { $0.column > 0 } == true)
        #expect(diagnostic.message.contains("Pupl"))
    }

    @Test func missingFileIsAReadErrorNotAReport() {
        #expect(throws: ReturnReadError.self) {
            try IngestTestSupport.reader().validate(file: "/nonexistent/return.xml")
        }
        do {
            _ = try IngestTestSupport.reader().validate(file: "/nonexistent/return.xml")
        } catch {
            #expect(error.code == .cannotOpen)
            #expect(error.message.contains("/nonexistent/return.xml"))
        }
    }

    @Test func badSchemaPathIsAClearError() {
        do {
            _ = try ReturnSchema(path: "/nonexistent/schema.xsd")
            Issue.record("a missing XSD must not load")
        } catch {
            #expect(error.code == .badSchema)
            #expect(error.message.contains("/nonexistent/schema.xsd"))
        }
    }

    @Test func brokenSchemaIsRefusedWithLibxml2sReason() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).xsd")
        defer { try? FileManager.default.removeItem(at: path) }
        let broken = #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="x" type="nope"/>"#
            + "</xs:schema>"
        try Data(broken.utf8).write(to: path)
        do {
            _ = try ReturnSchema(path: path.path)
            Issue.record("a broken XSD must not load")
        } catch {
            #expect(error.code == .badSchema)
            #expect(error.message.contains("nope"))
        }
    }

    @Test func readersShareOneSchemaAcrossThreads() async throws {
        let files = ["valid/minimal.xml", "valid/hand-checkable.xml", "valid/utf16.xml", "valid/warnings.xml",
                     "invalid/E122-duplicate-upn.xml", "invalid/E100-not-well-formed.xml"]
        let reader = IngestTestSupport.reader()
        let sequential = try files.map { try reader.validate(file: IngestTestSupport.fixture($0)) }
        let concurrent = try await withThrowingTaskGroup(of: (Int, ValidationReport).self) { group in
            for _ in 0 ..< 4 {
                for (index, file) in files.enumerated() {
                    group.addTask { (index, try reader.validate(file: IngestTestSupport.fixture(file))) }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for (index, report) in concurrent {
            #expect(report.diagnostics == sequential[index].diagnostics)
            #expect(report.sha256 == sequential[index].sha256)
        }
    }
}

/// A source that fails part-way, as a dropped upload would.
private final class FailingSource: ReturnByteSource {
    private let head: ByteArraySource

    init(head: String) {
        self.head = ByteArraySource(Array(head.utf8))
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ReturnReadError) -> Int {
        let count = head.read(into: buffer)
        if count == 0 { throw ReturnReadError(.readFailed, "the connection was reset") }
        return count
    }
}

@Suite struct FailingSourceTests {
    @Test func sourceFailureIsThrownAndTheVisitorEndsInvalid() {
        let xml = IngestTestSupport.camdenReturn(pupils: [IngestTestSupport.pupil("P001")])
        var visitor = RecordingVisitor()
        do {
            _ = try IngestTestSupport.reader().read(from: FailingSource(head: String(xml.prefix(400))),
                                                    named: "upload", into: &visitor)
            Issue.record("a failed source must not give a report")
        } catch {
            #expect(error == ReturnReadError(.readFailed, "the connection was reset"))
        }
        #expect(visitor.events.last == .end(false))
    }
}
