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
        let rootPath = root.path
        try Self.write(Array(try ReportCardStylesheet.shipped.get().utf8), to: rootPath + "/" + Self.stylesheetName)
        try Self.write(Array(homePage().utf8), to: rootPath + "/index.html")
        // Pages are independent, so they are rendered on every core, a benchmark's pages at a time so
        // that its rows are indexed once for all of them; the first failure is reported.
        let pages = areas.map { ("areas/\($0.key).html", $0.value) } + schools.map { ("schools/\($0.key).html", $0.value) }
        let byBenchmark = Dictionary(grouping: pages) { page in
            tables[page.1.table].units[page.1.unit].benchmark.map { Location(table: page.1.table, unit: $0) }
        }
        let failure = Mutex<ReportCardError?>(nil)
        for (benchmark, group) in byBenchmark {
            let rows = benchmark.map { BenchmarkRows(table: tables[$0.table], unit: $0.unit) }
            DispatchQueue.concurrentPerform(iterations: group.count) { index in
                guard failure.withLock({ $0 == nil }) else { return }
                do throws(ReportCardError) {
                    try Self.write(card(group[index].1, benchmarkRows: rows).bytes,
                                   to: rootPath + "/" + group[index].0)
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            }
            if let error = failure.withLock({ $0 }) { throw error }
        }
    }

    /// Writes `bytes` as the whole of the file at `path`, in one system call for a page.
    private static func write(_ bytes: [UInt8], to path: String) throws(ReportCardError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        var offset = 0
        var failed = descriptor < 0
        while !failed, offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno != EINTR { failed = true } else if written > 0 { offset += written }
        }
        let reason = failed ? String(cString: strerror(errno)) : ""
        if descriptor >= 0, close(descriptor) != 0, !failed { failed = true }
        guard !failed else {
            throw ReportCardError(.cannotWrite, "cannot write \(path) (\(reason.isEmpty ? "close failed" : reason)); "
                                  + "check the folder is writable and the disk has space")
        }
    }
}
