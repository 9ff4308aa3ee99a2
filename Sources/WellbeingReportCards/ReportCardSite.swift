public import WellbeingCore

/// The report-card pages of published tables: a front page, one page per LA and one per school.
///
/// Pages are rendered on request from the protected tables' published rows; the front page and LA
/// pages are then kept, so the web service holds one site per publication and serves them from memory,
/// and the export writes every page once with ``writeStatic(to:)``.
public struct ReportCardSite: Sendable {
    /// How pages link to each other, to the stylesheet and to the CSV.
    ///
    /// `.served` → "/areas/{la}", "/schools/{urn}", "/report-card.css" and the CSV link
    /// "/api/v1/exports/indicators.csv?la={la}"; `.static` → relative "areas/{la}.html",
    /// "schools/{urn}.html", "report-card.css" and "../indicators.csv", adjusted for each page's depth.
    public enum LinkStyle: Sendable { case served, `static` }

    /// The stylesheet's file name: served at "/report-card.css", written beside `index.html`.
    public static let stylesheetName = "report-card.css"

    /// A unit of one of the tables.
    struct Location: Sendable, Hashable {
        let table: Int
        let unit: Int
    }

    let tables: [IndicatorTable]
    let catalogue: Catalogue
    let provenance: Provenance
    let links: LinkStyle
    private let cache = PageCache()
    /// LA code → its unit in the latest wave that has it.
    let areas: [String: Location]
    /// URN → its unit in the latest wave that has it.
    let schools: [Int: Location]

    /// Indexes the tables' LAs and schools; a geography in several waves gets the latest wave's page.
    ///
    /// Throws when the shipped stylesheet cannot be read.
    public init(tables: [IndicatorTable], catalogue: Catalogue, provenance: Provenance,
                links: LinkStyle) throws(ReportCardError)
    {
        _ = try ReportCardStylesheet.shipped.get()
        self.tables = tables
        self.catalogue = catalogue
        self.provenance = provenance
        self.links = links
        var areas: [String: Location] = [:]
        var schools: [Int: Location] = [:]
        for t in tables.indices.sorted(by: { tables[$0].wave < tables[$1].wave }) {
            for (u, unit) in tables[t].units.enumerated() {
                switch unit.geography.level {
                case .localAuthority:
                    if let code = unit.geography.localAuthority?.code { areas[code] = Location(table: t, unit: u) }
                case .school:
                    if let urn = unit.geography.school?.urn { schools[urn] = Location(table: t, unit: u) }
                case .national, .regional:
                    break
                }
            }
        }
        self.areas = areas
        self.schools = schools
    }

    /// The shipped stylesheet (served at "/report-card.css"; `writeStatic` writes it beside `index.html`).
    public static var stylesheet: String { (try? ReportCardStylesheet.shipped.get()) ?? "" }

    /// The front page: regions and their LAs.
    public func homePage() -> String {
        cache.page("/") {
            HomePage(tables: tables, areas: areas.values.map { ($0.table, $0.unit) },
                     provenance: provenance, links: PageLinks(style: links, depth: 0)).html.text
        }
    }

    /// An LA's page, by its 3-digit code (`old_la_code`); nil if no table has that LA.
    ///
    /// Rendered once, then served from memory: it is the page readers load most.
    public func areaPage(localAuthority code: String) -> String? {
        areas[code].map { location in cache.page(code) { card(location).text } }
    }

    /// A school's page, by URN as written in links ("100049"); nil if no table has that school.
    public func schoolPage(urn: String) -> String? {
        // Only the canonical spelling: "+100049" or "0100049" would otherwise be a second address of the page.
        guard let number = Int(urn), String(number) == urn, let location = schools[number] else { return nil }
        return card(location).text
    }

    /// The page of the LA or school at `location`, given its benchmark's rows when they are at hand, and
    /// stating `digest` when it is written to a static folder.
    func card(_ location: Location, benchmarkRows: BenchmarkRows? = nil, digest: PageDigest? = nil) -> HTML {
        CardPage(table: tables[location.table], unit: location.unit, catalogue: catalogue,
                 provenance: provenance, links: PageLinks(style: links, depth: 1), benchmarkRows: benchmarkRows,
                 digest: digest).html
    }
}
