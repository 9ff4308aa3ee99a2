/// One geography's cells for one wave, with its place in the hierarchy and each cell's status.
public struct GeographyUnit: Sendable {
    public var geography: Geography
    public var cells: CellAccumulator
    /// Pupils on roll behind the response rate; nil when the rate is not available.
    public var pupilsOnRoll: Int?
    /// The unit this one adds up into (school → LA → region → England).
    public var parent: Int?
    /// The unit this one is compared with (school → its LA; LA and region → England).
    public var benchmark: Int?
    /// The units that add up into this one.
    public var children: [Int] = []
    /// Status per cell, indexed like the accumulator (category × indicator).
    public var status: [CellStatus]

    init(geography: Geography, cells: CellAccumulator, pupilsOnRoll: Int?, parent: Int?, benchmark: Int?) {
        self.geography = geography
        self.cells = cells
        self.pupilsOnRoll = pupilsOnRoll
        self.parent = parent
        self.benchmark = benchmark
        var status = [CellStatus](repeating: .empty, count: cells.categoryCount * cells.indicatorCount)
        for category in 0..<cells.categoryCount {
            for indicator in 0..<cells.indicatorCount
            where cells.n(category: category, indicator: indicator) > 0 {
                status[category * cells.indicatorCount + indicator] = .published
            }
        }
        self.status = status
    }

    @inline(__always)
    public func status(category: Int, indicator: Int) -> CellStatus {
        status[category * cells.indicatorCount + indicator]
    }

    @inline(__always)
    public mutating func setStatus(_ value: CellStatus, category: Int, indicator: Int) {
        status[category * cells.indicatorCount + indicator] = value
    }
}
