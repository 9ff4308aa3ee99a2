import GRDB
public import WellbeingCore

extension SQLiteReturnStore {
    /// Reads one row through the pool, as any request would: the file opens, the schema is there.
    public func checkReadable() throws(StoreError) {
        try Self.database {
            _ = try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM installation") }
        }
    }
}
