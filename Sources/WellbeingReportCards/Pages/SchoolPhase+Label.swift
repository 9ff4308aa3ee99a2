import WellbeingCore

extension SchoolPhase {
    /// The phase as a reader expects to see it ("All-through", "Pupil referral unit").
    var label: String {
        switch self {
        case .primary: "Primary"
        case .middle: "Middle"
        case .secondary: "Secondary"
        case .allThrough: "All-through"
        case .special: "Special"
        case .pru: "Pupil referral unit"
        }
    }
}
