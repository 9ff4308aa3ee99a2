import WellbeingCore

extension CardPage {
    /// The page of the LA or school at `index` of `table`.
    ///
    /// - Parameter benchmarkRows: the unit's benchmark's rows when the caller has them indexed already
    ///   (pages of one LA's schools share them); indexed here when absent or of another unit.
    /// - Parameter digest: the digest of the page's inputs, for a page written to a static folder.
    init(table: IndicatorTable, unit index: Int, catalogue: Catalogue, provenance: Provenance, links: PageLinks,
         benchmarkRows: BenchmarkRows? = nil, digest: PageDigest? = nil)
    {
        let unit = table.units[index]
        let geography = unit.geography
        let benchmarkUnit = unit.benchmark.map { table.units[$0] }
        let benchmarkName = benchmarkUnit?.geography.name ?? "no benchmark"

        // Rows filed by breakdown and indicator as they come, so each is copied once.
        var totals: [String: PublishedRow] = [:]
        var categoryRows: [Breakdown: [String: [PublishedRow]]] = [:]
        table.forEachRow(ofUnit: index) { row in
            if row.breakdown == .total {
                totals[row.indicator.id] = row
            } else {
                categoryRows[row.breakdown, default: [:]][row.indicator.id, default: []].append(row)
            }
        }
        let benchmarkRows = unit.benchmark.map { benchmark in
            benchmarkRows.flatMap { $0.wave == table.wave && $0.unit == benchmark ? $0 : nil }
                ?? BenchmarkRows(table: table, unit: benchmark)
        }
        var scales: [String: ChartScale] = [:]
        for indicator in table.catalogue.indicators {
            scales[indicator.id] = ChartScale(indicator: catalogue.indicator(id: indicator.id) ?? indicator,
                                              catalogue: catalogue)
        }
        func view(_ row: PublishedRow, label: String) -> IndicatorRowView {
            IndicatorRowView(row: row, label: label, benchmark: benchmarkRows?[matching: row],
                             benchmarkName: benchmarkName, scale: scales[row.indicator.id]!)
        }

        indicators = table.catalogue.indicators.map { indicator in
            totals[indicator.id].map { view($0, label: indicator.title) }
                ?? IndicatorRowView(absent: indicator, benchmark: benchmarkRows?[total: indicator.id],
                                    benchmarkName: benchmarkName, scale: scales[indicator.id]!)
        }
        breakdowns = Breakdown.filters.compactMap { breakdown in
            let groups = table.catalogue.indicators.compactMap { indicator -> BreakdownGroup? in
                categoryRows[breakdown]?[indicator.id].map { members in
                    BreakdownGroup(title: indicator.title, rows: members.map { view($0, label: $0.categoryLabel) })
                }
            }
            return groups.isEmpty ? nil : BreakdownSection(id: breakdown.columnName, title: breakdown.title,
                                                           groups: groups)
        }

        let respondents = table.catalogue.indicators.first { $0.kind == .count }
            .flatMap { totals[$0.id]?.respondents } ?? .x
        // Every total row of a unit carries the same rate.
        let responseRate = table.catalogue.indicators.lazy.compactMap { totals[$0.id]?.responseRate }.first ?? .x
        let la = geography.localAuthority
        var facts: [Fact] = []
        var crumbs = [Crumb(name: "All areas", href: links.home)]
        if geography.level == .school, let school = geography.school {
            kind = "School"
            facts += [Fact(label: "URN", value: String(school.urn)),
                      Fact(label: "LAESTAB", value: String(school.laestab)),
                      Fact(label: "Phase", value: school.phase.label)]
            if let la {
                facts.append(Fact(label: "Local authority", value: la.name))
                crumbs.append(Crumb(name: la.name, href: links.area(la.code)))
            }
            schools = []
        } else {
            kind = "Local authority"
            if let la {
                facts += [Fact(label: "LA code", value: la.code), Fact(label: "ONS code", value: la.onsCode)]
            }
            schools = unit.children.compactMap { child in
                table.units[child].geography.school.map { school in
                    SchoolLink(name: school.name, urn: String(school.urn), href: links.school(school.urn))
                }
            }
            facts.append(Fact(label: "Schools", value: String(schools.count)))
        }
        if let region = geography.region { facts.append(Fact(label: "Region", value: region.name)) }
        facts += [
            Fact(label: "Survey wave", value: "\(table.wave.code) (academic year \(table.academicYear))"),
            Fact(label: "Respondents", value: IndicatorRowView.text(respondents, unit: "")),
            Fact(label: "Response rate", value: IndicatorRowView.text(responseRate, unit: "%")),
            Fact(label: "Compared with", value: benchmarkName),
        ]

        stylesheet = links.stylesheet
        homeHref = links.home
        self.crumbs = crumbs
        name = geography.name
        self.facts = facts
        self.benchmarkName = benchmarkName
        csvHref = links.csv(localAuthority: la?.code ?? "")
        csvLabel = links.csvLabel(areaName: la?.name ?? geography.name)
        self.provenance = ProvenanceView(provenance, waves: table.wave.code)
        self.digest = digest
    }
}
