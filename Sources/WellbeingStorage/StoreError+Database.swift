import GRDB
import WellbeingCore

extension StoreError {
    /// A database failure in plain words: busy, full, damaged or otherwise refused.
    init(_ error: DatabaseError) {
        let reason = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self.init(.busy, "another process kept the store busy for too long (\(reason)); try again when it is done.")
        case .SQLITE_FULL:
            self.init(.database, "the disk holding the store is full (\(reason)); free space and try again.")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            self.init(.database, "the store's file is damaged or not a store (\(reason)); restore it from a backup.")
        default:
            self.init(.database, "the store refused the operation: \(reason).")
        }
    }
}
