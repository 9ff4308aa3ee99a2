import ArgumentParser
import Foundation
import WellbeingCore
import WellbeingResources
import WellbeingStorage

/// The `--db` option: where the store of accepted returns lives.
struct StoreOptions: ParsableArguments {
    /// The store used when neither `--db` nor `WELLBEING_DB` names one: a file in the working directory.
    static let defaultPath = "wellbeing.sqlite"

    @Option(name: .long, help: ArgumentHelp("The store: an SQLite file, created on first use, with its secret in"
                                            + " PATH.secret (default: $WELLBEING_DB, or \(defaultPath) in the"
                                            + " working directory).", valueName: "PATH"))
    var db: String?

    /// The store's path as chosen by the option, the environment or the default.
    var path: String {
        db ?? ProcessInfo.processInfo.environment["WELLBEING_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultPath
    }

    /// Opens (creating if needed) the store; a store that cannot be used is an I/O failure (exit 2).
    func open(catalogue: Catalogue) throws -> SQLiteReturnStore {
        guard !path.hasPrefix("postgres://"), !path.hasPrefix("postgresql://") else {
            throw CommandFailure.io("PostgreSQL stores are not available in this build; use an SQLite file path")
        }
        do {
            return try SQLiteReturnStore(path: path, catalogue: catalogue)
        } catch {
            throw CommandFailure.io(error.message)
        }
    }

    /// Opens the store and runs one operation; an unknown id or a refused request is exit 1, anything else exit 2.
    ///
    /// Receipts and tokens do not depend on the catalogue, so the shipped one opens the store whatever its
    /// sums were built with.
    func perform<T>(_ operation: (SQLiteReturnStore) throws(StoreError) -> T) throws -> T {
        let reference: ShippedReferenceData
        do {
            reference = try ShippedReferenceData.load()
        } catch {
            throw CommandFailure.io(error.description)
        }
        let store = try open(catalogue: reference.catalogue)
        do {
            return try operation(store)
        } catch where error.code == .notFound || error.code == .invalidRequest {
            throw CommandFailure.invalid(error.message)
        } catch {
            throw CommandFailure.io(error.message)
        }
    }
}
