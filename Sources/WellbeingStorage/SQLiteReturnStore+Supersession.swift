import GRDB

extension SQLiteReturnStore {
    /// Re-decides which row counts for every (wave, school) in a return, after it arrived or was withdrawn.
    ///
    /// The row that counts is the one from the most recently accepted return
    /// that contains the school and is not withdrawn; every other row for the
    /// school is kept but superseded. Clearing first and then marking keeps the
    /// "one counted row per school" index true after every statement.
    static func recount(schoolsOf submission: Int64, in db: Database) throws {
        try db.execute(sql: """
            UPDATE school_return SET counts = 0
            WHERE counts = 1
              AND (wave, urn) IN (SELECT wave, urn FROM school_return WHERE submission_id = :submission)
            """, arguments: ["submission": submission])
        try db.execute(sql: """
            UPDATE school_return SET counts = 1
            WHERE id IN (
                SELECT (SELECT candidate.id
                          FROM school_return AS candidate
                          JOIN submission ON submission.id = candidate.submission_id
                         WHERE candidate.wave = mine.wave AND candidate.urn = mine.urn
                           AND submission.withdrawn IS NULL
                         ORDER BY candidate.submission_id DESC LIMIT 1)
                  FROM school_return AS mine
                 WHERE mine.submission_id = :submission)
            """, arguments: ["submission": submission])
    }
}
