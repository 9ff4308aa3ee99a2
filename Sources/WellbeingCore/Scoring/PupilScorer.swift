/// Evaluates every indicator of a catalogue for one pupil.
///
/// The catalogue is compiled once into item indices and integer thresholds
/// (scores in hundredths), so scoring a pupil allocates nothing.
public struct PupilScorer: Sendable {
    public let catalogue: Catalogue
    private let scores: [CompiledScore]
    private let indicators: [CompiledIndicator]

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
        let instrument = catalogue.instrument
        let scoreIndex = Dictionary(uniqueKeysWithValues: catalogue.scores.enumerated().map { ($1.id, $0) })
        scores = catalogue.scores.map { CompiledScore($0, instrument: instrument) }
        indicators = catalogue.indicators.map { definition in
            CompiledIndicator(definition, instrument: instrument, scoreIndex: scoreIndex)
        }
    }

    /// The number of indicators, in catalogue order.
    public var indicatorCount: Int { indicators.count }

    /// Writes each indicator's outcome for `pupil` into `outcomes` (resized to the indicator count).
    public func score(_ pupil: PupilResponse, into outcomes: inout [IndicatorOutcome]) {
        if outcomes.count != indicators.count {
            outcomes = Array(repeating: .excluded, count: indicators.count)
        }
        var scoreValues = ScoreValues()
        let answers = pupil.answers
        for (i, indicator) in indicators.enumerated() {
            outcomes[i] = indicator.outcome(answers, year: pupil.yearGroup, scores: self.scores,
                                            cache: &scoreValues)
        }
    }

    /// One pupil's outcomes as a fresh array (convenient for tests and small inputs).
    public func outcomes(for pupil: PupilResponse) -> [IndicatorOutcome] {
        var outcomes: [IndicatorOutcome] = []
        score(pupil, into: &outcomes)
        return outcomes
    }
}

/// Per-pupil memo of computed scores, so a score shared by indicators is summed once.
struct ScoreValues {
    private var computed: UInt64 = 0
    private var values: [Int64] = []

    mutating func value(_ index: Int, compute: () -> Int64?) -> Int64? {
        guard index < 64 else { return compute() }
        let bit: UInt64 = 1 << UInt64(index)
        if computed & bit != 0 {
            let stored = values[index]
            return stored == .min ? nil : stored
        }
        let result = compute()
        if values.count <= index { values.append(contentsOf: repeatElement(Int64.min, count: index + 1 - values.count)) }
        values[index] = result ?? .min
        computed |= bit
        return result
    }
}

struct CompiledScore: Sendable {
    let items: [Int]
    let lowestSum: Int
    /// Score in hundredths for each raw sum from `lowestSum`, or nil for the raw sum itself.
    let table: [Int64]?

    init(_ definition: ScoreDefinition, instrument: Instrument) {
        let items = definition.items.map { instrument.index(of: $0)! }
        let lowest = items.reduce(0) { $0 + instrument.items[$1].values.lowerBound }
        let highest = items.reduce(0) { $0 + instrument.items[$1].values.upperBound }
        self.items = items
        lowestSum = lowest
        table = definition.table.map { table in
            (lowest...highest).map { Int64((table[String($0)]! * 100).rounded()) }
        }
    }

    func value(_ answers: AnswerSet) -> Int64? {
        var sum = 0
        for item in items {
            guard let value = answers.value(item) else { return nil }
            sum += value
        }
        guard let table else { return Int64(sum) * 100 }
        let offset = sum - lowestSum
        return table.indices.contains(offset) ? table[offset] : nil
    }
}

/// A value test with thresholds in hundredths, so item values and scores compare as integers.
struct CompiledTest: Sendable {
    let equals: Int64?
    let members: [Int64]?
    let min: Int64?
    let max: Int64?
    let below: Int64?
    let above: Int64?

