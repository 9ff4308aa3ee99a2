import Hummingbird
import WellbeingExport

/// The publication's files over the API: the EES CSV for researchers, the audit report for administrators.
struct ExportRoutes: Sendable {
    let publisher: Republisher

    /// `GET /api/v1/exports/indicators.csv?level=&indicator=&breakdown=&la=`: the EES CSV, filtered.
    ///
    /// Each parameter may repeat or hold a comma list; the rows are the same bytes as the export
    /// folder's `indicators.csv` under the same filter (suppression is of the whole publication).
    func indicatorsCSV(_ request: Request, context: ServiceRequestContext) throws -> Response {
        _ = try context.require(.export)
        let data = try PublishedRoutes.published(publisher)
        let query = request.uri.queryParameters
        let filter: PublicationFilter
        do {
            filter = try PublicationFilter(levels: query.getAll("level"), indicators: query.getAll("indicator"),
                                           breakdowns: query.getAll("breakdown"),
                                           localAuthorities: query.getAll("la"), validIn: data.publication)
        } catch {
            throw ServiceError(.badRequest, error.code, error.description)
        }
        return Response(status: .ok,
                        headers: [.contentType: "text/csv; charset=utf-8",
                                  .contentDisposition: "attachment; filename=\"indicators.csv\""],
                        body: ChunkStream(name: "wellbeing csv") { [publication = data.publication] sink in
                            try publication.writeIndicatorsCSV(filter: filter, to: sink)
                        }.body())
    }

    /// `GET /api/v1/audit`: the publication's audit report (`audit.json`), for administrators only.
    ///
    /// It holds the true values of hidden cells, so no other role may read it; 404 when the service
    /// publishes without an audit (`serve --no-audit`).
    func auditReport(_ request: Request, context: ServiceRequestContext) throws -> Response {
        _ = try context.require(.auditReports)
        let publication = try PublishedRoutes.published(publisher).publication
        guard publication.isAudited else {
            throw ServiceError.notFound("this service publishes without an LP audit (started with --no-audit),"
                                        + " so there is no audit report; restart it without --no-audit")
        }
        return Response(status: .ok,
                        headers: [.contentType: "application/json; charset=utf-8",
                                  .contentDisposition: "attachment; filename=\"audit.json\""],
                        body: ChunkStream(name: "wellbeing audit report") { sink in
                            try publication.writeAuditReport(to: sink)
                        }.body())
    }
}
