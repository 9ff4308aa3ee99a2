import Foundation

extension ReportCardSite {
    /// Writes every page as static files: `index.html`, `areas/{la}.html`, `schools/{urn}.html`
    /// and `report-card.css`, creating `directory` and its folders as needed.
    ///
    /// Pages link relatively, so the folder works from disk or any web server; make the site with
    /// `links: .static` (a `.served` site writes pages that link to the service's paths).
    public func writeStatic(to directory: String) throws(ReportCardError) {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        let fileManager = FileManager.default
        for folder in [root, root.appendingPathComponent("areas"), root.appendingPathComponent("schools")] {
            do {
                try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw ReportCardError(.cannotWrite, "cannot create \(folder.path) (\(error.localizedDescription)); "
                                      + "choose a writable folder")
            }
        }
        func write(_ text: String, _ relative: String) throws(ReportCardError) {
            let url = root.appendingPathComponent(relative)
            do {
                try Data(text.utf8).write(to: url)
            } catch {
                throw ReportCardError(.cannotWrite, "cannot write \(url.path) (\(error.localizedDescription)); "
                                      + "check the folder is writable and the disk has space")
            }
        }
        try write(try ReportCardTemplates.stylesheet.get(), Self.stylesheetName)
        try write(homePage(), "index.html")
        for code in areas.keys.sorted() {
            try write(areaPage(localAuthority: code)!, "areas/\(code).html")
        }
        for urn in schools.keys.sorted() {
            try write(schoolPage(urn: String(urn))!, "schools/\(urn).html")
        }
    }
}
