/// The optional parts of an export folder.
///
/// The EES CSV, its metadata, the data package, the suppression summary and
/// provenance (and, when audited, `audit.json`) are always written; JSON, the
/// workbook and the report cards can be left out of a national run that only
/// needs the tables.
public struct ExportFormats: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `indicators.json`.
    public static let json = ExportFormats(rawValue: 1 << 0)
    /// `indicators.xlsx`.
    public static let workbook = ExportFormats(rawValue: 1 << 1)
    /// The static pages in `report-cards/`.
    public static let reportCards = ExportFormats(rawValue: 1 << 2)

    public static let all: ExportFormats = [.json, .workbook, .reportCards]

    /// The name of each optional part, as `--formats` takes it.
    public static let names: [(name: String, format: ExportFormats)] = [
        ("json", .json), ("xlsx", .workbook), ("report-cards", .reportCards),
    ]
}
