import Hummingbird
import WellbeingExport

/// `GET /api/v1/exports/indicators.csv?level=&indicator=&breakdown=&la=`: the EES CSV, filtered, for researchers.
///
/// Each parameter may repeat or hold a comma list; the rows are the same bytes as the export
/// folder's `indicators.csv` under the same filter (suppression is of the whole publication).
struct ExportRoutes: Sendable {
    let publisher: Republisher

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
                        body: CSVStream(publication: data.publication, filter: filter).body())
    }
}
