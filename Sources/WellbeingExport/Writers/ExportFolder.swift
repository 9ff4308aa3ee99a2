public import WellbeingCore
import Foundation
import Synchronization
import WellbeingReportCards

/// Writes an export folder (outputs.md): EES CSV and metadata, data package, JSON, workbook,
/// suppression summary, provenance.
///
/// Files are written into a staging folder inside the destination and moved
/// into place only when every one is complete, so a failed export never
/// leaves a half-written table behind. The files are independent and written two at a time
/// (``FileJobs``), one on each core.
///
/// Written over an earlier export, the CSV, JSON and workbook copy each unit's rows whose inputs are
/// unchanged from the earlier files (``UnitDigests``); a hidden index beside each file
/// (`.indicators.csv.parts`, ``UnitPartIndex``) says where a unit's rows lie in it.
public struct ExportFolder: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The files an export folder holds, in the order they are moved into place (`audit.json` only when audited).
    public static let fileNames = ["indicators.csv", "indicators.meta.csv", "suppression-summary.csv",
                                   "audit.json", "provenance.json",
                                   "datapackage.json",
                                   "indicators.json",
                                   "indicators.xlsx"]
    /// The folder of static report-card pages (index.html, areas/, schools/).
    public static let reportCardsFolder = "report-cards"

    /// Writes every file for the protected tables and, for an audited export, their audits (one per table).
    ///
    /// - Parameters:
    ///   - filter: the rows the tables keep (every file but the suppression summary, which
    ///     counts the whole publication).
    ///   - formats: the optional parts to write; parts left out are removed from the folder, so
    ///     nothing from an earlier export passes for this one.
    ///   - progress: told of each part as it is finished.
    public func write(tables: [IndicatorTable], audits: [AuditReport] = [], catalogue: Catalogue,
                      summary: SuppressionSummary,
                      policy: SuppressionPolicy, provenance: Provenance,
                      filter: PublicationFilter = .everything, formats: ExportFormats = .all,
                      progress: (any ProgressReporter)? = nil) throws(ExportError)
    {
        let fileManager = FileManager.default
        let staging = (path as NSString).appendingPathComponent(".staging-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try fileManager.createDirectory(atPath: path, withIntermediateDirectories: true)
            try? fileManager.removeItem(atPath: staging)
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw .cannotCreateFolder(path: path, reason: error.localizedDescription)
        }
        defer { try? fileManager.removeItem(atPath: staging) }

        func file(_ name: String, _ body: @escaping @Sendable (BufferedFileWriter) throws(ExportError) -> Void)
            -> FileJobs.Job
        {
            { () throws(ExportError) in
                let writer = try BufferedFileWriter(path: (staging as NSString).appendingPathComponent(name))
                try body(writer)
                try writer.finish()
            }
        }
        // Units whose inputs are unchanged since the export being replaced are copied from its files.
        let digests = UnitDigests(tables: tables, catalogue: catalogue, filter: filter)
        let indexes = WrittenIndexes()
        func reuse(_ name: String) -> UnitReuse? {
            digests.map {
                UnitReuse(digests: $0, file: name, previous: PreviousParts(
                    path: (path as NSString).appendingPathComponent(name),
                    sidecar: (path as NSString).appendingPathComponent(UnitPartIndex.sidecarName(of: name))))
            }
        }
        /// A file written unit by unit, recording where each unit's part lands when it may be reused.
        func indexedFile(_ name: String,
                         _ body: @escaping @Sendable (UnitReuse?, ([UInt8]) throws -> Void,
                                                      (UnitBlocks.UnitBytes, ContentDigest?) throws -> Void) throws
                             -> Void)
            -> FileJobs.Job
        {
            let reuse = reuse(name)
            return file(name) { writer throws(ExportError) in
                var index = UnitPartIndex()
                try ExportError.keepingType(name) {
                    try body(reuse, { try writer.write(bytes: $0) }) { bytes, digest in
                        let start = writer.position
                        switch bytes {
                        case .encoded(let encoded): try writer.write(bytes: encoded)
                        // Kept parts come only from a previous copy.
                        case .kept(let part): try reuse!.previous!.copy(part, into: writer)
                        }
                        if let digest {
                            index.add(digest, .init(offset: UInt64(start), length: UInt64(writer.position - start)))
                        }
                    }
                }
                if reuse != nil { indexes.record(index, for: name) }
            }
        }
        // Longest first, so that both threads of `FileJobs` end close together.
        var jobs: [FileJobs.Job] = []
        if !audits.isEmpty {
            jobs.append(file("audit.json") { writer throws(ExportError) in
                try ExportError.keepingType("audit.json") {
                    try AuditJSON.write(tables: tables, audits: audits, policy: policy) { try writer.write(bytes: $0) }
                }
            })
        }
        if formats.contains(.workbook) {
            let workbook = IndicatorsWorkbook(tables: tables, filter: filter, policy: policy, provenance: provenance)
            let workbookPath = (staging as NSString).appendingPathComponent("indicators.xlsx")
            let workbookReuse = reuse("indicators.xlsx")
            // Typed first: `jobs.append { … }` with a typed-throws closure crashes Swift 6.3.1's IRGen.
            let writeWorkbook: FileJobs.Job = { () throws(ExportError) in
                let index = try workbook.write(to: workbookPath, reuse: workbookReuse)
                if workbookReuse != nil { indexes.record(index, for: "indicators.xlsx") }
            }
            jobs.append(writeWorkbook)
        }
        if formats.contains(.reportCards) && !tables.isEmpty {
            let cards = (staging as NSString).appendingPathComponent(Self.reportCardsFolder)
            let previous = (path as NSString).appendingPathComponent(Self.reportCardsFolder)
            let reusable = fileManager.fileExists(atPath: previous) ? previous : nil
            let writeCards: FileJobs.Job = { () throws(ExportError) in
                try Self.writeReportCards(tables: tables, catalogue: catalogue, provenance: provenance, to: cards,
                                          reusing: reusable)
            }
            jobs.append(writeCards)
        }
        if formats.contains(.json) {
            jobs.append(indexedFile("indicators.json") { reuse, _, part in
                try IndicatorsJSON.write(tables: tables, catalogue: catalogue, provenance: provenance, filter: filter,
                                         reuse: reuse, flush: part)
            })
        }
        jobs.append(indexedFile("indicators.csv") { reuse, header, part in
            try EESLayout.write(tables: tables, filter: filter, reuse: reuse, header: header, part: part)
        })
        jobs.append(file("indicators.meta.csv") { writer throws(ExportError) in try writer.write(EESMetadata.text) })
        jobs.append(file("suppression-summary.csv") { writer throws(ExportError) in
            try writer.write(SuppressionSummaryCSV.text(summary, policy: policy))
        })
        jobs.append(file("provenance.json") { writer throws(ExportError) in
            try writer.write(bytes: ProvenanceJSON.data(provenance, filter: filter))
        })
        jobs.append(file("datapackage.json") { writer throws(ExportError) in
            try writer.write(bytes: DataPackage.data(provenance: provenance, filter: filter))
        })
        progress?.begin("writing \((path as NSString).lastPathComponent)", total: jobs.count, unit: .count("files"))
        try FileJobs(jobs).run { progress?.advance(by: $0) }
        // A folder cannot be renamed over a non-empty one, so the previous report cards go first
        // (also when this export has none: old pages must not pass for this export's).
        let cards = (staging as NSString).appendingPathComponent(Self.reportCardsFolder)
        let replacesCards = fileManager.fileExists(atPath: cards)
        FolderRemoval.remove((path as NSString).appendingPathComponent(Self.reportCardsFolder))
        for name in Self.fileNames + (replacesCards ? [Self.reportCardsFolder] : []) {
            let target = (path as NSString).appendingPathComponent(name)
            let source = (staging as NSString).appendingPathComponent(name)
            // The index of the previous copy goes first: it must never describe another file.
            let sidecar = (path as NSString).appendingPathComponent(UnitPartIndex.sidecarName(of: name))
            unlink(sidecar)
            guard fileManager.fileExists(atPath: source) else {
                // A part this export left out (audit, JSON, workbook) must not survive from an earlier one.
                try? fileManager.removeItem(atPath: target)
                continue
            }
            // A file with the bytes of the previous export's copy keeps that copy (its inode and time),
            // so a mirror or a cache sees no change where there is none.
            if name != Self.reportCardsFolder, FileContents.areEqual(source, target) {
                unlink(source)
            } else if rename(source, target) != 0 {
                throw .cannotWrite(path: target, reason: String(cString: strerror(errno)))
            }
            indexes.index(for: name)?.write(describing: target, sidecar: sidecar)
        }
    }

    /// The report cards: the pages the service renders, as static files linking to each other.
    ///
    /// Pages of the export being replaced (`previous`) whose inputs are unchanged are linked from it, not
    /// rendered again.
    private static func writeReportCards(tables: [IndicatorTable], catalogue: Catalogue, provenance: Provenance,
                                         to folder: String, reusing previous: String?) throws(ExportError)
    {
        do {
            try ReportCardSite(tables: tables, catalogue: catalogue, provenance: provenance, links: .static)
                .writeStatic(to: folder, reusing: previous)
        } catch {
            throw .cannotWrite(path: reportCardsFolder, reason: error.message)
        }
    }
}

/// The part indexes of an export's files, recorded by the jobs that write them.
private final class WrittenIndexes: Sendable {
    private let indexes = Mutex<[String: UnitPartIndex]>([:])

    func record(_ index: UnitPartIndex, for name: String) { indexes.withLock { $0[name] = index } }

    func index(for name: String) -> UnitPartIndex? { indexes.withLock { $0[name] } }
}