    init(_ test: ValueTest) {
        func hundredths(_ value: Double?) -> Int64? { value.map { Int64(($0 * 100).rounded()) } }
        equals = hundredths(test.equals)
        members = test.in?.map { Int64(($0 * 100).rounded()) }
        min = hundredths(test.min)
        max = hundredths(test.max)
        below = hundredths(test.below)
        above = hundredths(test.above)
    }

    func holds(_ value: Int64) -> Bool {
        if let equals, value != equals { return false }
        if let members, !members.contains(value) { return false }
        if let min, value < min { return false }
        if let max, value > max { return false }
        if let below, value >= below { return false }
        if let above, value <= above { return false }
        return true
    }
}

indirect enum CompiledCondition: Sendable {
    case item(Int, CompiledTest)
    case score(Int, CompiledTest)
    case all([CompiledCondition])
    case any([CompiledCondition])
    case atLeast(Int, [CompiledCondition])

    init(_ condition: Condition, instrument: Instrument, scoreIndex: [String: Int]) {
        func compile(_ parts: [Condition]) -> [CompiledCondition] {
            parts.map { CompiledCondition($0, instrument: instrument, scoreIndex: scoreIndex) }
        }
        switch condition {
        case .item(let code, let test): self = .item(instrument.index(of: code)!, CompiledTest(test))
        case .score(let id, let test): self = .score(scoreIndex[id]!, CompiledTest(test))
        case .all(let parts): self = .all(compile(parts))
        case .any(let parts): self = .any(compile(parts))
        case .atLeast(let k, let parts): self = .atLeast(k, compile(parts))
        }
    }

    func holds(_ answers: AnswerSet, scores: [CompiledScore], cache: inout ScoreValues) -> Bool {
        switch self {
        case .item(let index, let test):
            guard let value = answers.value(index) else { return false }
            return test.holds(Int64(value) * 100)
        case .score(let index, let test):
            guard let value = cache.value(index, compute: { scores[index].value(answers) }) else { return false }
            return test.holds(value)
        case .all(let parts):
            for part in parts where !part.holds(answers, scores: scores, cache: &cache) { return false }
            return true
        case .any(let parts):
            for part in parts where part.holds(answers, scores: scores, cache: &cache) { return true }
            return false
        case .atLeast(let k, let parts):
            var met = 0
            for part in parts where part.holds(answers, scores: scores, cache: &cache) {
                met += 1
                if met >= k { return true }
            }
            return false
        }
    }
}

struct CompiledIndicator: Sendable {
    let kind: IndicatorDefinition.Kind
    let years: ClosedRange<Int>
    /// Item indices that must all be valid; nil means "any item valid".
    let denominatorItems: [Int]?
    let numerator: CompiledCondition?
    let score: Int?

    init(_ definition: IndicatorDefinition, instrument: Instrument, scoreIndex: [String: Int]) {
        kind = definition.kind
        years = definition.years.range
        switch definition.denominator {
        case .allValid(let codes): denominatorItems = codes.map { instrument.index(of: $0)! }
        case .anyItemValid: denominatorItems = nil
        }
        numerator = definition.numerator.map { CompiledCondition($0, instrument: instrument, scoreIndex: scoreIndex) }
        score = definition.score.flatMap { scoreIndex[$0] }
    }

    func outcome(_ answers: AnswerSet, year: YearGroup, scores: [CompiledScore], cache: inout ScoreValues)
        -> IndicatorOutcome
    {
        guard years.contains(Int(year.value)) else { return .excluded }
        if let denominatorItems {
            for item in denominatorItems where answers.value(item) == nil { return .excluded }
        } else if !answers.hasAnyValue {
            return .excluded
        }
        switch kind {
        case .count:
            return .counted(true)
        case .proportion:
            return .counted(numerator!.holds(answers, scores: scores, cache: &cache))
        case .mean:
            let index = score!
            guard let value = cache.value(index, compute: { scores[index].value(answers) }) else { return .excluded }
            return .score(value)
        }
    }
}
