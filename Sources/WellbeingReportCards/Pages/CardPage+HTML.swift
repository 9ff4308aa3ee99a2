extension CardPage {
    /// The page's HTML document.
    var html: HTML {
        var page = HTML(capacity: 160 << 10)
        page += """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            \(PageFrame.head(stylesheet: stylesheet))\(PageFrame.digest(digest))<title>\(name) – \(kind) well-being report card</title>
            </head>
            <body>
            <a class="skip" href="#indicators">Skip to the indicators</a>
            <header class="masthead">
              <nav aria-label="Breadcrumb">
                <ol class="crumbs">\n
            """
        for crumb in crumbs {
            page += """
                      <li><a href="\(crumb.href)">\(crumb.name)</a></li>\n
                """
        }
        page += """
                  <li aria-current="page">\(name)</li>
                </ol>
              </nav>
              <p class="kind">\(kind) well-being report card</p>
              <h1>\(name)</h1>
              <dl class="facts">\n
            """
        for fact in facts {
            page += """
                    <div><dt>\(fact.label)</dt><dd>\(fact.value)</dd></div>\n
                """
        }
        page += """
              </dl>
              <p class="download"><a href="\(csvHref)">\(csvLabel)</a></p>
            </header>
            <main>
              <section aria-labelledby="indicators">
                <h2 id="indicators">Indicators</h2>
            \(legendHTML)    <div class="table-wrap">
                <table class="indicators" id="indicator-table">
                  <caption>Every indicator for \(name), all pupils, compared with \(benchmarkName)</caption>
            \(columnHeads(first: "Indicator", indent: "      "))
                  <tbody>\n
            """
        for row in indicators { page += row.html }
        page += """
                  </tbody>
                </table>
                </div>
              </section>\n
            """
        if !schools.isEmpty {
            page += """
                  <section aria-labelledby="schools">
                    <h2 id="schools">Schools</h2>
                    <ul class="schools">\n
                """
            for school in schools {
                page += """
                          <li><a href="\(school.href)">\(school.name)</a> <span class="urn">URN \(school.urn)</span></li>\n
                    """
            }
            page += """
                    </ul>
                  </section>\n
                """
        }
        page += """
              <section aria-labelledby="breakdowns" class="breakdowns">
                <h2 id="breakdowns">Breakdowns</h2>
                <p>Each indicator by one pupil characteristic at a time, each category compared with the same category in \(benchmarkName).</p>\n
            """
        for section in breakdowns { page += breakdownHTML(section) }
        page += """
              </section>
            </main>
            \(PageFrame.footer(provenance))</body>
            </html>\n
            """
        return page
    }

    /// What the comparison colours mean, above the indicator table.
    private var legendHTML: HTML {
        var legend: HTML = """
            <div class="legend">
              <p class="legend-title">Compared with the benchmark (the 95% confidence interval against the benchmark's value):</p>
              <ul>\n
            """
        for badge in self.legend {
            legend += """
                    <li><span class="badge \(badge.cssClass)">\(badge.word)</span></li>\n
                """
        }
        legend += """
              </ul>
              <p class="legend-note">In each chart the dot is the value, the bar its 95% confidence interval and the black line the benchmark.</p>
            </div>\n
            """
        return legend
    }

    /// The head of an indicator table (the page's and each breakdown's share its columns), without a final newline.
    private func columnHeads(first: String, indent: String) -> HTML {
        let cells = [first, "Value", "95% confidence interval", benchmarkName, "Chart",
                     "Compared with \(benchmarkName)", "Respondents"]
        var html: HTML = "\(indent)<thead>\n\(indent)  <tr>\n"
        for cell in cells { html += "\(indent)    <th scope=\"col\">\(cell)</th>\n" }
        html += "\(indent)  </tr>\n\(indent)</thead>"
        return html
    }

    /// One breakdown's table: a group of category rows per indicator.
    private func breakdownHTML(_ section: BreakdownSection) -> HTML {
        var html: HTML = """
                <section aria-labelledby="breakdown-\(section.id)" class="breakdown">
                  <h3 id="breakdown-\(section.id)">\(section.title)</h3>
                  <div class="table-wrap">
                  <table class="indicators breakdown-table" id="table-\(section.id)">
                    <caption>Indicators for \(name) by \(section.title)</caption>
            \(columnHeads(first: "Category", indent: "        "))\n
            """
        for group in section.groups {
            html += """
                        <tbody>
                          <tr class="group"><th scope="rowgroup" colspan="7">\(group.title)</th></tr>\n
                """
            for row in group.rows { html += row.html }
            html += """
                        </tbody>\n
                """
        }
        html += """
                  </table>
                  </div>
                </section>\n
            """
        return html
    }
}
