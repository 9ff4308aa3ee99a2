import WellbeingCore

/// A published value in JSON: a number, or the GSS symbol (`c`, `z`, `x`) that stands in its place.
enum ValueJSON: Encodable {
    case number(Double)
    case text(String)

    init(_ value: PublishedValue) {
        self = value.numericValue.map(ValueJSON.number) ?? .text(value.description)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .text(let text): try container.encode(text)
        }
    }
}

/// One published cell (a row of the EES file) of a geography.
struct CellJSON: Encodable {
    let timePeriod: String
    let wave: String
    let indicator: String
    let breakdown: String
    let category: String
    let respondents: ValueJSON
    let count: ValueJSON
    let percent: ValueJSON
    let percentLowerCI: ValueJSON
    let percentUpperCI: ValueJSON
    let mean: ValueJSON
    let sd: ValueJSON
    let meanLowerCI: ValueJSON
    let meanUpperCI: ValueJSON
    let comparison: String
    let responseRate: ValueJSON

    init(_ row: PublishedRow) {
        timePeriod = row.timePeriod
        wave = row.wave.code
        indicator = row.indicator.id
        breakdown = row.breakdown.rawValue
        category = row.categoryLabel
        respondents = ValueJSON(row.respondents)
        count = ValueJSON(row.count)
        percent = ValueJSON(row.percent)
        percentLowerCI = ValueJSON(row.percentLowerCI)
        percentUpperCI = ValueJSON(row.percentUpperCI)
        mean = ValueJSON(row.mean)
        sd = ValueJSON(row.sd)
        meanLowerCI = ValueJSON(row.meanLowerCI)
        meanUpperCI = ValueJSON(row.meanUpperCI)
        comparison = row.comparison.rawValue
        responseRate = ValueJSON(row.responseRate)
    }
}

/// An LA as the API names it.
struct AuthorityJSON: Encodable {
    let code: String
    let onsCode: String
    let name: String
    let regionCode: String
    let regionName: String

    init(_ authority: LocalAuthority) {
        code = authority.code
        onsCode = authority.onsCode
        name = authority.name
        regionCode = authority.region.code
        regionName = authority.region.name
    }
}

/// A school as the API names it (public facts only).
struct SchoolJSON: Encodable {
    let urn: Int
    let laestab: Int
    let name: String
    let phase: String
    let localAuthority: String

    init(_ school: SchoolRecord, in authority: LocalAuthority) {
        urn = school.urn
        laestab = school.laestab
        name = school.name
        phase = school.phase.rawValue
        localAuthority = authority.code
    }
}

/// `GET /api/v1/areas/{la}`: the LA, its schools and its own cells.
struct AreaJSON: Encodable {
    let localAuthority: AuthorityJSON
    let schools: [SchoolJSON]
    let cells: [CellJSON]
}

/// `GET /api/v1/schools/{urn}`: the school and its cells.
struct SchoolCellsJSON: Encodable {
    let school: SchoolJSON
    let cells: [CellJSON]
}

/// One indicator of `GET /api/v1/indicators`.
struct IndicatorJSON: Encodable {
    let id: String
    let title: String
    let description: String
    let type: String
    let polarity: String
    let sensitive: Bool
    let yearFrom: Int
    let yearTo: Int

    init(_ indicator: IndicatorDefinition) {
        id = indicator.id
        title = indicator.title
        description = indicator.description
        type = indicator.kind.rawValue
        polarity = indicator.polarity.rawValue
        sensitive = indicator.sensitive
        yearFrom = indicator.years.from
        yearTo = indicator.years.to
    }
}

/// `GET /api/v1/indicators`: the catalogue.
struct CatalogueJSON: Encodable {
    let version: String
    let instrument: String
    let indicators: [IndicatorJSON]
}
