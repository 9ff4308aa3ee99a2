import WellbeingCore

/// The comparison word and the class that colours it (Fingertips palette, see the stylesheet).
///
/// The word is always printed beside the colour, so colour is never the only signal.
struct ComparisonBadge: Sendable {
    let word: String
    let cssClass: String

    init(_ comparison: BenchmarkComparison) {
        word = comparison.rawValue
        cssClass = switch comparison {
        case .better: "better"
        case .similar: "similar"
        case .worse: "worse"
        case .notCompared: "not-compared"
        }
    }

    /// Every comparison in legend order.
    static let legend = BenchmarkComparison.allCases.map(ComparisonBadge.init)
}
