/// The indicator catalogue: an instrument, its scores and the indicators built from them.
///
/// It is data (a versioned JSON file shipped with the project, see the
/// "Catalogue format" article); adding an indicator is an edit to that file.
/// Decoding happens at the edge; ``init(from:)`` followed by the checks in
/// `Catalogue+Checks.swift` turns the file into a usable catalogue.
public struct Catalogue: Sendable, Decodable {
    /// The format this code reads.
    public static let format = "wellbeing-catalogue/1"

    public var version: String
    public var instrument: Instrument
    public var scores: [ScoreDefinition]
    public var indicators: [IndicatorDefinition]

    enum CodingKeys: String, CodingKey { case format, version, instrument, scores, indicators }

    public init(version: String, instrument: Instrument, scores: [ScoreDefinition],
                indicators: [IndicatorDefinition]) throws(CatalogueError) {
        self.version = version
        self.instrument = instrument
        self.scores = scores
        self.indicators = indicators
        try check()
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let format = try container.decode(String.self, forKey: .format)
        guard format == Self.format else {
            throw CatalogueError("catalogue format is \"\(format)\"; this software reads \"\(Self.format)\"")
        }
        let instrument = try container.decode(InstrumentFile.self, forKey: .instrument)
        try self.init(
            version: try container.decode(String.self, forKey: .version),
            instrument: instrument.instrument,
            scores: try container.decodeIfPresent([ScoreDefinition].self, forKey: .scores) ?? [],
            indicators: try container.decode([IndicatorDefinition].self, forKey: .indicators))
    }

    /// The indicator with this id.
    public func indicator(id: String) -> IndicatorDefinition? { indicators.first { $0.id == id } }
}

/// A catalogue that cannot be used, with what to fix.
public struct CatalogueError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The instrument as the catalogue file writes it.
private struct InstrumentFile: Decodable {
    struct Item: Decodable {
        struct Values: Decodable { var min: Int; var max: Int }
        var code: String
        var question: String
        var values: Values
        var labels: [String: String]?
        var years: YearRange
    }

    var id: String
    var title: String
    var items: [Item]

    var instrument: Instrument {
        get throws {
            let items = try items.map { item throws(CatalogueError) -> SurveyItem in
                guard item.values.min <= item.values.max, item.values.min >= 0, item.values.max <= 127 else {
                    throw CatalogueError("item \(item.code): values must satisfy 0 ≤ min ≤ max ≤ 127")
                }
                guard item.years.from <= item.years.to, item.years.from >= 0, item.years.to <= 13 else {
                    throw CatalogueError("item \(item.code): years must satisfy 0 ≤ from ≤ to ≤ 13")
                }
                var labels: [Int: String] = [:]
                for (key, label) in item.labels ?? [:] {
                    guard let value = Int(key), (item.values.min...item.values.max).contains(value) else {
                        throw CatalogueError("item \(item.code): label key \"\(key)\" is not one of its values")
                    }
                    labels[value] = label
                }
                return SurveyItem(code: item.code, question: item.question,
                                  values: item.values.min...item.values.max, valueLabels: labels,
                                  years: item.years.range)
            }
            return Instrument(id: id, title: title, items: items)
        }
    }
}
