import Foundation
import Mustache

/// The shipped Mustache templates and stylesheet (resources under `Templates/`), read and parsed once.
enum ReportCardTemplates {
    /// Every template, registered under its file name; pages name "home" or "card", the rest are partials.
    static let names = ["home", "card", "head", "footer", "legend", "indicator-row", "chart"]

    /// The parsed library, or why it could not be loaded (the resources ship with the package).
    static let shipped: Result<MustacheLibrary, ReportCardError> = Result { () throws(ReportCardError) in
        // The pages' pragma names this escaping, so it must be known before they are parsed.
        MustacheContentTypes.register(HTMLText(), named: HTMLText.name)
        var library = MustacheLibrary()
        for name in names {
            let text = try resource("\(name).mustache")
            do {
                try library.register(text, named: name)
            } catch {
                throw ReportCardError(.templates, "the template \(name).mustache does not parse (\(error)); "
                                      + "fix it in Sources/WellbeingReportCards/Templates")
            }
        }
        return library
    }

    /// The stylesheet's text, or why it could not be read.
    static let stylesheet: Result<String, ReportCardError> = Result { () throws(ReportCardError) in
        try resource(ReportCardSite.stylesheetName)
    }

    /// A file from the `Templates` resource folder.
    private static func resource(_ name: String) throws(ReportCardError) -> String {
        let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Templates")
            ?? Bundle.module.bundleURL.appendingPathComponent("Templates").appendingPathComponent(name)
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ReportCardError(.templates, "cannot read \(url.path) (\(error.localizedDescription)); "
                                  + "reinstall so the WellbeingReportCards resource bundle sits beside the program")
        }
    }
}
