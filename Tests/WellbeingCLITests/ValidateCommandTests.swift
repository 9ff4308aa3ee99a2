import Foundation
import Testing

@Suite("wellbeing validate")
struct ValidateCommandTests {
    @Test("valid returns exit 0 with a summary line each")
    func valid() throws {
        let result = try CommandRunner.run(["validate", "Fixtures/valid/minimal.xml", "Fixtures/valid/hand-checkable.xml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Fixtures/valid/minimal.xml: valid: 1 school, 12 pupils"))
        #expect(result.stdout.contains("Fixtures/valid/hand-checkable.xml: valid: 2 schools, 42 pupils"))
    }

    @Test("an invalid return exits 1 and names code, line, column, school and pupil")
    func invalid() throws {
        let result = try CommandRunner.run(["validate", "Fixtures/invalid/E120-check-letter.xml"])
        #expect(result.status == 1)
        let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("E120") })
        #expect(line.hasPrefix("Fixtures/invalid/E120-check-letter.xml:"))
        #expect(line.contains("[school "))
        #expect(line.contains("pupil "))
        // The message never repeats the pupil's UPN.
        #expect(!result.stdout.contains("Q207000016049"))
    }

    @Test("--format json gives one object per file with every diagnostic")
    func json() throws {
        let result = try CommandRunner.run(["validate", "--format", "json", "Fixtures/valid/warnings.xml",
                                            "Fixtures/invalid/E131-out-of-range.xml"])
        #expect(result.status == 1)
        let files = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(files.count == 2)
        #expect(files[0]["valid"] as? Bool == true)
        let codes = (files[0]["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String }
        #expect(codes == ["W200", "W201", "W202", "W203", "W204"])
        #expect(files[1]["valid"] as? Bool == false)
        let first = try #require((files[1]["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["code"] as? String == "E131")
        #expect(first["line"] as? Int != nil && first["school"] as? String != nil)
    }

    @Test("a missing file or a bad option exits 2 with a message on stderr", arguments: [
        ["validate", "Fixtures/valid/no-such-file.xml"],
        ["validate", "--format", "yaml", "Fixtures/valid/minimal.xml"],
        ["validate"],
    ])
    func usage(arguments: [String]) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }
}
