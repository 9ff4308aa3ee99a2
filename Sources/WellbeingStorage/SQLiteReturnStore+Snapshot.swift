import Foundation
import GRDB
public import WellbeingCore

extension SQLiteReturnStore {
    /// Reads the counted schools' partial sums (never a pupil row) and the returns in force, in one read transaction.
    public func snapshot() throws(StoreError) -> StoreSnapshot {
        try Self.database {
            try writer.read { db in
                let returns = try Self.receipts(db, where: "withdrawn IS NULL", arguments: [])
                if let other = returns.first(where: { $0.catalogueVersion != catalogue.version }) {
                    throw StoreError(.catalogueMismatch, "stored return \(other.id) was summed with catalogue"
                                     + " \(other.catalogueVersion), not \(catalogue.version); publish with that"
                                     + " catalogue (--catalogue FILE), or withdraw the return and ingest it again.")
                }
                return StoreSnapshot(aggregation: try countedSchools(db, returns: returns), returns: returns)
            }
        }
    }

    /// Every counted school's sums, with its return's header facts.
    private func countedSchools(_ db: Database, returns: [StoredReturn]) throws -> WaveAggregation {
        let headers = Dictionary(uniqueKeysWithValues: returns.map { ($0.id, $0.header) })
        let kinds = catalogue.indicators.map(\.kind)
        var aggregation = WaveAggregation()
        let rows = try Row.fetchCursor(db, sql: """
            SELECT submission_id, urn, laestab, name, phase, enrolment, respondents_without_roll, cells
            FROM school_return WHERE counts = 1
            """)
        while let row = try rows.next() {
            let urn: Int = row["urn"]
            guard let header = headers[row["submission_id"]],
                  let phase = SchoolPhase(rawValue: row["phase"]),
                  let enrolment = EnrolmentText.decode(row["enrolment"]),
                  let cells = try row.withUnsafeData(named: "cells", { data in
                      data?.withUnsafeBytes { CellAccumulator(encoded: $0, categoryCount: layout.count, kinds: kinds) }
                  })
            else {
                throw StoreError(.corruptSums, "the stored sums of school \(urn) cannot be read;"
                                 + " restore the store from a backup, or withdraw its return and ingest it again.")
            }
            let school = SchoolRecord(urn: urn, laestab: row["laestab"], name: row["name"], phase: phase,
                                      enrolment: enrolment)
            aggregation.add(SchoolAggregate(school: school, localAuthority: header.localAuthority, wave: header.wave,
                                            academicYear: header.academicYear, returnId: header.returnId,
                                            cells: cells, respondentsWithoutRoll: row["respondents_without_roll"]))
        }
        return aggregation
    }
}
