import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WellbeingAudit
import WellbeingCore
import WellbeingExport
import WellbeingServer

/// What the read routes answer: the catalogue, cells, pages and the filtered CSV of the publication.
@Suite struct PublishedRoutesTests {
    @Test func theCatalogueListsEveryIndicator() async throws {
        let fixture = try ServiceFixture()
        let catalogue = try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/indicators", method: .get, headers: fixture.headers(.reader)) {
                try json($0.body)
            }
        }
        let ids = (catalogue["indicators"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(ids == ServiceFixture.reference.catalogue.indicators.map(\.id))
        #expect(catalogue["version"] as? String == ServiceFixture.reference.catalogue.version)
    }

    @Test func aSchoolsCellsAreThePublishedRowsWithSymbolsForHiddenCells() async throws {
        let fixture = try ServiceFixture()
        try await fixture.seed("valid/hand-checkable.xml")
        let school = try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/schools/100049", method: .get, headers: fixture.headers(.reader)) {
                try json($0.body)
            }
        }
        #expect((school["school"] as? [String: Any])?["localAuthority"] as? String == "202")
        let cells = try #require(school["cells"] as? [[String: Any]])
        // The same rows the CSV has for this school, in the same order.
        let publication = try #require(Self.publication(of: fixture))
        var expected: [PublishedRow] = []
        for table in publication.tables {
            table.forEachRow(levels: [.school]) { if $0.geography.school?.urn == 100049 { expected.append($0) } }
        }
        #expect(cells.count == expected.count)
        for (cell, row) in zip(cells, expected) {
            #expect(cell["indicator"] as? String == row.indicator.id)
            #expect(cell["category"] as? String == row.categoryLabel)
            if row.isSuppressed { #expect(cell["respondents"] as? String == "c") }
            else { #expect(cell["respondents"] as? Double == row.respondents.numericValue) }
        }
    }

    @Test func theCSVExportIsTheFilteredEESFile() async throws {
        let fixture = try ServiceFixture()
        try await fixture.seed("valid/hand-checkable.xml")
        let csv = try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/exports/indicators.csv?level=school&indicator=WB01",
                                     method: .get, headers: fixture.headers(.researcher)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                return String(buffer: response.body)
            }
        }
        let publication = try #require(Self.publication(of: fixture))
        let filter = try PublicationFilter(levels: ["school"], indicators: ["WB01"], validIn: publication)
        var expected: [UInt8] = []
        publication.writeIndicatorsCSV(filter: filter) { expected += $0 }
        #expect(csv == String(decoding: expected, as: UTF8.self))
        #expect(csv.split(separator: "\n").count > 1)
    }

    @Test func anUnknownFilterValueIsA400WithTheValidValues() async throws {
        let fixture = try ServiceFixture()
        try await fixture.seed("valid/hand-checkable.xml")
        let response = try await fixture.withClient { client in
            try await client.execute(uri: "/api/v1/exports/indicators.csv?level=county", method: .get,
                                     headers: fixture.headers(.admin))
        }
        #expect(response.status == .badRequest)
        let error = try #require(try json(response.body)["error"] as? [String: Any])
        #expect(error["code"] as? String == "unknown-level")
        #expect((error["message"] as? String)?.contains("school") == true)
    }

    @Test func anAreaPageNamesItsSchoolsAndAnUnknownOneIs404() async throws {
        let fixture = try ServiceFixture()
        try await fixture.seed("valid/hand-checkable.xml")
        try await fixture.withClient { client in
            try await client.execute(uri: "/areas/202", method: .get, headers: fixture.headers(.reader)) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.hasPrefix("<!DOCTYPE html>"))
                #expect(html.contains("Camden"))
            }
            try await client.execute(uri: "/areas/999", method: .get, headers: fixture.headers(.reader)) { response in
                #expect(response.status == .notFound)
                let error = try json(response.body)["error"] as? [String: Any]
                #expect(error?["code"] as? String == "not_found")
            }
        }
    }

    @Test func anAnswerGivenBeforeAnUploadIsRebuiltFromTheNewPublication() async throws {
        let fixture = try ServiceFixture()
        try await fixture.seed("valid/minimal.xml")
        func schools() async throws -> [Int]? {
            try await fixture.withClient { client in
                try await client.execute(uri: "/api/v1/areas/202", method: .get, headers: fixture.headers(.reader)) {
                    (try json($0.body)["schools"] as? [[String: Any]])?.compactMap { $0["urn"] as? Int }
                }
            }
        }
        #expect(try await schools() == [100051])
        try await fixture.seed("valid/hand-checkable.xml")
        #expect(try await schools() == [100049, 100050, 100051])
    }

    /// The publication the service serves now.
    @Test func anAuditedServiceHidesMoreAndGivesAdminsItsAuditReport() async throws {
        let audited = try ServiceFixture(auditor: GLPKAuditor(workers: 1))
        let floor = try ServiceFixture()
        for fixture in [audited, floor] {
            try await fixture.seed("valid/hand-checkable.xml")
            try await fixture.seed("valid/warnings.xml")
        }
        let publication = try #require(Self.publication(of: audited))
        #expect(publication.isAudited)
        #expect(try #require(Self.publication(of: floor)).isAudited == false)
        func hidden(_ publication: Publication?) -> Int { publication.map { $0.summary.overall.cells - $0.summary.overall.published } ?? 0 }
        #expect(hidden(publication) > hidden(Self.publication(of: floor)))
        let report = try await audited.withClient { client in
            try await client.execute(uri: "/api/v1/audit", method: .get, headers: audited.headers(.admin)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                return Data(buffer: response.body)
            }
        }
        var expected = Data()
        publication.writeAuditReport { expected.append(contentsOf: $0) }
        #expect(report == expected)
        let document = try #require(try JSONSerialization.jsonObject(with: report) as? [String: Any])
        #expect(document["format"] as? String == "wellbeing-audit/1")
        #expect(document["passed"] as? Bool == true)
    }

    static func publication(of fixture: ServiceFixture) -> Publication? {
        fixture.service.publisher.currentPublication
    }
}
