import WellbeingCore

/// The axis an indicator's charts share, so every row of one indicator is drawn on the same scale.
struct ChartScale: Sendable, Hashable {
    let lower: Double
    let upper: Double
    /// Appended to numbers in text ("%" for percentages).
    let unit: String

    /// Percentages run 0–100; a mean runs over its score's possible range (SWEMWBS metric 7–35).
    init(indicator: IndicatorDefinition, catalogue: Catalogue) {
        guard indicator.kind == .mean, let id = indicator.score,
              let score = catalogue.scores.first(where: { $0.id == id })
        else {
            self.init(lower: 0, upper: 100, unit: indicator.kind == .proportion ? "%" : "")
            return
        }
        if let table = score.table, let low = table.values.min(), let high = table.values.max(), low < high {
            self.init(lower: low, upper: high, unit: "")
        } else {
            let items = score.items.compactMap { code in catalogue.instrument.items.first { $0.code == code } }
            let low = Double(items.reduce(0) { $0 + $1.values.lowerBound })
            let high = Double(items.reduce(0) { $0 + $1.values.upperBound })
            self.init(lower: low, upper: max(high, low + 1), unit: "")
        }
    }

    init(lower: Double, upper: Double, unit: String) {
        self.lower = lower
        self.upper = upper
        self.unit = unit
    }

    /// Where `value` falls between the ends of a chart `width` wide with `margin` each side, clamped.
    func position(_ value: Double, width: Double, margin: Double) -> Double {
        let share = min(max((value - lower) / (upper - lower), 0), 1)
        return margin + share * (width - 2 * margin)
    }

    /// An end of the axis as people read it ("0%", "100%", "7", "35").
    func label(_ value: Double) -> String {
        (value == value.rounded() ? String(Int(value)) : Rounding.text(value, decimals: 2)) + unit
    }
}
