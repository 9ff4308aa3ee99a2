import Foundation
import WellbeingCore

/// The ``PageDigest`` of every LA and school page of a site, from digests of its units computed once each.
struct SitePageDigests {
    /// What every page shares: the build, the footer's versions, the catalogue and the link style.
    private let salt: PageDigest
    /// Digest of each unit, by table and unit.
    private let units: [[PageDigest]]
    private let site: ReportCardSite
    /// False when the running build cannot be identified: then no previous page may be kept.
    let canReuse: Bool

    init(site: ReportCardSite) {
        self.site = site
        var salt = PageDigest()
        canReuse = BuildIdentity.current != nil
        salt.add(BuildIdentity.current ?? "")
        let provenance = site.provenance
        for text in [provenance.softwareVersion, provenance.catalogueVersion, provenance.instrumentID,
                     provenance.policyVersion, ReportCardSite.stylesheetName] {
            salt.add(text)
        }
        salt.add(site.links == .static ? 1 : 2)
        salt.add(catalogue: site.catalogue)
        salt.add(chartScalesOf: site.catalogue)
        self.salt = salt
        units = site.tables.map { table in table.units.map(PageDigest.init(unit:)) }
    }

    /// The digest of the page at `location`: its unit, its benchmark, its wave and, for an LA, its schools.
    func digest(of location: ReportCardSite.Location) -> PageDigest {
        let table = site.tables[location.table]
        let unit = table.units[location.unit]
        var digest = salt
        digest.add(table.wave.code)
        digest.add(String(describing: table.academicYear))
        digest.add(units[location.table][location.unit])
        if let benchmark = unit.benchmark { digest.add(units[location.table][benchmark]) } else { digest.add(-1) }
        // An LA page lists its schools by name.
        digest.add(unit.children.count)
        for child in unit.children { digest.add(geography: table.units[child].geography) }
        return digest
    }
}
