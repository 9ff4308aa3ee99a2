extension Catalogue {
    /// Checks that every reference in the catalogue resolves and every value is usable.
    func check() throws(CatalogueError) {
        guard !version.isEmpty else { throw CatalogueError("the catalogue needs a non-empty \"version\"") }
        try checkUnique(instrument.items.map(\.code), what: "item code")
        try checkUnique(scores.map(\.id), what: "score id")
        try checkUnique(indicators.map(\.id), what: "indicator id")
        for score in scores { try check(score) }
        for indicator in indicators { try check(indicator) }
    }

    private func checkUnique(_ names: [String], what: String) throws(CatalogueError) {
        var seen = Set<String>()
        for name in names {
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw CatalogueError("\(what) \"\(name)\" must be letters, digits and underscores")
            }
            guard seen.insert(name).inserted else { throw CatalogueError("\(what) \"\(name)\" appears twice") }
        }
    }

    private func item(_ code: String, in context: String) throws(CatalogueError) -> SurveyItem {
        guard let index = instrument.index(of: code) else {
            throw CatalogueError("\(context) uses item \"\(code)\", which instrument \(instrument.id) does not have")
        }
        return instrument.items[index]
    }

    private func check(_ score: ScoreDefinition) throws(CatalogueError) {
        let context = "score \(score.id)"
        guard !score.items.isEmpty else { throw CatalogueError("\(context) needs at least one item") }
        var low = 0, high = 0
        for code in score.items {
            let item = try item(code, in: context)
            low += item.values.lowerBound
            high += item.values.upperBound
        }
        guard let table = score.table else { return }
        for raw in low...high {
            guard let value = table[String(raw)] else {
                throw CatalogueError("\(context): its table has no entry for raw sum \(raw) (needs \(low)…\(high))")
            }
            try checkHundredths(value, in: context)
        }
        for key in table.keys where Int(key).map({ !(low...high).contains($0) }) ?? true {
            throw CatalogueError("\(context): table key \"\(key)\" is not a possible raw sum (\(low)…\(high))")
        }
    }

    private func check(_ indicator: IndicatorDefinition) throws(CatalogueError) {
        let context = "indicator \(indicator.id)"
        guard indicator.years.from <= indicator.years.to, indicator.years.from >= 0, indicator.years.to <= 13 else {
            throw CatalogueError("\(context): years must satisfy 0 ≤ from ≤ to ≤ 13")
        }
        var denominatorItems: Set<String> = []
        if case .allValid(let codes) = indicator.denominator {
            guard !codes.isEmpty else { throw CatalogueError("\(context): allValid needs at least one item") }
            for code in codes { _ = try item(code, in: context) }
            denominatorItems = Set(codes)
        }
        switch indicator.kind {
        case .proportion:
            guard let numerator = indicator.numerator, indicator.score == nil else {
                throw CatalogueError("\(context): a proportion needs a \"numerator\" condition and no \"score\"")
            }
            guard case .allValid = indicator.denominator else {
                throw CatalogueError("\(context): a proportion's denominator must list its items with allValid")
            }
            try check(numerator, in: context, denominatorItems: denominatorItems)
        case .mean:
            guard let scoreID = indicator.score, indicator.numerator == nil else {
                throw CatalogueError("\(context): a mean needs a \"score\" and no \"numerator\"")
            }
            let score = try score(scoreID, in: context)
            try checkCovered(score.items, by: denominatorItems, in: context)
        case .count:
            guard indicator.numerator == nil, indicator.score == nil else {
                throw CatalogueError("\(context): a count has neither \"numerator\" nor \"score\"")
            }
        }
    }

    private func score(_ id: String, in context: String) throws(CatalogueError) -> ScoreDefinition {
        guard let score = scores.first(where: { $0.id == id }) else {
            throw CatalogueError("\(context) uses score \"\(id)\", which the catalogue does not define")
        }
        return score
    }

    /// Numerator ⊆ denominator needs every item the numerator reads to be in the denominator.
    private func checkCovered(_ codes: [String], by denominator: Set<String>, in context: String)
        throws(CatalogueError)
    {
        for code in codes where !denominator.contains(code) {
            throw CatalogueError("\(context): item \(code) is used but not in the denominator's allValid list")
        }
    }

    private func check(_ condition: Condition, in context: String, denominatorItems: Set<String>)
        throws(CatalogueError)
    {
        switch condition {
        case .item(let code, let test):
            _ = try item(code, in: context)
            try checkCovered([code], by: denominatorItems, in: context)
            try check(test, in: context)
        case .score(let id, let test):
            let score = try score(id, in: context)
            try checkCovered(score.items, by: denominatorItems, in: context)
            try check(test, in: context)
        case .all(let parts), .any(let parts):
            guard !parts.isEmpty else { throw CatalogueError("\(context): all/any needs at least one condition") }
            for part in parts { try check(part, in: context, denominatorItems: denominatorItems) }
        case .atLeast(let k, let parts):
            guard (1...parts.count).contains(k) else {
                throw CatalogueError("\(context): atLeast \(k) of \(parts.count) conditions can never be met")
            }
            for part in parts { try check(part, in: context, denominatorItems: denominatorItems) }
        }
    }

    private func check(_ test: ValueTest, in context: String) throws(CatalogueError) {
        guard !test.isEmpty else {
            throw CatalogueError("\(context): a value test needs equals, in, min, max, below or above")
        }
        for value in [test.equals, test.min, test.max, test.below, test.above].compactMap({ $0 }) + (test.in ?? []) {
            try checkHundredths(value, in: context)
        }
    }

    /// Scores are held in hundredths, so every threshold and table value must be exact in hundredths.
    private func checkHundredths(_ value: Double, in context: String) throws(CatalogueError) {
        let scaled = value * 100
        guard scaled.isFinite, abs(scaled - scaled.rounded()) < 1e-6, abs(scaled) < 1e12 else {
            throw CatalogueError("\(context): value \(value) must have at most two decimal places")
        }
    }
}
