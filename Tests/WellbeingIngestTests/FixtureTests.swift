import Foundation
import Testing
import WellbeingCore
import WellbeingIngest

/// Every committed fixture gives the verdict and codes Fixtures/invalid/README.md lists.
@Suite struct FixtureTests {
    /// The codes each invalid fixture must produce, and nothing else.
    ///
    /// Where the README allows "E101, may also E1xx" for a value the XSD rejects, the reader
    /// reports it once, under the specific code (E110, E111, E120, E131): the validator owns that value.
    static let invalid: [(file: String, codes: Set<String>)] = [
        ("E100-not-well-formed.xml", ["E100"]),
        ("E100-unescaped-ampersand.xml", ["E100"]),
        ("E101-bad-sex.xml", ["E101"]),
        ("E101-unexpected-element.xml", ["E101"]),
        ("E101-missing-generated.xml", ["E101"]),
        ("E101-generated-no-zone.xml", ["E101"]),
        ("E101-academic-year.xml", ["E101"]),
        ("E101-wrong-namespace.xml", ["E101"]),
        ("E101-answer-not-integer.xml", ["E131"]),
        ("E102-schema-version.xml", ["E102"]),
        ("E102-instrument.xml", ["E102"]),
        ("E110-urn-range.xml", ["E110"]),
        ("E110-urn-format.xml", ["E110"]),
        ("E111-laestab-format.xml", ["E111"]),
        ("E111-laestab-la-mismatch.xml", ["E111"]),
        ("E112-unknown-la.xml", ["E112"]),
        ("E112-ons-mismatch.xml", ["E112"]),
        ("E113-duplicate-urn.xml", ["E113"]),
        ("E120-upn-format.xml", ["E120"]),
        ("E120-check-letter.xml", ["E120"]),
        ("E121-duplicate-ref.xml", ["E121"]),
        ("E122-duplicate-upn.xml", ["E122"]),
        ("E130-unknown-item.xml", ["E130"]),
        ("E131-out-of-range.xml", ["E131"]),
        ("E132-duplicate-answer.xml", ["E132"]),
        ("E140-no-pupils.xml", ["E140"]),
        ("hostile-truncated.xml", ["E100"]),
        ("hostile-non-utf8.xml", ["E100"]),
    ]

    @Test(arguments: invalid)
    func invalidFixtureIsRejectedWithItsCode(file: String, codes: Set<String>) throws {
        var visitor = RecordingVisitor()
        let report = try IngestTestSupport.reader().read(file: IngestTestSupport.fixture("invalid/" + file),
                                                         into: &visitor)
        #expect(!report.isValid)
        #expect(IngestTestSupport.codes(report) == codes, "\(report.diagnostics.map(\.description))")
        #expect(visitor.events.last == .end(false))
    }

    /// Valid fixtures: file, schools, pupils read, pupils handed on, warnings.
    static let valid: [(file: String, schools: Int, pupils: Int, accepted: Int, warnings: Set<String>)] = [
        ("minimal.xml", 1, 12, 12, []),
        ("hand-checkable.xml", 2, 42, 42, []),
        ("utf16.xml", 3, 12, 12, []),
        ("bom-utf8.xml", 1, 12, 12, []),
        ("warnings.xml", 1, 12, 11, ["W200", "W201", "W202", "W203", "W204"]),
    ]

    @Test(arguments: valid)
    func validFixtureIsAccepted(file: String, schools: Int, pupils: Int, accepted: Int, warnings: Set<String>) throws {
        var visitor = RecordingVisitor()
        let report = try IngestTestSupport.reader().read(file: IngestTestSupport.fixture("valid/" + file),
                                                         into: &visitor)
        #expect(report.isValid, "\(report.diagnostics.map(\.description))")
        #expect(report.errorCount == 0)
        #expect(report.schoolCount == schools)
        #expect(report.pupilCount == pupils)
        #expect(report.acceptedPupilCount == accepted)
        #expect(visitor.pupils.count == accepted)
        #expect(visitor.schools.count == schools)
        #expect(IngestTestSupport.codes(report) == warnings)
        #expect(report.warningCount == warnings.count, "each warning exactly once")
        #expect(visitor.events.last == .end(true))
    }
}
