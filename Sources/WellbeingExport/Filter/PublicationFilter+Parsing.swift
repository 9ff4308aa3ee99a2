public import WellbeingCore
import Foundation

extension PublicationFilter {
    /// Parses a filter from user text, as the CLI options and the web query give it.
    ///
    /// Each list holds values or comma-separated lists of values (`["WB01,WB02", "WB03"]`); blanks are
    /// ignored and an empty list keeps everything. Matching ignores case. Values are checked against
    /// what the publication holds, so a typo is an error listing the valid values rather than an
    /// empty file.
    ///
    /// - Parameters:
    ///   - levels: `national`, `regional`, `local-authority` (or `la`), `school`, or the EES spelling.
    ///   - indicators: catalogue ids, e.g. `WB03`.
    ///   - breakdowns: `total`, `sex`, `year_group`, `fsm_status`, `sen_status`, `ethnicity_major`.
    ///   - localAuthorities: 3-digit code (`202`), ONS code (`E09000007`) or name (`Camden`).
    ///   - publication: whose catalogue and local authorities the values must name.
    public init(levels: [String] = [], indicators: [String] = [], breakdowns: [String] = [],
                localAuthorities: [String] = [], validIn publication: Publication) throws(PublicationFilterError)
    {
        self.init(
            levels: try Self.parse(levels, dimension: .level, choices: GeographicLevel.allCases.map {
                Choice(value: $0, names: [$0.filterName, $0.rawValue] + ($0 == .localAuthority ? ["la"] : []))
            }),
            indicators: try Self.parse(indicators, dimension: .indicator, choices: publication.catalogue.indicators.map {
                Choice(value: $0.id, names: [$0.id])
            }),
            breakdowns: try Self.parse(breakdowns, dimension: .breakdown, choices: Breakdown.allCases.map {
                Choice(value: $0, names: [$0.rawValue])
            }),
            localAuthorities: try Self.parse(localAuthorities, dimension: .localAuthority,
                                             choices: publication.localAuthorities.map {
                Choice(value: $0.code, names: [$0.code, $0.onsCode, $0.name], shown: "\($0.code) (\($0.name))")
            }))
    }

    /// One value a user may name, and the spellings that name it (the first is shown in errors).
    private struct Choice<Value: Hashable> {
        var value: Value
        var names: [String]
        var shown: String

        init(value: Value, names: [String], shown: String? = nil) {
            self.value = value
            self.names = names
            self.shown = shown ?? names[0]
        }
    }

    private static func parse<Value: Hashable>(_ texts: [String], dimension: PublicationFilterError.Dimension,
                                               choices: [Choice<Value>]) throws(PublicationFilterError) -> Set<Value>?
    {
        let tokens = texts.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !tokens.isEmpty else { return nil }
        var values: Set<Value> = []
        for token in tokens {
            let key = token.lowercased()
            guard let choice = choices.first(where: { $0.names.contains { $0.lowercased() == key } }) else {
                throw PublicationFilterError(dimension: dimension, value: token, valid: choices.map(\.shown))
            }
            values.insert(choice.value)
        }
        return values
    }
}

extension GeographicLevel {
    /// The level as a filter value: lower case, hyphenated (`local-authority`).
    public var filterName: String { rawValue.lowercased().replacingOccurrences(of: " ", with: "-") }
}

extension Publication {
    /// The local authorities with rows in this publication, by code.
    public var localAuthorities: [LocalAuthority] {
        var seen: [String: LocalAuthority] = [:]
        for table in tables {
            for index in table.indices(of: .localAuthority) {
                if let la = table.units[index].geography.localAuthority { seen[la.code] = la }
            }
        }
        return seen.values.sorted { $0.code < $1.code }
    }
}
