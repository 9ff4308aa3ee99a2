/// The addresses one page links to, for the site's link style and the page's depth in a static folder.
struct PageLinks: Sendable {
    let style: ReportCardSite.LinkStyle
    /// Folders between the page and the static root (`index.html` is 0, `areas/202.html` is 1).
    let depth: Int

    /// The prefix that leads from the page back to the static root ("" at the root itself).
    private var root: String { String(repeating: "../", count: depth) }

    var home: String {
        switch style {
        case .served: "/"
        case .static: root + "index.html"
        }
    }

    var stylesheet: String {
        switch style {
        case .served: "/" + ReportCardSite.stylesheetName
        case .static: root + ReportCardSite.stylesheetName
        }
    }

    func area(_ code: String) -> String {
        switch style {
        case .served: "/areas/\(code)"
        case .static: root + "areas/\(code).html"
        }
    }

    func school(_ urn: Int) -> String {
        switch style {
        case .served: "/schools/\(urn)"
        case .static: root + "schools/\(urn).html"
        }
    }

    /// The CSV download: the API filters to the LA; a static folder has the one national file beside it.
    func csv(localAuthority code: String) -> String {
        switch style {
        case .served: "/api/v1/exports/indicators.csv?la=\(code)"
        case .static: root + "../indicators.csv"
        }
    }

    /// What the CSV link says, so a reader knows whether they get the area's rows or every area's.
    func csvLabel(areaName: String) -> String {
        switch style {
        case .served: "Download the data for \(areaName) (CSV)"
        case .static: "Download the data for every area in this export (indicators.csv)"
        }
    }
}
