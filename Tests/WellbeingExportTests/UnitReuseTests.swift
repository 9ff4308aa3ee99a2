import Foundation
import Testing
import WellbeingCore
@testable import WellbeingExport

/// A republish copies each unit's rows of the CSV, JSON and workbook from the previous export when the
/// unit's inputs are unchanged, and the files are those a fresh publish writes.
@Suite("Unit parts kept from the previous export", .serialized)
struct UnitReuseTests {
    static let files = ["indicators.csv", "indicators.json", "indicators.xlsx"]
    /// Several LAs; without awkward-names.xml its LA's units are gone and England's and a region's figures change.
    static let wider = Exports.golden + ["valid/awkward-names.xml"]

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("unit-reuse-\(UUID().uuidString)")
    }

    static func bytes(_ folder: URL, _ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }

    /// The index beside `name` in `folder`, if it describes the file as it is.
    static func index(_ folder: URL, _ name: String) -> UnitPartIndex? {
        UnitPartIndex.read(describing: folder.appendingPathComponent(name).path,
                           sidecar: folder.appendingPathComponent(UnitPartIndex.sidecarName(of: name)).path)
    }

    @Test("a republish over an earlier export writes the files a fresh publish writes, byte for byte", arguments: [
        (Exports.golden, wider), (wider, Exports.golden), (wider, wider),
    ])
    func republishEqualsFreshPublish(before: [String], after: [String]) throws {
        let root = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let republished = root.appendingPathComponent("republished"), fresh = root.appendingPathComponent("fresh")
        try Exports.publication(before, generated: "2026-11-28T12:00:00Z").write(to: republished.path)
        let later = try Exports.publication(after, generated: "2026-11-29T08:30:00Z")
        try later.write(to: republished.path)
        try later.write(to: fresh.path)
        for name in Self.files {
            #expect(try Self.bytes(republished, name) == Self.bytes(fresh, name), "\(name)")
            let index = try #require(Self.index(republished, name), "\(name) has an index")
            #expect(index.parts.count > 10, "\(name)")
        }
    }

    @Test("parts are copied from the previous file while its index describes it, and never once it was changed",
          arguments: [false, true])
    func editedFileIsNotASource(touched: Bool) throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Exports.publication(Self.wider, generated: "2026-11-28T12:00:00Z").write(to: folder.path)
        let csv = folder.appendingPathComponent("indicators.csv").path
        let fresh = try Self.bytes(folder, "indicators.csv")
        // A school's name edited in place, the size kept; without `touched` the file's time is put back,
        // so the index still describes it and its parts (edit included) are copied: proof that they are.
        var info = stat()
        #expect(stat(csv, &info) == 0)
        let start = try #require(Array(fresh).firstRange(of: Array("Ysgol G".utf8))).lowerBound
        let descriptor = open(csv, O_WRONLY)
        let written = Array("XXXXX".utf8).withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, 5, off_t(start)) }
        close(descriptor)
        #expect(written == 5)
        if !touched {
            var times = [info.st_atim, info.st_mtim]
            #expect(utimensat(AT_FDCWD, csv, &times, 0) == 0)
        }
        #expect((Self.index(folder, "indicators.csv") != nil) == !touched)

        try Exports.publication(Self.wider, generated: "2026-11-29T08:30:00Z").write(to: folder.path)
        let republished = try Self.bytes(folder, "indicators.csv")
        #expect((Array(republished).firstRange(of: Array("XXXXX G".utf8)) != nil) == !touched)
        #expect((republished == fresh) == touched)
    }

    @Test("a subset export keeps no index, and leaves none of an earlier export behind")
    func subsetHasNoIndex() throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let publication = try Exports.publication(Self.wider)
        try publication.write(to: folder.path)
        #expect(Self.files.allSatisfy { Self.index(folder, $0) != nil })
        try publication.write(to: folder.path, filter: PublicationFilter(levels: [.school]))
        for name in Self.files {
            #expect(!FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(UnitPartIndex.sidecarName(of: name)).path), "\(name)")
        }
    }

    @Test("a workbook whose units straddle sheets, written again from its own parts, is the same bytes")
    func workbookAcrossSheets() throws {
        let root = Self.temporaryFolder()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let publication = try Exports.publication(Self.wider)
        var workbook = IndicatorsWorkbook(tables: publication.tables, filter: .everything, policy: publication.policy,
                                          provenance: publication.provenance)
        // Units of a few hundred rows each: many straddle two sheets and are deflated again in pieces.
        workbook.rowsPerSheet = 500
        let digests = try #require(UnitDigests(tables: publication.tables, catalogue: publication.catalogue,
                                               filter: .everything))
        let first = root.appendingPathComponent("first.xlsx"), second = root.appendingPathComponent("second.xlsx")
        let sidecar = root.appendingPathComponent(".first.xlsx.parts").path
        let index = try workbook.write(to: first.path, reuse: UnitReuse(digests: digests, file: "indicators.xlsx",
                                                                        previous: nil))
        index.write(describing: first.path, sidecar: sidecar)
        let previous = try #require(PreviousParts(path: first.path, sidecar: sidecar))
        let again = try workbook.write(to: second.path, reuse: UnitReuse(digests: digests, file: "indicators.xlsx",
                                                                         previous: previous))
        #expect(try Data(contentsOf: second) == Data(contentsOf: first))
        #expect(index.parts.count > 5)
        #expect(again.parts == index.parts)
    }
}
