import Logging
import Synchronization
import WellbeingCore
public import WellbeingExport

/// Keeps the published data in step with the store: rebuilt off the request path, swapped in whole.
///
/// After an accepted upload or a withdrawal the routes ask for a refresh and answer at once.
/// One rebuild runs at a time on its own thread; asks that arrive meanwhile fold into one more
/// rebuild after it, so a burst of uploads costs two rebuilds, not one each. Readers keep
/// getting the previous publication until the new one is complete.
public final class Republisher: Sendable {
    private struct State {
        var current: PublishedData?
        var generation = 0
        var running = false
        var pending = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let store: any ReturnStore
    private let policy: SuppressionPolicy
    private let auditor: (any DisclosureAuditor)?
    private let logger: Logger
    private let state = Mutex(State())

    init(store: any ReturnStore, policy: SuppressionPolicy, auditor: (any DisclosureAuditor)?, logger: Logger) {
        self.store = store
        self.policy = policy
        self.auditor = auditor
        self.logger = logger
    }

    /// The publication readers see now, with its indexes and cached answers; nil until the first one is built.
    var current: PublishedData? { state.withLock { $0.current } }

    /// The publication readers see now; nil until the first one is built.
    public var currentPublication: Publication? { current?.publication }

    /// Asks for a rebuild and returns at once.
    public func refresh() {
        let start = state.withLock { state -> Bool in
            if state.running {
                state.pending = true
                return false
            }
            state.running = true
            return true
        }
        if start { Task.detached { await self.rebuildUntilCurrent() } }
    }

    /// Waits until every rebuild asked for so far has finished.
    public func settled() async {
        await withCheckedContinuation { continuation in
            let idle = state.withLock { state -> Bool in
                if state.running { state.waiters.append(continuation) }
                return !state.running
            }
            if idle { continuation.resume() }
        }
    }

    /// Rebuilds, and again while asks arrived during the last rebuild, then wakes whoever waits.
    private func rebuildUntilCurrent() async {
        while true {
            // Only this loop changes the generation, and only one loop runs at a time.
            let (next, previous) = state.withLock { ($0.generation + 1, $0.current) }
            let built = await DedicatedThread.run(named: "wellbeing publication") {
                let built = self.build(generation: next)
                if let built, let previous { built.warm(from: previous) }
                return built
            }
            let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>]? in
                if let built {
                    state.generation = next
                    state.current = built
                }
                if state.pending {
                    state.pending = false
                    return nil
                }
                state.running = false
                defer { state.waiters = [] }
                return state.waiters
            }
            guard let waiters else { continue }
            for waiter in waiters { waiter.resume() }
            return
        }
    }

    /// A publication of what the store counts now; nil (and the old one stays) when the store cannot be read.
    private func build(generation: Int) -> PublishedData? {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let snapshot = try store.snapshot()
            // Audited as `wellbeing publish` is; a table the audit cannot protect keeps the previous publication.
            let publication = try Publication(snapshot: snapshot, catalogue: store.catalogue, policy: policy,
                                              auditor: auditor)
            logger.info("published", metadata: [
                "returns": "\(snapshot.returns.count)", "schools": "\(snapshot.aggregation.schoolCount)",
                "audited": "\(auditor != nil)",
                "duration_ms": "\((clock.now - start) / .milliseconds(1))",
            ])
            return PublishedData(publication: publication, generation: generation, logger: logger)
        } catch {
            let reason = (error as? StoreError)?.message ?? (error as? DisclosureError)?.message ?? "\(error)"
            logger.error("publication failed; the previous one stays", metadata: ["reason": "\(reason)"])
            return nil
        }
    }
}
