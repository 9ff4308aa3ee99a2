import Foundation
import WellbeingCore
import WellbeingIngest
import WellbeingResources

/// Shared set-up for ingest tests: the shipped reference data, the XSD, and fixture paths.
enum IngestTestSupport {
    /// The package's root directory, found from this source file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let schemaPath = packageRoot.appendingPathComponent("Schemas/wellbeing-return-1.0.xsd").path
    static let reference = try! ShippedReferenceData.load()
    static let schema = try! ReturnSchema(path: schemaPath)

    /// A reader with the shipped instrument and LA lookup, and optionally other limits.
    static func reader(limits: ReadLimits = ReadLimits(), diagnosticLimit: Int = DiagnosticLog.defaultLimit)
        -> ReturnReader
    {
        ReturnReader(schema: schema, instruments: [reference.catalogue.instrument],
                     localAuthorities: reference.localAuthorities, limits: limits, diagnosticLimit: diagnosticLimit)
    }

    static func fixture(_ relative: String) -> String {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    /// Validates a return given as text (UTF-8).
    static func validate(_ xml: String, reader: ReturnReader = reader()) throws -> ValidationReport {
        var visitor = RecordingVisitor()
        return try reader.read(from: ByteArraySource(Array(xml.utf8)), named: "inline.xml", into: &visitor)
    }

    /// The codes a report contains, once each.
    static func codes(_ report: ValidationReport) -> Set<String> {
        Set(report.diagnostics.map(\.code.rawValue))
    }

    /// A small valid return: Camden, one school, the given pupils (each a `<Pupil …>…</Pupil>` string).
    static func camdenReturn(
        schoolAttributes: String = #"urn="100049" laestab="2024104" name="Test School" phase="secondary""#,
        enrolment: String = "", pupils: [String]
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <WellbeingReturn xmlns="urn:school-wellbeing:return:1" schemaVersion="1.0">
          <Header>
            <ReturnId>T-1</ReturnId>
            <Survey wave="2026AUT" academicYear="202627" instrument="SRC-WB-1"/>
            <LocalAuthority laCode="202" onsCode="E09000007" name="Camden"/>
            <Generated>2026-11-02T10:15:00Z</Generated>
          </Header>
          <School \(schoolAttributes)>
            \(enrolment)
            \(pupils.joined(separator: "\n    "))
          </School>
        </WellbeingReturn>
        """
    }

    /// A year-7 pupil answering SAFE (or the given answers).
    static func pupil(_ ref: String, year: String = "7", attributes: String = "",
                      answers: String = #"<Answer item="SAFE">4</Answer>"#) -> String {
        #"<Pupil ref="\#(ref)" yearGroup="\#(year)" sex="F" \#(attributes)>\#(answers)</Pupil>"#
    }
}

/// A visitor that remembers everything it is given, in order.
struct RecordingVisitor: ReturnVisitor {
    enum Event: Equatable {
        case begin(String)
        case school(Int)
        case pupil(String)
        case endSchool
        case end(Bool)
    }

    var events: [Event] = []
    var header: ReturnHeader?
    var schools: [SchoolRecord] = []
    var pupils: [PupilResponse] = []

    mutating func begin(_ header: ReturnHeader) {
        self.header = header
        events.append(.begin(header.returnId))
    }

    mutating func school(_ school: SchoolRecord) {
        schools.append(school)
        events.append(.school(school.urn))
    }

    mutating func pupil(_ pupil: PupilResponse) {
        pupils.append(pupil)
        events.append(.pupil(pupil.ref))
    }

    mutating func endSchool() { events.append(.endSchool) }
    mutating func end(valid: Bool) { events.append(.end(valid)) }
}
