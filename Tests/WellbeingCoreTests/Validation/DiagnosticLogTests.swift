import Testing
import WellbeingCore

@Suite struct DiagnosticLogTests {
    private func diagnostic(_ code: DiagnosticCode, line: Int?) -> Diagnostic {
        Diagnostic(code, at: line.map { SourceLocation(line: $0, column: 1) }, "test")
    }

    @Test func everyDiagnosticIsCountedAndTheFirstByLocationAreKept() {
        var log = DiagnosticLog(limit: 3)
        for line in [50, 40, 30, 20, 10, 60, 5] { log.append(diagnostic(.e131, line: line)) }
        log.append(diagnostic(.w203, line: 1))
        #expect(log.errorCount == 7)
        #expect(log.warningCount == 1)
        #expect(log.diagnostics.map { $0.location!.line } == [1, 5, 10])
        #expect(log.truncatedCount == 5)
        #expect(log.hasErrors)
    }

    @Test func fileLevelDiagnosticsComeFirstAndTiesKeepArrivalOrder() {
        var log = DiagnosticLog()
        log.append(diagnostic(.e120, line: 7))
        log.append(diagnostic(.e121, line: 7))
        log.append(diagnostic(.e103, line: nil))
        log.append(diagnostic(.e110, line: 3))
        #expect(log.diagnostics.map(\.code) == [.e103, .e110, .e120, .e121])
        #expect(log.truncatedCount == 0)
    }

    @Test func warningsAloneDoNotMakeErrors() {
        var log = DiagnosticLog()
        log.append(diagnostic(.w200, line: 2))
        #expect(!log.hasErrors)
        #expect(log.warningCount == 1)
    }
}
