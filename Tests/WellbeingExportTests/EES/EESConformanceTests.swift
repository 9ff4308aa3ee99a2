import Foundation
import Testing
import WellbeingExport

@Suite("EES open-data conformance")
struct EESConformanceTests {
    static let checker = EESConformance()

    static func goldenFiles() throws -> (data: String, meta: String) {
        let golden = packageRoot.appendingPathComponent("Fixtures/golden/aggregate")
        return (try String(contentsOf: golden.appendingPathComponent("indicators.csv"), encoding: .utf8),
                try String(contentsOf: golden.appendingPathComponent("indicators.meta.csv"), encoding: .utf8))
    }

    @Test("the golden export and a fresh one with awkward names break no rule")
    func conforming() throws {
        let golden = try Self.goldenFiles()
        #expect(Self.checker.violations(data: golden.data, meta: golden.meta).map(\.description) == [])
        let folder = try Exports.folder(Exports.publication(Exports.golden + ["valid/awkward-names.xml"]))
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try Exports.text(folder, "indicators.csv"), meta = try Exports.text(folder, "indicators.meta.csv")
        #expect(Self.checker.violations(data: data, meta: meta).map(\.description) == [])
    }

    /// One way of breaking one rule, applied to the golden files.
    enum Breakage: String, CaseIterable, Sendable {
        case blankRegionOnRegionalRow, droppedLANameColumn, wrongAcademicYear, calendarYearWithSixDigits,
             capitalisedColumn, spacedColumn, missingSexTotalRow, noTotalAnywhere, colonForMissing, tildeForMissing,
             blankMeasure, wordInMeasure, tooManyDecimals, undescribedColumn, describedTwice, indicatorWithoutDecimals,
             unknownUnit, geographyDescribed

        var rule: EESConformance.Rule {
            switch self {
            case .blankRegionOnRegionalRow, .droppedLANameColumn: .requiredColumns
            case .wrongAcademicYear, .calendarYearWithSixDigits: .timeAgreement
            case .capitalisedColumn, .spacedColumn: .snakeCase
            case .missingSexTotalRow, .noTotalAnywhere: .totals
            case .colonForMissing, .tildeForMissing, .blankMeasure, .wordInMeasure: .symbols
            case .tooManyDecimals: .decimalPlaces
            case .undescribedColumn, .describedTwice, .indicatorWithoutDecimals, .unknownUnit, .geographyDescribed:
                .metadata
            }
        }

        func apply(data: inout CSVTable, meta: inout CSVTable) {
            let level = data.column("geographic_level"), sex = data.column("sex")
            func firstRow(where predicate: ([String]) -> Bool) -> Int { data.rows.firstIndex(where: predicate)! }
            func replaceFirst(_ value: String, in column: String, with replacement: String) {
                let index = data.column(column)
                data.rows[firstRow { $0[index] == value }][index] = replacement
            }
            func rename(_ column: String, to name: String) {
                data.header[data.column(column)] = name
                let row = meta.rows.firstIndex { $0[0] == column }!
                meta.rows[row][0] = name
            }
            switch self {
            case .blankRegionOnRegionalRow:
                // Every row of the level, as a writer that forgot the column would.
                let region = data.column("region_name")
                for i in data.rows.indices where data.rows[i][level] == "Regional" { data.rows[i][region] = "" }
            case .droppedLANameColumn:
                let index = data.column("la_name")
                data.header.remove(at: index)
                for i in data.rows.indices { data.rows[i].remove(at: index) }
            case .wrongAcademicYear:
                let period = data.column("time_period")
                for i in data.rows.indices where data.rows[i][period] == "202526" { data.rows[i][period] = "202527" }
            case .calendarYearWithSixDigits:
                let identifier = data.column("time_identifier")
                for i in data.rows.indices { data.rows[i][identifier] = "Calendar year" }
            case .capitalisedColumn:
                rename("percent", to: "Percent")
            case .spacedColumn:
                rename("mean", to: "mean score")
            case .missingSexTotalRow:
                // A Total row whose sex categories stay behind: same time, place, wave and indicator.
                var key = data.rows[firstRow { $0[sex] == "Female" }].prefix(through: data.column("ethnicity_major"))
                key[sex] = "Total"
                data.rows.removeAll { $0.prefix(through: key.count - 1) == key }
            case .noTotalAnywhere:
                let index = data.column("fsm_status")
                for i in data.rows.indices where data.rows[i][index] == "Total" { data.rows[i][index] = "All pupils" }
            case .colonForMissing:
                replaceFirst("c", in: "respondents", with: ":")
            case .tildeForMissing:
                replaceFirst("c", in: "percent", with: "~")
            case .blankMeasure:
                replaceFirst("z", in: "count", with: "")
            case .wordInMeasure:
                replaceFirst("z", in: "mean", with: "n/a")
            case .tooManyDecimals:
                let percent = data.column("percent")
                let row = firstRow { Double($0[percent]) != nil }
                data.rows[row][percent] += "5"
            case .undescribedColumn:
                meta.rows.removeAll { $0[0] == "sd" }
            case .describedTwice:
                meta.rows.append(meta.rows.first { $0[0] == "sex" }!)
            case .indicatorWithoutDecimals:
                meta.rows[meta.rows.firstIndex { $0[0] == "percent" }!][5] = ""
            case .unknownUnit:
                meta.rows[meta.rows.firstIndex { $0[0] == "percent" }!][4] = "percent"
            case .geographyDescribed:
                meta.rows.append(["la_name", "Filter", "Local authority", "", "", "", "", ""])
            }
        }
    }

    @Test("each broken rule is caught, and only that rule", arguments: Breakage.allCases)
    func caught(breakage: Breakage) throws {
        let golden = try Self.goldenFiles()
        var data = try CSVTable(golden.data), meta = try CSVTable(golden.meta)
        breakage.apply(data: &data, meta: &meta)
        let violations = Self.checker.violations(data: data.text, meta: meta.text)
        #expect(violations.contains { $0.rule == breakage.rule }, "\(breakage) was not caught")
        let others = violations.filter { $0.rule != breakage.rule }
        #expect(others.isEmpty, "\(breakage) also broke \(others)")
    }

    @Test("the tests' CSV reader and writer round-trip the golden file exactly")
    func readerRoundTrip() throws {
        let golden = try Self.goldenFiles()
        #expect(try CSVTable(golden.data).text == golden.data)
        #expect(try CSVTable(golden.meta).text == golden.meta)
    }
}
