import Foundation
import Synchronization

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
        @Sendable func write(_ text: String, _ relative: String) throws(ReportCardError) {
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
        // Pages are independent, so they are rendered on every core; the first failure is reported.
        let pages: [(path: String, render: @Sendable () -> String?)] =
            areas.keys.sorted().map { code in ("areas/\(code).html", { areaPage(localAuthority: code) }) }
            + schools.keys.sorted().map { urn in ("schools/\(urn).html", { schoolPage(urn: String(urn)) }) }
        let failure = Mutex<ReportCardError?>(nil)
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            guard failure.withLock({ $0 == nil }) else { return }
            do throws(ReportCardError) {
                // Every listed key has a page: the lists come from the same index.
                try write(pages[index].render()!, pages[index].path)
            } catch {
                failure.withLock { $0 = $0 ?? error }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
