import Foundation
import GRDB
public import WellbeingCore

extension SQLiteReturnStore {
    public func submit(_ read: (inout any ReturnVisitor) throws -> ReturnSubmission) throws -> SubmissionOutcome {
        do {
            return try writer.writeWithoutTransaction { db in
                var outcome = SubmissionOutcome.rejected
                try db.inTransaction(.immediate) {
                    let session = try IngestSession(db: db, catalogue: catalogue, pseudonymiser: pseudonymiser)
                    var visitor: any ReturnVisitor = session
                    let submission = try read(&visitor)
                    try session.finish()
                    guard submission.isValid, session.endedValid, let sha256 = submission.sha256,
                          let header = session.header
                    else { return .rollback }
                    if let original = try Self.receipts(db, where: "sha256 = ? AND withdrawn IS NULL",
                                                        arguments: [sha256]).first {
                        outcome = .duplicate(original)
                        return .rollback
                    }
                    let id = try insertSubmission(db, submission, sha256: sha256, header: header, session: session)
                    try insertSchools(db, of: session, submission: id)
                    try Self.recount(schoolsOf: id, in: db)
                    outcome = .stored(try Self.receipt(db, id: id))
                    return .commit
                }
                return outcome
            }
        } catch let error as DatabaseError {
            throw StoreError(error)
        }
    }

    /// Writes the receipt row of an accepted return and returns its id.
    private func insertSubmission(_ db: Database, _ submission: ReturnSubmission, sha256: String,
                                  header: ReturnHeader, session: IngestSession) throws -> Int64 {
        let authority = header.localAuthority
        try db.execute(sql: """
            INSERT INTO submission (name, sha256, return_id, wave, academic_year, instrument, la_code, la_ons_code,
                                    la_name, region_code, region_name, generated, software, catalogue_version,
                                    school_count, pupil_count, warning_count, received)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                submission.name, sha256, header.returnId, header.wave.code, header.academicYear.code,
                header.instrumentID, authority.code, authority.onsCode, authority.name, authority.region.code,
                authority.region.name, header.generated, header.software, catalogue.version,
                session.schoolCount, session.pupilCount, submission.warnings, Self.now(),
            ])
        return db.lastInsertedRowID
    }

    /// Writes each school's row: who it is, its rolls and its partial sums.
    private func insertSchools(_ db: Database, of session: IngestSession, submission: Int64) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO school_return (id, submission_id, wave, urn, laestab, name, phase, enrolment,
                                       respondents_without_roll, pupil_count, cells)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (row, aggregate, pupils) in session.schools {
            let school = aggregate.school
            try insert.execute(arguments: [
                row, submission, aggregate.wave.code, school.urn, school.laestab, school.name, school.phase.rawValue,
                EnrolmentText.encode(school.enrolment), aggregate.respondentsWithoutRoll,
                pupils, Data(aggregate.cells.encoded()),
            ])
        }
    }
}
