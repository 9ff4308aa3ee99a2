import Mustache

// Mustache looks values up by name. Without these conformances it reflects on each struct with
// `Mirror` at every `{{tag}}`, which made a school page (about 400 rows) take ~85 ms of a ~100 ms
// debug render; a switch per type answers the same names directly. Each case is a template name.

extension IndicatorRowView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "indicatorID": indicatorID
        case "label": label
        case "value": value
        case "interval": interval
        case "respondents": respondents
        case "benchmarkName": benchmarkName
        case "benchmarkValue": benchmarkValue
        case "suppressed": suppressed
        case "comparison": comparison
        case "chart": chart
        case "chartNote": chartNote
        default: nil
        }
    }
}

extension ChartView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "pointX": pointX
        case "intervalPath": intervalPath
        case "benchmarkPath": benchmarkPath
        case "comparisonClass": comparisonClass
        case "axisLow": axisLow
        case "axisHigh": axisHigh
        default: nil
        }
    }
}

extension ComparisonBadge: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "word": word
        case "cssClass": cssClass
        default: nil
        }
    }
}

extension CardPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "stylesheet": stylesheet
        case "homeHref": homeHref
        case "crumbs": crumbs
        case "name": self.name
        case "kind": kind
        case "facts": facts
        case "benchmarkName": benchmarkName
        case "csvHref": csvHref
        case "csvLabel": csvLabel
        case "legend": legend
        case "indicators": indicators
        case "breakdowns": breakdowns
        case "hasSchools": hasSchools
        case "schools": schools
        case "provenance": provenance
        default: nil
        }
    }
}

extension CardPage.BreakdownSection: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "groups": groups
        default: nil
        }
    }
}

extension CardPage.BreakdownGroup: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "rows": rows
        default: nil
        }
    }
}
