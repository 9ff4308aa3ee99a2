import Foundation
import Synchronization
public import WellbeingCore

/// The disclosure audit's LP solver: GLPK's simplex method, one problem per thread, on every core.
///
/// Problems are independent (relations never cross blocks), so workers take them
/// largest first from a shared counter; each worker owns its GLPK environment.
/// ```swift
/// let report = try DisclosureControl(policy: policy).protect(&table, auditor: GLPKAuditor())
/// ```
public struct GLPKAuditor: DisclosureAuditor {
    /// Threads to solve on; at least one.
    public let workers: Int
    /// Which problems are pushed with the interior-point method.
    public let interiorPoint: InteriorPointUse

    /// An auditor using every active core, or `workers` threads when given.
    public init(workers: Int? = nil, interiorPoint: InteriorPointUse = .measured) {
        self.workers = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
        self.interiorPoint = interiorPoint
    }

    public func ranges(of problems: [AttackerProblem]) throws(DisclosureError) -> [[FeasibleRange]] {
        // Largest first, so no worker is left with one big problem at the end.
        let order = problems.indices.sorted { problems[$0].columnCount > problems[$1].columnCount }
        let next = Atomic<Int>(0)
        let results = Mutex<[[FeasibleRange]]>(Array(repeating: [], count: problems.count))
        let failure = Mutex<GLPKError?>(nil)
        DispatchQueue.concurrentPerform(iterations: min(workers, max(1, problems.count))) { _ in
            withGLPKEnvironment {
                while failure.withLock({ $0 == nil }) {
                    let position = next.add(1, ordering: .relaxed).oldValue
                    guard position < order.count else { return }
                    let index = order[position]
                    var finder = FeasibleRangeFinder(problems[index], interiorPoint: interiorPoint)
                    switch finder.run() {
                    case .success(let ranges): results.withLock { $0[index] = ranges }
                    case .failure(let error): failure.withLock { $0 = $0 ?? error }
                    }
                }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error.disclosureError }
        return results.withLock { $0 }
    }
}
