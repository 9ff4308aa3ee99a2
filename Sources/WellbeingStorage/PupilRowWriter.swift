import Foundation
import GRDB
import GRDBSQLite
import WellbeingCore

/// Writes pupil rows in batches through prepared INSERT statements, binding values straight into SQLite.
///
/// Storing is what limits ingest speed (a naive GRDB import of 185 k rows took
/// 8 s), so rows are buffered and written `batchSize` at a time by one
/// multi-row INSERT, bound with the C API from one reused byte buffer: no
/// per-row argument arrays, no boxed values, one statement step per batch.
final class PupilRowWriter {
    /// Rows written by one statement step.
    static let batchSize = 64
    private static let columnsPerRow = 9

    private let db: Database
    private let batch: Statement
    private let single: Statement
    private let itemCount: Int
    /// Fixed-width row records: school row, hashes, characteristics, answers (see `rowStride`).
    private var buffer: [UInt8] = []
    private var rows = 0

    /// Prepares the statements for a store whose pupils answer `itemCount` items.
    init(db: Database, itemCount: Int) throws {
        self.db = db
        self.itemCount = itemCount
        func insert(rows: Int) throws -> Statement {
            let values = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?)", count: rows).joined(separator: ", ")
            return try db.cachedStatement(sql: """
                INSERT INTO pupil (school_return_id, ref_hash, upn_hash, year_group, sex, fsm, sen, ethnicity, answers)
                VALUES \(values)
                """)
        }
        batch = try insert(rows: Self.batchSize)
        single = try insert(rows: 1)
        buffer.reserveCapacity(Self.batchSize * rowStride)
    }

    /// Bytes per buffered row: school row id (8), ref hash (32), UPN flag and hash (1 + 32),
    /// five characteristics (5), answers (one byte per item).
    private var rowStride: Int { 8 + 32 + 33 + 5 + itemCount }

    /// Buffers one pupil's row, writing the batch when it is full.
    func append(school: Int64, refHash: some ContiguousBytes, upnHash: (some ContiguousBytes)?, pupil: PupilResponse)
        throws
    {
        withUnsafeBytes(of: school.littleEndian) { buffer.append(contentsOf: $0) }
        refHash.withUnsafeBytes { buffer.append(contentsOf: $0) }
        if let upnHash {
            buffer.append(1)
            upnHash.withUnsafeBytes { buffer.append(contentsOf: $0) }
        } else {
            buffer.append(contentsOf: repeatElement(0, count: 33))
        }
        buffer.append(pupil.yearGroup.value)
        buffer.append(pupil.sex.rawValue)
        buffer.append(pupil.fsm.rawValue)
        buffer.append(pupil.sen.rawValue)
        buffer.append(pupil.ethnicity.rawValue)
        pupil.answers.slots.withUnsafeBytes { buffer.append(contentsOf: $0) }
        rows += 1
        if rows == Self.batchSize { try flush() }
    }

    /// Writes every buffered row.
    func flush() throws {
        if rows == Self.batchSize {
            try write(batch, rows: rows, from: 0)
        } else {
            for row in 0..<rows { try write(single, rows: 1, from: row) }
        }
        buffer.removeAll(keepingCapacity: true)
        rows = 0
    }

    /// Binds `rows` buffered rows starting at `first` to the statement and steps it once.
    private func write(_ statement: Statement, rows count: Int, from first: Int) throws {
        let handle = statement.sqliteStatement
        let stride = rowStride
        let answers = itemCount
        let failure: DatabaseError? = buffer.withUnsafeBytes { bytes in
            for row in 0..<count {
                let record = UnsafeRawBufferPointer(rebasing: bytes[((first + row) * stride)...])
                let parameter = Int32(row * Self.columnsPerRow)
                let school = record.loadUnaligned(as: Int64.self).littleEndian
                sqlite3_bind_int64(handle, parameter + 1, school)
                // SQLITE_STATIC: the buffer is left untouched until the statement has been stepped and reset.
                sqlite3_bind_blob(handle, parameter + 2, record.baseAddress! + 8, 32, nil)
                if record[40] == 1 {
                    sqlite3_bind_blob(handle, parameter + 3, record.baseAddress! + 41, 32, nil)
                } else {
                    sqlite3_bind_null(handle, parameter + 3)
                }
                for column in 0..<5 {
                    sqlite3_bind_int(handle, parameter + 4 + Int32(column), Int32(record[73 + column]))
                }
                sqlite3_bind_blob(handle, parameter + 9, record.baseAddress! + 78, Int32(answers), nil)
            }
            let code = sqlite3_step(handle)
            let failure = code == SQLITE_DONE ? nil : DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            sqlite3_reset(handle)
            // The bindings point into the buffer, which changes next: drop them.
            sqlite3_clear_bindings(handle)
            return failure
        }
        if let failure { throw failure }
    }
}
