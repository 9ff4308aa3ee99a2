import WellbeingCore

/// The view-model of one report card: an LA's or a school's page.
///
/// Every number on it comes from the published rows (`IndicatorTable.forEachRow`), so a page shows
/// exactly what `indicators.csv` shows for that geography and its benchmark, and nothing more.
struct CardPage: Sendable {
    /// A link in the breadcrumb trail above the heading.
    struct Crumb: Sendable {
        let name: String
        let href: String
    }

    /// A labelled fact under the heading (wave, respondents, response rate…).
    struct Fact: Sendable {
        let label: String
        let value: String
    }

    /// One breakdown (sex, year group…): a table with a group of category rows per indicator.
    struct BreakdownSection: Sendable {
        let id: String
        let title: String
        let groups: [BreakdownGroup]
    }

    /// One indicator's category rows within a breakdown table.
    struct BreakdownGroup: Sendable {
        let title: String
        let rows: [IndicatorRowView]
    }

    /// A school of an LA, linking to its page.
    struct SchoolLink: Sendable {
        let name: String
        let urn: String
        let href: String
    }

    let stylesheet: String
    let homeHref: String
    let crumbs: [Crumb]
    let name: String
    /// "School" or "Local authority".
    let kind: String
    let facts: [Fact]
    let benchmarkName: String
    let csvHref: String
    let csvLabel: String
    let legend = ComparisonBadge.legend
    let indicators: [IndicatorRowView]
    let breakdowns: [BreakdownSection]
    let schools: [SchoolLink]
    let provenance: ProvenanceView
    /// The digest of the page's inputs, stated by a page written to a static folder.
    let digest: PageDigest?
}
