import Foundation
import Testing

/// Groups the statistics suites, so `swift test --filter Statistics` selects them all.
enum StatisticsTests {}

/// A reference CSV from `Fixtures/statistics/`, as header-keyed rows.
///
/// The fixtures are copies of the PHEindicatormethods test vectors (see the shared reference README);
/// the path is found from this file so the tests run from any working directory.
struct ReferenceTable {
    let rows: [[String: String]]

    init(_ name: String) throws {
        let packageRoot = URL(filePath: #filePath)
            .deletingLastPathComponent()  // Statistics
            .deletingLastPathComponent()  // WellbeingCoreTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        let url = packageRoot.appending(path: "Fixtures/statistics/\(name)")
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",").map(String.init)
        rows = lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
    }
}

/// True when `actual` is within `relative` of `expected`, or within `absolute` for values at or near zero.
func isClose(_ actual: Double?, _ expected: Double, relative: Double = 1e-9, absolute: Double = 1e-15) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= max(relative * abs(expected), absolute)
}
