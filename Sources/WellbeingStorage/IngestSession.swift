import GRDB
import WellbeingCore

/// The visitor a return streams into while its write transaction is open.
///
/// Each pupil becomes a pseudonymised row as it arrives (plain INSERTs in
/// batches, see ``PupilRowWriter``, so the store keeps pace with the parser) and
/// is folded into its school's partial sums by the same ``ReturnAggregator``
/// the stateless `aggregate` command uses. Nothing commits here: the store decides
/// when the read is over, and rolls everything back unless the return ended valid.
final class IngestSession: ReturnVisitor {
    private let hasher: PupilPseudonymiser.Hasher
    private let rows: PupilRowWriter
    private var aggregator: ReturnAggregator
    private var nextSchoolRow: Int64
    private var currentSchoolRow: Int64?
    private var currentSchoolPupils = 0

    /// The return's header, once the reader has validated it.
    private(set) var header: ReturnHeader?
    /// The row id given to each of the return's schools, by URN.
    private var schoolRows: [Int: Int64] = [:]
    /// Pupils written, by school row.
    private var pupilsBySchoolRow: [Int64: Int] = [:]
    private(set) var pupilCount = 0
    /// True once the reader said the return ended valid.
    private(set) var endedValid = false
    /// The first database error; after it nothing more is written and the transaction must roll back.
    private var failure: (any Error)?

    /// Starts a session inside an open write transaction of `db`.
    init(db: Database, catalogue: Catalogue, pseudonymiser: PupilPseudonymiser) throws {
        hasher = pseudonymiser.hasher()
        aggregator = ReturnAggregator(catalogue: catalogue)
        // Pupils reference their school's row before it is written (at the end, with the sums),
        // so school rows get their ids now; the open transaction keeps them from other writers.
        nextSchoolRow = try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) + 1 FROM school_return") ?? 1
        rows = try PupilRowWriter(db: db, itemCount: catalogue.instrument.items.count)
    }

    func begin(_ header: ReturnHeader) {
        self.header = header
        aggregator.begin(header)
    }

    func school(_ school: SchoolRecord) {
        closeSchool()
        schoolRows[school.urn] = nextSchoolRow
        currentSchoolRow = nextSchoolRow
        nextSchoolRow += 1
        aggregator.school(school)
    }

    func pupil(_ pupil: PupilResponse) {
        guard let school = currentSchoolRow, failure == nil else { return }
        aggregator.pupil(pupil)
        do {
            try rows.append(school: school, refHash: hasher.ref(pupil.ref), upnHash: pupil.upn.map(hasher.upn),
                            pupil: pupil)
        } catch {
            failure = error
            return
        }
        currentSchoolPupils += 1
        pupilCount += 1
    }

    func endSchool() {
        closeSchool()
        aggregator.endSchool()
    }

    /// Records the pupils written for the school being read, if any.
    private func closeSchool() {
        if let currentSchoolRow { pupilsBySchoolRow[currentSchoolRow] = currentSchoolPupils }
        currentSchoolRow = nil
        currentSchoolPupils = 0
    }

    func end(valid: Bool) {
        closeSchool()
        endedValid = valid
        aggregator.end(valid: valid)
    }

    /// Writes the rows still buffered; throws the first database error of the session, if any.
    func finish() throws {
        if let failure { throw failure }
        try rows.flush()
    }

    /// Schools read so far.
    var schoolCount: Int { schoolRows.count }

    /// The return's schools in document order, each with its row id, partial sums and pupils written;
    /// empty unless the return ended valid.
    var schools: [(row: Int64, aggregate: SchoolAggregate, pupils: Int)] {
        aggregator.aggregation.schools.values.flatMap(\.values).map { aggregate in
            // Every school the aggregator holds came through `school(_:)`, which gave it a row.
            let row = schoolRows[aggregate.school.urn]!
            return (row, aggregate, pupilsBySchoolRow[row] ?? 0)
        }.sorted { $0.row < $1.row }
    }
}
