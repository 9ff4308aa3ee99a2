import Foundation
import Synchronization

extension ReportCardSite {
    /// Writes every page as static files: `index.html`, `areas/{la}.html`, `schools/{urn}.html`
    /// and `report-card.css`, creating `directory` and its folders as needed.
    ///
    /// Pages link relatively, so the folder works from disk or any web server; make the site with
    /// `links: .static` (a `.served` site writes pages that link to the service's paths).
    ///
    /// Each LA and school page states the ``PageDigest`` of its inputs. Given the folder of a previous
    /// export (`reusing`), a page whose digest there is the same as now is hard-linked from it, not
    /// rendered again: a republish after one LA resubmits renders that LA's pages and the pages
    /// compared with changed figures, and keeps the rest byte for byte (and inode for inode).
    /// `directory` must not be `reusing`, and should be on the same file system (else every page is
    /// rendered).
    @discardableResult
    public func writeStatic(to directory: String, reusing previous: String? = nil) throws(ReportCardError)
        -> StaticPageCounts
    {
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
        let digests = SitePageDigests(site: self)
        // A previous page can only be trusted when this build can say which build rendered it.
        let previous = digests.canReuse ? previous : nil
        // Pages are independent, so they are rendered on every core, a benchmark's pages at a time so
        // that its rows are indexed once for all of them; the first failure is reported.
        let pages = areas.map { ("areas/\($0.key).html", $0.value) } + schools.map { ("schools/\($0.key).html", $0.value) }
        let byBenchmark = Dictionary(grouping: pages) { page in
            tables[page.1.table].units[page.1.unit].benchmark.map { Location(table: page.1.table, unit: $0) }
        }
        let failure = Mutex<ReportCardError?>(nil)
        let kept = Atomic<Int>(0)
        for (benchmark, group) in byBenchmark {
            let stated = group.map { digests.digest(of: $0.1) }
            // First keep what is unchanged, so the benchmark's rows are indexed only if a page needs them.
            let toRender = Mutex<[Int]>([])
            DispatchQueue.concurrentPerform(iterations: group.count) { index in
                let path = group[index].0
                if let previous, Self.statedDigest(at: previous + "/" + path) == stated[index].text,
                   Glibc.link(previous + "/" + path, rootPath + "/" + path) == 0
                {
                    kept.add(1, ordering: .relaxed)
                } else {
                    toRender.withLock { $0.append(index) }
                }
            }
            let rendering = toRender.withLock { $0 }
            guard !rendering.isEmpty else { continue }
            let rows = benchmark.map { BenchmarkRows(table: tables[$0.table], unit: $0.unit) }
            DispatchQueue.concurrentPerform(iterations: rendering.count) { position in
                let index = rendering[position]
                guard failure.withLock({ $0 == nil }) else { return }
                do throws(ReportCardError) {
                    try Self.write(card(group[index].1, benchmarkRows: rows, digest: stated[index]).bytes,
                                   to: rootPath + "/" + group[index].0)
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                }
            }
            if let error = failure.withLock({ $0 }) { throw error }
        }
        let reused = kept.load(ordering: .relaxed)
        return StaticPageCounts(rendered: pages.count - reused, kept: reused)
    }

    /// The digest a page written earlier states in its head; nil when there is no such page or it states none.
    private static func statedDigest(at path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        // The digest is in the head, within the first kilobyte or so.
        var head = [UInt8](repeating: 0, count: 4096)
        let count = head.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        guard count > 0 else { return nil }
        let marker = Array("<meta name=\"\(PageFrame.digestName)\" content=\"".utf8)
        let bytes = head[..<count]
        guard let start = bytes.firstRange(of: marker)?.upperBound,
              let end = bytes[start...].firstIndex(of: UInt8(ascii: "\""))
        else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
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
