import Hummingbird
import WellbeingCore

/// The read routes of published data: the catalogue, LAs and their cells, schools and theirs.
///
/// Every answer comes from the current ``PublishedData`` and is cached with it, so a read
/// is a look-up; nothing here touches the store.
struct PublishedRoutes: Sendable {
    let publisher: Republisher
    let catalogue: Catalogue

    func indicators(_ request: Request, context: ServiceRequestContext) throws -> Response {
        _ = try context.require(.readPublished)
        return JSONBody.response(CatalogueJSON(version: catalogue.version, instrument: catalogue.instrument.id,
                                               indicators: catalogue.indicators.map(IndicatorJSON.init)))
    }

    func areas(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        _ = try context.require(.readPublished)
        let data = try Self.published(publisher)
        return JSONBody.response(bytes: await data.answer("areas") { data in
            let authorities = data.areas.values.map(\.authority).sorted { $0.code < $1.code }
            return JSONBody.bytes(["areas": authorities.map(AuthorityJSON.init)])
        })
    }

    func area(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        _ = try context.require(.readPublished)
        let data = try Self.published(publisher)
        let code = context.parameters.get("la") ?? ""
        guard data.areas[code] != nil else {
            throw ServiceError.notFound("no published data for LA \"\(code)\"; GET /api/v1/areas lists the LAs"
                                        + " (3-digit codes).")
        }
        return JSONBody.response(bytes: await data.answer("area/\(code)") { data in
            // Built again for later publications, which need not have this LA.
            guard let area = data.areas[code] else { return JSONBody.bytes(["missing": true]) }
            let schools = data.schools.values.filter { $0.authority.code == code }
                .map { SchoolJSON($0.school, in: $0.authority) }.sorted { $0.urn < $1.urn }
            return JSONBody.bytes(AreaJSON(localAuthority: AuthorityJSON(area.authority), schools: schools,
                                           cells: data.rows(at: area.places).map(CellJSON.init)))
        })
    }

    func school(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        _ = try context.require(.readPublished)
        let data = try Self.published(publisher)
        let text = context.parameters.get("urn") ?? ""
        guard let urn = Int(text), data.schools[urn] != nil else {
            throw ServiceError.notFound("no published data for school URN \"\(text)\"; the schools of an LA are"
                                        + " listed by GET /api/v1/areas/{la}.")
        }
        return JSONBody.response(bytes: await data.answer("school/\(urn)") { data in
            guard let school = data.schools[urn] else { return JSONBody.bytes(["missing": true]) }
            return JSONBody.bytes(SchoolCellsJSON(school: SchoolJSON(school.school, in: school.authority),
                                                  cells: data.rows(at: school.places).map(CellJSON.init)))
        })
    }

    /// The current publication; 503 while the first one is being built.
    static func published(_ publisher: Republisher) throws(ServiceError) -> PublishedData {
        guard let data = publisher.current else {
            var error = ServiceError(.serviceUnavailable, "publishing",
                                     "the published data is being built; try again in a few seconds.")
            error.headers[.retryAfter] = "2"
            throw error
        }
        return data
    }
}
