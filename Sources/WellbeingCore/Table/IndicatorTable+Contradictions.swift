/// An additive relation whose stated cells do not add up: a sign that the files were edited.
public struct Contradiction: Sendable, Hashable {
    /// The relation's total cell.
    public var total: CellReference
    public var key: AdditiveRelation.Key
    public var quantity: AuditQuantity
}

extension IndicatorTable {
    /// The relations whose parts do not add up to their total, for `n`, the count or the score sum.
    ///
    /// `n` and counts must add up exactly. A published mean is good only to its
    /// rounding, so a score sum fails only when the parts' possible sums and the
    /// total's cannot meet (hidden cells count at their true values). A table
    /// built from returns never has any; a rebuilt one
    /// (``init(catalogue:wave:academicYear:cells:)``) has them when its files
    /// were edited apart.
    public var contradictions: [Contradiction] {
        var found: [Contradiction] = []
        for key in additiveRelationKeys {
            let relation = relation(key)
            let kind = catalogue.indicators[relation.total.indicator].kind
            func sum(_ value: (CellAccumulator, CellReference) -> Int) -> Bool {
                relation.parts.reduce(0) { $0 + value(units[$1.unit].cells, $1) }
                    == value(units[relation.total.unit].cells, relation.total)
            }
            if !sum({ $0.n(category: $1.category, indicator: $1.indicator) }) {
                found.append(Contradiction(total: relation.total, key: key, quantity: .respondents))
            }
            if kind == .proportion, !sum({ $0.count(category: $1.category, indicator: $1.indicator) }) {
                found.append(Contradiction(total: relation.total, key: key, quantity: .count))
            }
            if kind == .mean, !relation.parts.isEmpty {
                let parts = relation.parts.map(stated).reduce(0...0) {
                    ($0.lowerBound + $1.lowerBound)...($0.upperBound + $1.upperBound)
                }
                let total = stated(relation.total)
                let slack = FeasibleRange.tolerance(Int64(max(abs(total.lowerBound), abs(total.upperBound))))
                if parts.lowerBound > total.upperBound + slack || parts.upperBound < total.lowerBound - slack {
                    found.append(Contradiction(total: relation.total, key: key, quantity: .scoreSum))
                }
            }
        }
        return found
    }

    /// The score sums a mean cell may have: its true sum when hidden, its rounding's interval when published.
    private func stated(_ cell: CellReference) -> ClosedRange<Double> {
        let sum = units[cell.unit].cells.scoreSums(category: cell.category, indicator: cell.indicator).sum
        guard !status(cell).isSuppressed else { return Double(sum)...Double(sum) }
        return PublishedMeans.roundedInterval(sum: sum, n: n(cell))
    }
}
