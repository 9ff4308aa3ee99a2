import WellbeingCore
import WellbeingIngest

/// Every problem of a rejected return, located by line, column and school; never a pupil's ref or answers.
struct ReturnDiagnosticsJSON: Encodable {
    struct Item: Encodable {
        let code: String
        let severity: String
        let line: Int?
        let column: Int?
        let school: String?
        let message: String
    }

    let errors: Int
    let warnings: Int
    /// Diagnostics found beyond the listed ones.
    let unlisted: Int
    let items: [Item]

    init(_ report: ValidationReport) {
        errors = report.errorCount
        warnings = report.warningCount
        unlisted = report.truncatedCount
        items = report.diagnostics.map { diagnostic in
            Item(code: diagnostic.code.rawValue, severity: diagnostic.severity.rawValue,
                 line: diagnostic.location?.line, column: diagnostic.location?.column,
                 school: diagnostic.schoolURN, message: diagnostic.message)
        }
    }
}
