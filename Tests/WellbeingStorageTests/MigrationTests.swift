import GRDB
import Testing
import WellbeingCore
@testable import WellbeingStorage

/// The store's tables come from versioned migrations, applied on first use and never twice.
@Suite struct MigrationTests {
    @Test func firstUseAppliesEveryMigration() throws {
        let queue = try DatabaseQueue()
        _ = try SQLiteReturnStore(writer: queue, secret: .random(), catalogue: StoreTestSupport.reference.catalogue)
        let tables = try queue.read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
                """)
        }
        #expect(tables == ["access_token", "grdb_migrations", "installation", "pupil", "school_return", "submission"])
        #expect(try queue.read(StoreSchema.migrator.appliedMigrations) == StoreSchema.migrator.migrations)
    }

    @Test func reopeningKeepsTheDataAndAppliesNothing() throws {
        let queue = try DatabaseQueue()
        let secret = InstallationSecret.random()
        let catalogue = StoreTestSupport.reference.catalogue
        let first = try SQLiteReturnStore(writer: queue, secret: secret, catalogue: catalogue)
        try StoreTestSupport.submit(file: StoreTestSupport.fixture("valid/minimal.xml"), to: first)
        let applied = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM grdb_migrations") }

        let second = try SQLiteReturnStore(writer: queue, secret: secret, catalogue: catalogue)
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM grdb_migrations") } == applied)
        #expect(try second.returns(localAuthority: nil).map(\.pupils) == [12])
    }

    @Test func aStoreRefusesASecretItWasNotMadeWith() throws {
        let queue = try DatabaseQueue()
        _ = try SQLiteReturnStore(writer: queue, secret: .random(), catalogue: StoreTestSupport.reference.catalogue)
        let error = #expect(throws: StoreError.self) {
            try SQLiteReturnStore(writer: queue, secret: .random(), catalogue: StoreTestSupport.reference.catalogue)
        }
        #expect(error?.code == .secretMismatch)
    }
}
