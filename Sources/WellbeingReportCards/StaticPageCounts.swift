/// What writing a static site did with its LA and school pages.
public struct StaticPageCounts: Sendable, Hashable {
    /// Pages rendered and written.
    public let rendered: Int
    /// Pages whose inputs were unchanged, linked from the previous export instead.
    public let kept: Int

    public init(rendered: Int, kept: Int) {
        self.rendered = rendered
        self.kept = kept
    }
}
