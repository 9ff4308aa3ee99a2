/// A pupil characteristic an indicator is broken down by (one at a time, never crossed).
public enum Breakdown: String, CaseIterable, Sendable, Hashable {
    case total
    case sex
    case yearGroup = "year_group"
    case fsmStatus = "fsm_status"
    case senStatus = "sen_status"
    case ethnicityMajor = "ethnicity_major"

    /// The EES filter column name (the total has none of its own).
    public var columnName: String { rawValue }

    /// The label of the breakdown for people.
    public var title: String {
        switch self {
        case .total: "All pupils"
        case .sex: "Sex"
        case .yearGroup: "Year group"
        case .fsmStatus: "Free school meal eligibility"
        case .senStatus: "Special educational needs"
        case .ethnicityMajor: "Ethnicity (major group)"
        }
    }

    /// The breakdowns that have categories of their own, in publication order.
    public static let filters: [Breakdown] = [.sex, .yearGroup, .fsmStatus, .senStatus, .ethnicityMajor]
}

/// The EES label of every breakdown's shared total category.
public let totalCategoryLabel = "Total"
