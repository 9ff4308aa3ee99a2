/// Where accepted returns live: their receipts, their schools' partial sums and their pseudonymised pupils.
///
/// Callers speak only in the core's terms, so a shared PostgreSQL store can
/// stand in for the default SQLite file without changing them. Every method is
/// atomic: a caller sees the store before or after another's change, never
/// part of it.
///
/// The rules every store keeps (service.md, "Storage"):
/// - a return is stored whole or not at all;
/// - a school's pupils for a wave come from the most recent accepted return
///   containing it; earlier returns' rows for it are superseded (kept, not counted);
/// - the identical bytes again (same SHA-256) change nothing while the first copy is in force;
/// - a withdrawn return stops counting and each of its schools falls back to its
///   most recent earlier return that is not withdrawn;
/// - no pupil identifier is kept in clear.
public protocol ReturnStore: Sendable {
    /// The catalogue the store builds every return's partial sums with; sums built with another are not published.
    var catalogue: Catalogue { get }

    /// Streams one return into the store in one transaction.
    ///
    /// `read` must hand one return's events, in document order, to the visitor it
    /// is given, and then say what the read found. Pupils are written as they
    /// arrive; the transaction commits only if the visitor's return ended valid
    /// and the submission is valid and new. Throws whatever `read` throws, or a
    /// ``StoreError``; either way nothing of the return is kept.
    func submit(_ read: (inout any ReturnVisitor) throws -> ReturnSubmission) throws -> SubmissionOutcome

    /// Receipts of stored returns in the order they were accepted, optionally of one LA (3-digit code) only.
    func returns(localAuthority: String?) throws(StoreError) -> [StoredReturn]

    /// The receipt of one stored return; ``StoreError/Code/notFound`` when there is none with that id.
    func storedReturn(id: Int64) throws(StoreError) -> StoredReturn

    /// Withdraws a return and returns its receipt; withdrawing it again changes nothing.
    func withdraw(id: Int64) throws(StoreError) -> StoredReturn

    /// What counts now, read in one consistent view: everything a publication needs, and no pupil.
    func snapshot() throws(StoreError) -> StoreSnapshot

    /// Checks the store answers a read, for a service's health check.
    func checkReadable() throws(StoreError)
}
