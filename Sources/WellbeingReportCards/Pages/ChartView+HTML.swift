extension ChartView {
    /// The inline SVG: axis, benchmark line, interval whisker and the value's dot.
    var html: HTML {
        let benchmark: HTML = benchmarkPath.map { #"<path class="benchmark" d="\#($0)"/>"# } ?? ""
        let interval: HTML = intervalPath.map { #"<path class="interval" d="\#($0)"/>"# } ?? ""
        return """
            <svg class="chart" role="img" aria-label="\(label)" viewBox="0 0 240 40" width="240" height="40" focusable="false">
            <line class="axis" x1="10" y1="14" x2="230" y2="14"/>
            <text class="tick" x="10" y="38" text-anchor="start">\(axisLow)</text>
            <text class="tick" x="230" y="38" text-anchor="end">\(axisHigh)</text>
            \(benchmark)
            \(interval)
            <circle class="point \(comparisonClass)" cx="\(pointX)" cy="14" r="5"/>
            </svg>\n
            """
    }
}
