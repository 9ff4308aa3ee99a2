import WellbeingCore

/// The fingerprint of everything a report card is rendered from, so that a static export can keep a
/// previous export's page whose inputs are unchanged instead of rendering it again.
///
/// A page is a function of its unit (geography, cells, their statuses, roll), its benchmark's unit,
/// for an LA the names of its schools, the wave, the catalogue and its chart axes, the footer's
/// versions and the build that renders it; ``SitePageDigests`` folds in all of them.
typealias PageDigest = ContentDigest

extension ContentDigest {
    /// The chart axis a page draws for each indicator.
    mutating func add(chartScalesOf catalogue: Catalogue) {
        for indicator in catalogue.indicators {
            let scale = ChartScale(indicator: indicator, catalogue: catalogue)
            add(scale.lower.bitPattern)
            add(scale.upper.bitPattern)
            add(scale.unit)
        }
    }
}
