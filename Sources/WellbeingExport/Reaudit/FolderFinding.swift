public import WellbeingCore

/// A way the files of an export folder disagree with each other: a sign the folder was edited after export.
public enum FolderFinding: Sendable, Hashable, CustomStringConvertible {
    /// A row shows `c` but `audit.json` has no entry for it, so nobody can tell whether it is protected.
    case hiddenWithoutAuditEntry(CellLocation)
    /// `audit.json` covers a cell whose row publishes values.
    case auditEntryForPublishedCell(CellLocation)
    /// `audit.json` covers a cell that has no row in `indicators.csv`.
    case auditEntryWithoutRow(CellLocation)
    /// An audit entry that lacks a value or names no known reason.
    case incompleteAuditEntry(CellLocation)
    /// A row that shows `c` in some measures and numbers in others.
    case partlyHiddenRow(CellLocation)
    /// Two rows, or two audit entries, for one cell.
    case duplicateCell(CellLocation)
    /// A geography that other rows add up into has no rows of its own (in `wave`).
    case missingGeography(level: String, code: String, wave: String)
    /// An additive relation whose parts (with hidden cells at their audited values) do not add up to its total.
    case partsDoNotAddUp(total: CellLocation, parts: String, quantity: AuditQuantity)

    public var description: String {
        switch self {
        case .hiddenWithoutAuditEntry(let cell):
            "\(cell.text) shows c in indicators.csv but audit.json has no entry for it"
        case .auditEntryForPublishedCell(let cell):
            "audit.json covers \(cell.text), which indicators.csv publishes"
        case .auditEntryWithoutRow(let cell):
            "audit.json covers \(cell.text), which has no row in indicators.csv"
        case .incompleteAuditEntry(let cell):
            "audit.json's entry for \(cell.text) lacks a value or names no known reason (P1, P2, P3, secondary)"
        case .partlyHiddenRow(let cell):
            "\(cell.text) shows c in some measures of its row and values in others"
        case .duplicateCell(let cell):
            "\(cell.text) appears twice in indicators.csv or in audit.json"
        case .missingGeography(let level, let code, let wave):
            "\(level) \(code) has no rows in \(wave), though rows below it add up into it"
        case .partsDoNotAddUp(let total, let parts, let quantity):
            "\(parts) do not add up to \(total.text) in \(quantity.rawValue)"
        }
    }
}

extension CellLocation {
    /// The cell in words for a message: level, code, name, indicator and category (never a value).
    var text: String {
        let place = name.isEmpty ? "\(level) \(code)" : "\(level) \(code) (\(name))"
        let category = breakdown == Breakdown.total.columnName ? "total" : "\(breakdown)=\(self.category)"
        return "\(place) \(indicator) \(category)"
    }
}
