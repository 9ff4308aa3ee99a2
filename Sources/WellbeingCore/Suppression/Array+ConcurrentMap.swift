import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// The elements transformed on every core, in element order.
    ///
    /// For independent pieces of the audit (blocks, families) whose work is
    /// pure: each piece runs on whichever core is free, so one large piece
    /// does not hold up the rest.
    func concurrentMap<Transformed: Sendable>(_ transform: @Sendable (Element) -> Transformed) -> [Transformed] {
        guard count > 1 else { return map(transform) }
        let results = Mutex<[Transformed?]>(Array<Transformed?>(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let transformed = transform(self[index])
            results.withLock { $0[index] = transformed }
        }
        return results.withLock { $0.map { $0! } }
    }
}
