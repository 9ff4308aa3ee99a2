import Foundation
import Testing
import WellbeingIngest

/// Our verdict on a return's structure agrees with `xmllint --schema`, libxml2's own command-line check.
///
/// The XXE fixtures are left out: xmllint resolves their entities (it is not the oracle there), and
/// files only our own rules reject (semantic, DOCTYPE) are valid to xmllint by design.
@Suite struct XmllintAgreementTests {
    static let files = [
        "valid/minimal.xml", "valid/hand-checkable.xml", "valid/utf16.xml", "valid/bom-utf8.xml",
        "valid/warnings.xml",
        "invalid/E100-not-well-formed.xml", "invalid/E100-unescaped-ampersand.xml", "invalid/E101-bad-sex.xml",
        "invalid/E101-unexpected-element.xml", "invalid/E101-missing-generated.xml",
        "invalid/E101-generated-no-zone.xml", "invalid/E101-academic-year.xml", "invalid/E101-wrong-namespace.xml",
        "invalid/E101-answer-not-integer.xml", "invalid/E110-urn-format.xml", "invalid/E111-laestab-format.xml",
        "invalid/E120-upn-format.xml", "invalid/hostile-truncated.xml", "invalid/hostile-non-utf8.xml",
        "invalid/hostile-deep-nesting.xml",
    ]

    @Test(arguments: files, [false, true])
    func verdictAgreesWithXmllint(file: String, streaming: Bool) throws {
        let path = IngestTestSupport.fixture(file)
        let xmllint = Process()
        xmllint.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        xmllint.arguments = ["--noout", "--nonet"] + (streaming ? ["--stream"] : [])
            + ["--schema", IngestTestSupport.schemaPath, path]
        xmllint.standardOutput = FileHandle.nullDevice
        xmllint.standardError = FileHandle.nullDevice
        try xmllint.run()
        xmllint.waitUntilExit()
        let report = try IngestTestSupport.reader().validate(file: path)
        #expect(report.isValid == (xmllint.terminationStatus == 0),
                "xmllint exit \(xmllint.terminationStatus), ours: \(report.diagnostics.map(\.description))")
    }
}
