extension HomePage {
    /// The front page's HTML document.
    var html: HTML {
        var page: HTML = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            \(PageFrame.head(stylesheet: stylesheet))<title>School well-being report cards</title>
            </head>
            <body>
            <header class="masthead">
              <p class="kind">School well-being indicators</p>
              <h1>Report cards</h1>
              <p>Survey wave \(waves). Choose a local authority to see its indicators and its schools.</p>
            </header>
            <main>\n
            """
        for region in regions {
            page += """
                  <section aria-labelledby="region-\(region.id)" class="region">
                    <h2 id="region-\(region.id)">\(region.name)</h2>
                    <ul class="areas">\n
                """
            for area in region.areas {
                page += """
                          <li><a href="\(area.href)">\(area.name)</a> <span class="meta">(\(area.schools), wave \(area.wave))</span></li>\n
                    """
            }
            page += """
                    </ul>
                  </section>\n
                """
        }
        if regions.isEmpty {
            page += """
                  <p>Nothing has been published yet.</p>\n
                """
        }
        page += """
            </main>
            \(PageFrame.footer(provenance))</body>
            </html>\n
            """
        return page
    }
}
