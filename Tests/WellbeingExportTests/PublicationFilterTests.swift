import Foundation
import Testing
import WellbeingCore
import WellbeingExport

@Suite("Filtered exports")
struct PublicationFilterTests {
    static let publication = try! Exports.publication(Exports.golden + ["valid/awkward-names.xml"])

    @Test("values parse from repeated options and comma lists, ignoring case; LAs by code, ONS code or name")
    func parsing() throws {
        let filter = try PublicationFilter(levels: ["School,local-authority"], indicators: ["wb03", "WB01"],
                                           breakdowns: ["sex", " total "], localAuthorities: ["E09000019", "camden"],
                                           validIn: Self.publication)
        #expect(filter.levels == [.school, .localAuthority])
        #expect(filter.indicators == ["WB01", "WB03"])
        #expect(filter.breakdowns == [.sex, .total])
        #expect(filter.localAuthorities == ["202", "206"])
        #expect(filter.summary == "level: local-authority, school; indicator: WB01, WB03; breakdown: total, sex; "
                + "la: 202, 206")
        let none = try PublicationFilter(levels: [""], validIn: Self.publication)
        #expect(none == .everything && none.keepsEverything)
    }

    @Test("an unknown value is an error naming it and every valid value", arguments: [
        (["county"], [String](), [String](), [String](), "unknown-level",
         "unknown level \"county\"; valid levels: national, regional, local-authority, school"),
        ([], ["WB99"], [], [], "unknown-indicator", "WB01, WB02, WB03"),
        ([], [], ["gender"], [], "unknown-breakdown",
         "valid breakdowns: total, sex, year_group, fsm_status, sen_status, ethnicity_major"),
        ([], [], [], ["Leeds"], "unknown-la",
         "unknown local authority \"Leeds\"; valid local authorities in this publication: 202 (Camden), "
             + "206 (Islington), 352 (Manchester)"),
    ])
    func unknown(levels: [String], indicators: [String], breakdowns: [String], las: [String], code: String,
                 message: String) {
        #expect {
            _ = try PublicationFilter(levels: levels, indicators: indicators, breakdowns: breakdowns,
                                      localAuthorities: las, validIn: Self.publication)
        } throws: { error in
            let error = error as! PublicationFilterError
            return error.code == code && error.description.contains(message)
        }
    }

    static let filters: [PublicationFilter] = [
        PublicationFilter(levels: [.school]),
        PublicationFilter(indicators: ["WB02", "RESP"]),
        PublicationFilter(breakdowns: [.sex, .ethnicityMajor]),
        PublicationFilter(localAuthorities: ["202"]),
        PublicationFilter(levels: [.localAuthority, .national], indicators: ["WB03"], breakdowns: [.total],
                          localAuthorities: ["352"]),
    ]

    @Test("a subset's rows are exactly the whole export's rows the filter names, cell for cell", arguments: filters)
    func subsetEqualsWhole(filter: PublicationFilter) throws {
        var whole: [UInt8] = [], subset: [UInt8] = []
        Self.publication.writeIndicatorsCSV { whole += $0 }
        Self.publication.writeIndicatorsCSV(filter: filter) { subset += $0 }
        let all = try CSVTable(String(decoding: whole, as: UTF8.self))
        let part = try CSVTable(String(decoding: subset, as: UTF8.self))
        // Select from the whole file by its own columns, independently of the writer's filter.
        let level = all.column("geographic_level"), indicator = all.column("indicator_id"), la = all.column("old_la_code")
        let breakdownColumns = Breakdown.filters.map { ($0, all.column($0.columnName)) }
        let expected = all.rows.filter { row in
            let breakdown = breakdownColumns.first { row[$0.1] != "Total" }?.0 ?? .total
            return (filter.levels?.contains { $0.rawValue == row[level] } ?? true)
                && (filter.indicators?.contains(row[indicator]) ?? true)
                && (filter.breakdowns?.contains(breakdown) ?? true)
                && (filter.localAuthorities?.contains(row[la]) ?? true)
        }
        #expect(part.header == all.header)
        #expect(!part.rows.isEmpty)
        #expect(part.rows == expected)
    }

    @Test("the byte sink gets exactly the export folder's indicators.csv")
    func sinkMatchesFile() throws {
        let filter = PublicationFilter(localAuthorities: ["202"])
        let folder = try Exports.folder(Self.publication, filter: filter)
        defer { try? FileManager.default.removeItem(at: folder) }
        var bytes: [UInt8] = []
        Self.publication.writeIndicatorsCSV(filter: filter) { bytes += $0 }
        #expect(try Data(contentsOf: folder.appendingPathComponent("indicators.csv")) == Data(bytes))
        #expect(try Exports.text(folder, "provenance.json").contains("\"filter\" : \"la: 202\""))
    }

    @Test("a sink's error stops the writing and comes back to the caller")
    func sinkError() {
        struct Full: Error {}
        var calls = 0
        #expect(throws: Full.self) {
            try Self.publication.writeIndicatorsCSV { _ in
                calls += 1
                throw Full()
            }
        }
        #expect(calls == 1)
    }
}
