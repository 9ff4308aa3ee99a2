public import WellbeingCore
import Foundation

/// Writes an export folder (outputs.md): EES CSV and metadata, suppression summary, provenance.
///
/// Files are written into a staging folder inside the destination and moved
/// into place only when every one is complete, so a failed export never
/// leaves a half-written table behind.
public struct ExportFolder: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The files an export folder holds, in the order they are written (`audit.json` only for an audited export).
    public static let fileNames = ["indicators.csv", "indicators.meta.csv", "suppression-summary.csv",
                                   "audit.json", "provenance.json"]

    /// Writes every file for the protected tables and their audits (one per table).
    public func write(tables: [IndicatorTable], audits: [AuditReport], summary: SuppressionSummary,
                      policy: SuppressionPolicy,
                      provenance: Provenance, levels: Set<GeographicLevel>? = nil) throws(ExportError)
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

        func file(_ name: String, _ body: (BufferedFileWriter) throws(ExportError) -> Void) throws(ExportError) {
            let writer = try BufferedFileWriter(path: (staging as NSString).appendingPathComponent(name))
            try body(writer)
            try writer.finish()
        }
        try file("indicators.csv") { writer throws(ExportError) in
            do {
                try EESLayout.write(tables: tables, levels: levels) { try writer.write(bytes: $0) }
            } catch let error as ExportError {
                throw error
            } catch {
                throw .cannotWrite(path: "indicators.csv", reason: "\(error)")
            }
        }
        try file("indicators.meta.csv") { writer throws(ExportError) in try writer.write(EESMetadata.text) }
        try file("suppression-summary.csv") { writer throws(ExportError) in
            try writer.write(SuppressionSummaryCSV.text(summary, policy: policy))
        }
        if !audits.isEmpty {
            try file("audit.json") { writer throws(ExportError) in
                try writer.write(bytes: AuditJSON.data(tables: tables, audits: audits, policy: policy))
            }
        }
        try file("provenance.json") { writer throws(ExportError) in
            try writer.write(bytes: ProvenanceJSON.data(provenance))
        }
        for name in Self.fileNames {
            let target = (path as NSString).appendingPathComponent(name)
            let source = (staging as NSString).appendingPathComponent(name)
            guard fileManager.fileExists(atPath: source) else {
                // An earlier export's audit must not pass for this one's.
                try? fileManager.removeItem(atPath: target)
                continue
            }
            guard rename(source, target) == 0 else {
                throw .cannotWrite(path: target, reason: String(cString: strerror(errno)))
            }
        }
    }
}
