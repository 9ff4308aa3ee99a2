import Foundation

/// The shipped stylesheet (the resource `Styles/report-card.css`), read once.
enum ReportCardStylesheet {
    /// The stylesheet's text, or why it could not be read (the resource ships with the package).
    static let shipped: Result<String, ReportCardError> = Result { () throws(ReportCardError) in
        let name = ReportCardSite.stylesheetName
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Styles")
            ?? Bundle.module.bundleURL.appendingPathComponent("Styles").appendingPathComponent(name)
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ReportCardError(.stylesheet, "cannot read \(url.path) (\(error.localizedDescription)); "
                                  + "reinstall so the WellbeingReportCards resource bundle sits beside the program")
        }
    }
}
