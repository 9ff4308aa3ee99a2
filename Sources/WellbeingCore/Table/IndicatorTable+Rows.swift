extension IndicatorTable {
    /// Calls `body` with every published row, in publication order: units, then indicators, then
    /// breakdowns and categories. Rows exist for cells with respondents and for categories the
    /// indicator's years can reach; a hidden cell's row shows `c` in every measure.
    public func forEachRow(levels: Set<GeographicLevel>? = nil, _ body: (PublishedRow) throws -> Void) rethrows {
        for index in units.indices where levels?.contains(units[index].geography.level) ?? true {
            try forEachRow(ofUnit: index, body)
        }
    }

    /// Calls `body` with the published rows of the unit at `index` only, in publication order.
    ///
    /// A page about one school or LA needs its own rows and its benchmark's, not a pass over the table.
    public func forEachRow(ofUnit index: Int, _ body: (PublishedRow) throws -> Void) rethrows {
        let indicators = catalogue.indicators
        let unit = units[index]
        let responseRate = self.responseRate(of: unit, respondentsIndicator: indicators.firstIndex { $0.kind == .count })
        // Formatted once per unit, not once per row.
        let timePeriod = academicYear.code
        for (i, indicator) in indicators.enumerated() where unit.status(category: 0, indicator: i) != .empty {
            for breakdown in Breakdown.allCases {
                for slot in layout.slots(of: breakdown)
                where unit.status(category: slot, indicator: i) != .empty {
                    try body(row(unit: unit, slot: slot, indicator: i, definition: indicator, breakdown: breakdown,
                                 responseRate: breakdown == .total ? responseRate : .z, timePeriod: timePeriod))
                }
            }
        }
    }

    /// The number of rows ``forEachRow(levels:_:)`` produces.
    public func rowCount(levels: Set<GeographicLevel>? = nil) -> Int {
        var count = 0
        forEachRow(levels: levels) { _ in count += 1 }
        return count
    }

    /// Respondents ÷ pupils on roll, on School and LA total rows; `c` when the respondents are hidden.
    private func responseRate(of unit: GeographyUnit, respondentsIndicator: Int?) -> PublishedValue {
        guard unit.geography.level == .school || unit.geography.level == .localAuthority else { return .z }
        guard let respondentsIndicator else { return .x }
        // Rolls are public, so a rate would reveal a hidden respondent count.
        if unit.status(category: 0, indicator: respondentsIndicator).isSuppressed { return .c }
        guard let roll = unit.pupilsOnRoll, roll > 0 else { return .x }
        return .number(Rounding.percentText(count: unit.cells.n(category: 0, indicator: respondentsIndicator), n: roll))
    }

    private func row(unit: GeographyUnit, slot: Int, indicator i: Int, definition: IndicatorDefinition,
                     breakdown: Breakdown, responseRate: PublishedValue, timePeriod: String) -> PublishedRow
    {
        let category = layout.categories[slot]
        var row = PublishedRow(
            timePeriod: timePeriod, geography: unit.geography, wave: wave, indicator: definition,
            breakdown: breakdown, categoryLabel: category.label,
            respondents: .c, count: .c, percent: .c, percentLowerCI: .c, percentUpperCI: .c,
            mean: .c, sd: .c, meanLowerCI: .c, meanUpperCI: .c, comparison: .notCompared, responseRate: responseRate)
        let status = unit.status(category: slot, indicator: i)
        let cells = unit.cells
        let n = cells.n(category: slot, indicator: i)
        // The benchmark is read in place: copying its unit for every row costs more than the row.
        let benchmark = unit.benchmark
        let benchmarkPublished = benchmark.map { units[$0].status(category: slot, indicator: i) == .published } ?? false

        switch definition.kind {
        case .proportion:
            row.mean = .z; row.sd = .z; row.meanLowerCI = .z; row.meanUpperCI = .z
            guard !status.isSuppressed else { return row }
            let count = cells.count(category: slot, indicator: i)
            let wilson = WilsonInterval(successes: count, trials: n)!
            row.respondents = .number(String(n))
            row.count = .number(String(count))
            row.percent = .number(Rounding.percentText(count: count, n: n))
            row.percentLowerCI = .number(Rounding.text(wilson.lower * 100, decimals: 1))
            row.percentUpperCI = .number(Rounding.text(wilson.upper * 100, decimals: 1))
            let benchmarkValue: Double? = benchmarkPublished ? benchmark.map {
                Double(units[$0].cells.count(category: slot, indicator: i))
                    / Double(units[$0].cells.n(category: slot, indicator: i))
            } : nil
            row.comparison = BenchmarkComparison(interval: wilson.range, benchmark: benchmarkValue,
                                                 polarity: definition.polarity)
        case .mean:
            row.count = .z; row.percent = .z; row.percentLowerCI = .z; row.percentUpperCI = .z
            guard !status.isSuppressed else { return row }
            let sums = cells.scoreSums(category: slot, indicator: i)
            let stats = MeanInterval(n: n, sum: sums.sum, sumOfSquares: sums.sumOfSquares)!
            row.respondents = .number(String(n))
            row.mean = .number(Rounding.fixedPointMeanText(sum: sums.sum, n: n))
            row.sd = stats.standardDeviation.map { .number(Rounding.text($0, decimals: 2)) } ?? .x
            row.meanLowerCI = stats.interval.map { .number(Rounding.text($0.lowerBound, decimals: 2)) } ?? .x
            row.meanUpperCI = stats.interval.map { .number(Rounding.text($0.upperBound, decimals: 2)) } ?? .x
            let benchmarkValue: Double? = benchmarkPublished ? benchmark.map {
                Double(units[$0].cells.scoreSums(category: slot, indicator: i).sum)
                    / Double(units[$0].cells.n(category: slot, indicator: i)) / 100
            } : nil
            row.comparison = BenchmarkComparison(interval: stats.interval, benchmark: benchmarkValue,
                                                 polarity: definition.polarity)
        case .count:
            row.count = .z; row.percent = .z; row.percentLowerCI = .z; row.percentUpperCI = .z
            row.mean = .z; row.sd = .z; row.meanLowerCI = .z; row.meanUpperCI = .z
            guard !status.isSuppressed else { return row }
            row.respondents = .number(String(n))
        }
        return row
    }
}
