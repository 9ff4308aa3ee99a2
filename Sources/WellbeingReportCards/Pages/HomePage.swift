import WellbeingCore

/// The view-model of the front page: every LA with a report card, grouped by region.
struct HomePage: Sendable {
    /// One region and its LAs.
    struct RegionGroup: Sendable {
        let id: String
        let name: String
        let areas: [AreaLink]
    }

    /// An LA, linking to its page.
    struct AreaLink: Sendable {
        let name: String
        let code: String
        let href: String
        let schools: String
        let wave: String
    }

    let stylesheet: String
    let waves: String
    let regions: [RegionGroup]
    let provenance: ProvenanceView

    /// Lists the LA units at `areas` (table and unit indices), by region and then by LA name.
    init(tables: [IndicatorTable], areas: [(table: Int, unit: Int)], provenance: Provenance, links: PageLinks) {
        var byRegion: [Region: [AreaLink]] = [:]
        var waves: Set<SurveyWave> = []
        for (t, u) in areas {
            let table = tables[t]
            let unit = table.units[u]
            guard let la = unit.geography.localAuthority, let region = unit.geography.region else { continue }
            waves.insert(table.wave)
            byRegion[region, default: []].append(AreaLink(
                name: la.name, code: la.code, href: links.area(la.code),
                schools: unit.children.count == 1 ? "1 school" : "\(unit.children.count) schools",
                wave: table.wave.code))
        }
        regions = byRegion.keys.sorted().map { region in
            RegionGroup(id: region.code, name: region.name,
                        areas: byRegion[region]!.sorted { ($0.name, $0.code) < ($1.name, $1.code) })
        }
        self.waves = waves.sorted().map(\.code).joined(separator: ", ")
        stylesheet = links.stylesheet
        self.provenance = ProvenanceView(provenance, waves: self.waves)
    }
}
