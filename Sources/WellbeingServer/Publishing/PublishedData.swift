import Hummingbird
import Logging
import Synchronization
import WellbeingCore
import WellbeingExport
import WellbeingReportCards

/// One publication of everything the store counts, indexed for the read routes, with its answers cached.
///
/// Built off the request path and never changed afterwards: a newer publication replaces it
/// whole. Each answer (a JSON document, a page) is built the first time it is asked for and
/// kept with the publication, so later reads cost a dictionary look-up; the answers asked of
/// one publication are built for the next before it is swapped in.
final class PublishedData: Sendable {
    /// Where one geography's cells are: a table (one per wave) and a unit of it.
    struct Place: Sendable {
        var table: Int
        var unit: Int
    }

    let publication: Publication
    /// Counts publications since the service started; the first one is 1.
    let generation: Int
    /// Every LA with published data, by code, with its places in each wave's table.
    let areas: [String: (authority: LocalAuthority, places: [Place])]
    /// Every school with published data, by URN.
    let schools: [Int: (school: SchoolRecord, authority: LocalAuthority, places: [Place])]
    /// The report-card pages of this publication; nil when the shipped stylesheet cannot be read.
    let site: ReportCardSite?
    private let answers = Mutex<[String: Answer]>([:])

    init(publication: Publication, generation: Int, logger: Logger) {
        self.publication = publication
        self.generation = generation
        do {
            site = try ReportCardSite(tables: publication.tables, catalogue: publication.catalogue,
                                      provenance: publication.provenance, links: .served)
        } catch {
            logger.error("report cards unavailable", metadata: ["reason": "\(error.message)"])
            site = nil
        }
        var areas: [String: (authority: LocalAuthority, places: [Place])] = [:]
        var schools: [Int: (school: SchoolRecord, authority: LocalAuthority, places: [Place])] = [:]
        for (t, table) in publication.tables.enumerated() {
            for (u, unit) in table.units.enumerated() {
                let geography = unit.geography
                guard let authority = geography.localAuthority else { continue }
                switch geography.level {
                case .localAuthority:
                    areas[authority.code, default: (authority, [])].places.append(Place(table: t, unit: u))
                case .school:
                    guard let school = geography.school else { continue }
                    schools[school.urn, default: (school, authority, [])].places.append(Place(table: t, unit: u))
                default:
                    continue
                }
            }
        }
        self.areas = areas
        self.schools = schools
    }

    /// The published rows of the geography at `places`, wave by wave.
    func rows(at places: [Place]) -> [PublishedRow] {
        var rows: [PublishedRow] = []
        for place in places {
            publication.tables[place.table].forEachRow(ofUnit: place.unit) { rows.append($0) }
        }
        return rows
    }

    /// The answer kept under `key`, building and keeping it first if this publication has none yet.
    ///
    /// Concurrent first requests for the same key wait for one build rather than each building it.
    /// At most ``answerLimit`` answers are kept; past that, answers are built for each request.
    func answer(_ key: String, build: @escaping @Sendable (PublishedData) -> ByteBuffer) async -> ByteBuffer {
        let pending = answers.withLock { answers -> Task<ByteBuffer, Never>? in
            if let kept = answers[key] { return kept.value }
            guard answers.count < Self.answerLimit else { return nil }
            let task = Task { build(self) }
            answers[key] = Answer(build: build, value: task)
            return task
        }
        guard let pending else { return build(self) }
        return await pending.value
    }

    /// Builds here (on the caller's thread) every answer `previous` was asked for, so that a new
    /// publication is swapped in warm and readers of popular pages never wait for a first render.
    func warm(from previous: PublishedData) {
        let builders = previous.answers.withLock { $0.mapValues(\.build) }
        for (key, build) in builders {
            let value = build(self)
            answers.withLock { $0[key] = Answer(build: build, value: Task { value }) }
        }
    }

    /// The most answers one publication keeps (a crawler reading every school must not exhaust memory).
    static let answerLimit = 2_000

    /// A kept answer and how it was built, to build it again for the next publication.
    private struct Answer: Sendable {
        let build: @Sendable (PublishedData) -> ByteBuffer
        let value: Task<ByteBuffer, Never>
    }
}
