/// A survey instrument: the items a return may answer.
public struct Instrument: Sendable, Hashable {
    public var id: String
    public var title: String
    public var items: [SurveyItem]
    private var indexByCode: [String: Int]

    public init(id: String, title: String, items: [SurveyItem]) {
        self.id = id
        self.title = title
        self.items = items
        var index: [String: Int] = [:]
        for (i, item) in items.enumerated() { index[item.code] = i }
        self.indexByCode = index
    }

    /// The index of an item code, or nil when the instrument has no such item.
    public func index(of code: some StringProtocol) -> Int? {
        indexByCode[String(code)]
    }
}

/// One survey question: its code, allowed integer values and the years it is asked in.
public struct SurveyItem: Sendable, Hashable {
    public var code: String
    public var question: String
    public var values: ClosedRange<Int>
    /// Labels of the values, for people (e.g. `1: none of the time`).
    public var valueLabels: [Int: String]
    public var years: ClosedRange<Int>

    public init(code: String, question: String, values: ClosedRange<Int>, valueLabels: [Int: String] = [:],
                years: ClosedRange<Int>) {
        self.code = code
        self.question = question
        self.values = values
        self.valueLabels = valueLabels
        self.years = years
    }

    /// True when the item is meant for pupils in this year group.
    public func isAsked(in year: YearGroup) -> Bool { years.contains(Int(year.value)) }
}
