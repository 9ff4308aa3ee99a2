import Foundation
import Testing
import WellbeingCore
@testable import WellbeingStorage

/// No pupil identifier is at rest in clear: UPNs and refs exist only as keyed hashes under the installation's secret.
@Suite struct PseudonymisationTests {
    /// Every `attribute="value"` of an XML text.
    static func values(of attribute: String, in text: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: " \(attribute)=\"([^\"]+)\"")
        let range = NSRange(text.startIndex..., in: text)
        return Set(pattern.matches(in: text, range: range).map { String(text[Range($0.range(at: 1), in: text)!]) })
    }

    /// The bytes of the store's files: the database and, while it is open, its write-ahead log.
    static func storeBytes(_ path: String) -> [UInt8] {
        [path, path + "-wal"].flatMap { (try? Data(contentsOf: URL(fileURLWithPath: $0))).map(Array.init) ?? [] }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    @Test func noUPNOrPupilRefIsInTheStoreFiles() throws {
        let directory = try StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("store.sqlite").path
        let fixture = StoreTestSupport.fixture("valid/hand-checkable.xml")
        let built = ReturnXML(schools: [.init(urn: 100001, establishment: 4001, pupils: 300),
                                        .init(urn: 100002, establishment: 4002, pupils: 200)])
        // Identifiers of 3 or 4 bytes turn up by chance in any binary data (a run of counts 65, 50, 48
        // spells "A20"), so the scan looks for those long enough to mean something: every UPN, and
        // every ref of the built return.
        let upns = Self.values(of: "upn", in: try String(contentsOfFile: fixture, encoding: .utf8)).union(built.upns)
        let identifiers = upns.union(built.refs)
        #expect(upns.count > built.upns.count && identifiers.count == upns.count + built.refs.count)

        /// Ingests both returns and scans the files while the store is open (its log holds the latest pages).
        func ingestAndScan() throws {
            let store = try SQLiteReturnStore(path: path, catalogue: StoreTestSupport.reference.catalogue)
            try StoreTestSupport.submit(file: fixture, to: store)
            try StoreTestSupport.submit(built.text, to: store)
            let open = Self.storeBytes(path)
            let inClear = identifiers.filter { Self.contains(open, Array($0.utf8)) }
            #expect(inClear.isEmpty, "stored in clear: \(inClear.sorted().prefix(5))")
            // The scan sees the pupils: their keyed hashes are there.
            let hasher = store.pseudonymiser.hasher()
            let hashes = [hasher.ref(built.refs[0]), hasher.upn(built.upns[0])]
            #expect(hashes.map { Self.contains(open, Array($0)) } == [true, true])
        }
        try ingestAndScan()
        // Closed, the log is folded back into the database: still no identifier.
        let closed = Self.storeBytes(path)
        #expect(identifiers.filter { Self.contains(closed, Array($0.utf8)) }.isEmpty)
    }

    @Test func theSecretIsCreatedOnceAndPrivate() throws {
        let directory = try StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("store.sqlite").path
        let catalogue = StoreTestSupport.reference.catalogue
        let first = try SQLiteReturnStore(path: path, catalogue: catalogue)
        let attributes = try FileManager.default.attributesOfItem(atPath: path + ".secret")
        #expect(attributes[.posixPermissions] as? Int == 0o600)
        #expect(attributes[.size] as? Int == InstallationSecret.byteCount)
        let again = try SQLiteReturnStore(path: path, catalogue: catalogue)
        #expect(again.pseudonymiser.fingerprint == first.pseudonymiser.fingerprint)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func aSecretOthersCanReadIsRefused() throws {
        let directory = try StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("store.sqlite").path
        _ = try SQLiteReturnStore(path: path, catalogue: StoreTestSupport.reference.catalogue)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path + ".secret")
        let error = #expect(throws: StoreError.self) {
            try SQLiteReturnStore(path: path, catalogue: StoreTestSupport.reference.catalogue)
        }
        #expect(error?.code == .secretUnusable)
    }

    @Test func anotherStoresSecretIsRefused() throws {
        let directory = try StoreTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let first = directory.appendingPathComponent("first.sqlite").path
        let second = directory.appendingPathComponent("second.sqlite").path
        for path in [first, second] {
            _ = try SQLiteReturnStore(path: path, catalogue: StoreTestSupport.reference.catalogue)
        }
        try FileManager.default.removeItem(atPath: second + ".secret")
        try FileManager.default.copyItem(atPath: first + ".secret", toPath: second + ".secret")
        let error = #expect(throws: StoreError.self) {
            try SQLiteReturnStore(path: second, catalogue: StoreTestSupport.reference.catalogue)
        }
        #expect(error?.code == .secretMismatch)
    }
}
