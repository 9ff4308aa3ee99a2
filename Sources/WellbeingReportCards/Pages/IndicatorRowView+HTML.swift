extension IndicatorRowView {
    /// The row of the indicator table or a breakdown table, with its chart or why there is none.
    var html: HTML {
        let chartCell: HTML = if let chart { chart.html } else { """
            <span class="no-chart">\(chartNote)</span>
            """ }
        return """
            <tr class="indicator\(suppressed ? " suppressed" as HTML : "")" data-indicator="\(indicatorID)">
              <th scope="row" class="label">\(label)</th>
              <td class="value" data-label="Value">\(value)</td>
              <td class="interval" data-label="95% confidence interval">\(interval)</td>
              <td class="benchmark-value" data-label="\(benchmarkName)">\(benchmarkValue)</td>
              <td class="chart-cell" data-label="Chart">\(chartCell)</td>
              <td class="comparison" data-label="Compared with \(benchmarkName)"><span class="badge \(comparison.cssClass)">\(comparison.word)</span></td>
              <td class="respondents" data-label="Respondents">\(respondents)</td>
            </tr>\n
            """
    }
}
