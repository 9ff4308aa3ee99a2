import Synchronization

/// Rendered pages kept for the life of a site, shared by every copy of it and every request.
///
/// A site's tables never change, so a page rendered once is the page for good. Only the front page
/// and LA pages are kept (at most ~150 pages of a few hundred kB); school pages, ~20,000 nationally,
/// are rendered on request so memory stays bounded.
final class PageCache: Sendable {
    private let pages = Mutex<[String: String]>([:])

    /// The page stored under `key`, rendering and storing it the first time.
    func page(_ key: String, render: () -> String) -> String {
        if let page = pages.withLock({ $0[key] }) { return page }
        // Rendered outside the lock: two first requests may both render, and both get the same text.
        let page = render()
        pages.withLock { $0[key] = page }
        return page
    }
}
