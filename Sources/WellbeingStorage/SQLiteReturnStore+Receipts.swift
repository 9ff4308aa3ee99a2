import Foundation
import GRDB
public import WellbeingCore

extension SQLiteReturnStore {
    public func returns(localAuthority: String?) throws(StoreError) -> [StoredReturn] {
        try Self.database {
            try writer.read { db in
                try Self.receipts(db, where: localAuthority == nil ? "1" : "la_code = ?",
                                  arguments: localAuthority.map { [$0] } ?? [])
            }
        }
    }

    public func storedReturn(id: Int64) throws(StoreError) -> StoredReturn {
        try Self.database {
            try writer.read { db in try Self.receipt(db, id: id) }
        }
    }

    public func withdraw(id: Int64) throws(StoreError) -> StoredReturn {
        try Self.database {
            // An IMMEDIATE transaction (GRDB's default for writes), so the check and the change are one step.
            try writer.write { db in
                if try Self.receipt(db, id: id).status == .accepted {
                    try db.execute(sql: "UPDATE submission SET withdrawn = ? WHERE id = ?", arguments: [Self.now(), id])
                    try Self.recount(schoolsOf: id, in: db)
                }
                return try Self.receipt(db, id: id)
            }
        }
    }

    /// One receipt; ``StoreError/Code/notFound`` when no return has the id.
    static func receipt(_ db: Database, id: Int64) throws -> StoredReturn {
        guard let receipt = try receipts(db, where: "id = ?", arguments: [id]).first else {
            throw StoreError(.notFound, "no stored return has id \(id); `wellbeing returns list` shows them.")
        }
        return receipt
    }

    /// The receipts of the returns matching an SQL condition on `submission`, oldest first.
    static func receipts(_ db: Database, where condition: String, arguments: StatementArguments) throws
        -> [StoredReturn]
    {
        try Row.fetchAll(db, sql: """
            SELECT submission.*,
                   (SELECT count(*) FROM school_return
                     WHERE submission_id = submission.id AND counts = 1) AS counting_schools
            FROM submission WHERE \(condition) ORDER BY id
            """, arguments: arguments).map(StoredReturn.init(row:))
    }

    /// The time now, as receipts record it: ISO 8601 in UTC, to the second.
    static func now() -> String {
        Date.now.formatted(.iso8601)
    }
}
