/// Where a cell is, in the words and codes of the published files: for audit reports and messages.
public struct CellLocation: Sendable, Hashable, Codable {
    public var level: String
    /// The geography's code: a school's URN, an LA's 3-digit code, a region's or England's ONS code.
    public var code: String
    public var name: String
    public var indicator: String
    /// The breakdown's column name (`total` for the shared total).
    public var breakdown: String
    public var category: String

    public init(level: String, code: String, name: String, indicator: String, breakdown: String, category: String) {
        self.level = level
        self.code = code
        self.name = name
        self.indicator = indicator
        self.breakdown = breakdown
        self.category = category
    }
}

extension IndicatorTable {
    /// The location of a cell, as the published rows name it.
    public func location(of cell: CellReference) -> CellLocation {
        let geography = units[cell.unit].geography
        let code = switch geography.level {
        case .national: England.code
        case .regional: geography.region?.code ?? ""
        case .localAuthority: geography.localAuthority?.code ?? ""
        case .school: geography.school.map { String($0.urn) } ?? ""
        }
        let category = layout.categories[cell.category]
        return CellLocation(level: geography.level.rawValue, code: code, name: geography.name,
                            indicator: catalogue.indicators[cell.indicator].id,
                            breakdown: category.breakdown.columnName, category: category.label)
    }
}
