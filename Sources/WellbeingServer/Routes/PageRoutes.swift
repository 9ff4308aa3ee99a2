import Hummingbird
import WellbeingReportCards

/// The report-card pages `/`, `/areas/{la}`, `/schools/{urn}` and their stylesheet.
///
/// Pages need a token of any role unless the operator made them public (`--public-pages`).
/// Each page is rendered once per publication and then served from its cache.
struct PageRoutes: Sendable {
    let publisher: Republisher
    let publicPages: Bool

    func home(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        try await page(context, key: "page/") { $0.homePage() }
    }

    func area(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let code = context.parameters.get("la") ?? ""
        return try await page(context, key: "page/areas/\(code)") { $0.areaPage(localAuthority: code) }
    }

    func school(_ request: Request, context: ServiceRequestContext) async throws -> Response {
        let urn = context.parameters.get("urn") ?? ""
        return try await page(context, key: "page/schools/\(urn)") { $0.schoolPage(urn: urn) }
    }

    /// The shared stylesheet: public, like any page's look, and the same for every publication.
    func stylesheet(_ request: Request, context: ServiceRequestContext) -> Response {
        Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: ReportCardSite.stylesheet)))
    }

    /// A page from the current publication's site, cached under `key`; 404 when `render` has none.
    private func page(_ context: ServiceRequestContext, key: String,
                      render: @escaping @Sendable (ReportCardSite) -> String?) async throws -> Response
    {
        if !publicPages { _ = try context.require(.readPublished) }
        let data = try PublishedRoutes.published(publisher)
        guard data.site != nil else {
            throw ServiceError(.serviceUnavailable, "pages_unavailable",
                               "the report-card pages cannot be rendered; the JSON API still answers.")
        }
        // An empty answer stands for "no such page", so a miss is cached like a page.
        let body = await data.answer(key) { data in
            data.site.flatMap(render).map { ByteBuffer(string: $0) } ?? ByteBuffer()
        }
        guard body.readableBytes > 0 else {
            throw ServiceError.notFound("there is no report card here; the front page (/) lists every LA.")
        }
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                        body: ResponseBody(byteBuffer: body))
    }
}
