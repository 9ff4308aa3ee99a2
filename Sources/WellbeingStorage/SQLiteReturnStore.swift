import Foundation
import GRDB
public import WellbeingCore

/// The default ``ReturnStore``: one SQLite file (WAL mode) through GRDB, created and migrated on first use.
///
/// Readers never wait for writers and always see a committed state. Writers
/// from any number of processes take turns: each return is written in one
/// `BEGIN IMMEDIATE` transaction, and a writer that finds the store busy waits
/// (up to `busyTimeout`) instead of failing with "database is locked".
///
/// A store builds every return's partial sums with the catalogue it was opened
/// with, and refuses to publish sums built with another.
public final class SQLiteReturnStore: ReturnStore {
    public let catalogue: Catalogue
    let writer: any DatabaseWriter
    let pseudonymiser: PupilPseudonymiser
    let layout: CategoryLayout

    /// Opens the store at `path`, creating the file, its secret (`<path>.secret`) and its tables if needed.
    ///
    /// - Parameter busyTimeout: how long a write waits for another process's;
    ///   storing one large return can take a minute, so the default is generous.
    public convenience init(path: String, catalogue: Catalogue, busyTimeout: Duration = .seconds(600))
        throws(StoreError)
    {
        // Create the file private to its owner before SQLite does (its -wal and -shm files follow its mode).
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw StoreError(.cannotOpen, "cannot open or create the store \(path): \(reason)."
                             + " Check that the directory exists and is writable, or pass --db PATH.")
        }
        close(descriptor)
        let secret = try InstallationSecret.loadOrCreate(path: path + ".secret")
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout / .seconds(1))
        configuration.label = "wellbeing store"
        let pool = try Self.openPool(path: path, configuration: configuration, patience: busyTimeout)
        try self.init(writer: pool, secret: secret, catalogue: catalogue)
    }

    /// Opens the pool, retrying while another process holds the lock that switching a new file to WAL needs.
    ///
    /// SQLite answers `PRAGMA journal_mode = WAL` with SQLITE_BUSY at once, without
    /// calling the busy handler, when processes open a new file together; so the
    /// wait that `busyMode` gives every other statement is given here by hand.
    private static func openPool(path: String, configuration: Configuration, patience: Duration)
        throws(StoreError) -> DatabasePool
    {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: patience)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && clock.now < deadline {
                usleep(UInt32.random(in: 5_000...50_000))
            } catch {
                throw StoreError(.cannotOpen, "cannot open the store \(path): \(Self.reason(error)).")
            }
        }
    }

    /// A store held in memory only, with a fresh secret: for tests and throwaway runs.
    public convenience init(inMemoryWith catalogue: Catalogue) throws(StoreError) {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue()
        } catch {
            throw StoreError(.cannotOpen, "cannot create an in-memory store: \(Self.reason(error)).")
        }
        try self.init(writer: queue, secret: .random(), catalogue: catalogue)
    }

    /// A store on any GRDB writer: migrates it and checks it was made with this secret (recording it if new).
    init(writer: any DatabaseWriter, secret: InstallationSecret, catalogue: Catalogue) throws(StoreError) {
        self.writer = writer
        self.catalogue = catalogue
        self.pseudonymiser = PupilPseudonymiser(secret: secret)
        self.layout = CategoryLayout(catalogue: catalogue)
        try Self.database {
            do {
                try StoreSchema.migrator.migrate(writer)
            } catch {
                // Two processes opening a new store can both find it unmigrated; the one that
                // loses fails on the other's tables, and then finds the work already done.
                guard try writer.read(StoreSchema.migrator.hasCompletedMigrations) else { throw error }
            }
            try writer.write { db in
                let recorded = try String.fetchOne(db, sql: "SELECT value FROM installation WHERE name = 'secret'")
                if recorded == nil {
                    try db.execute(sql: "INSERT INTO installation (name, value) VALUES ('secret', ?)",
                                   arguments: [pseudonymiser.fingerprint])
                } else if recorded != pseudonymiser.fingerprint {
                    throw StoreError(.secretMismatch, "the store's secret file is not the one its pupils were"
                                     + " pseudonymised with; restore the .secret file taken with the database.")
                }
            }
        }
    }

    /// Runs database work, turning GRDB's errors into ``StoreError`` values.
    static func database<T>(_ work: () throws -> T) throws(StoreError) -> T {
        do {
            return try work()
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError(error)
        } catch {
            throw StoreError(.database, "the store failed: \(error).")
        }
    }

    /// The plain reason of a GRDB error, without the SQL or its arguments.
    static func reason(_ error: any Error) -> String {
        (error as? DatabaseError)?.message ?? "\(error)"
    }
}
