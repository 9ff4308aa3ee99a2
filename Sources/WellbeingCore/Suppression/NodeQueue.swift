/// Graph nodes waiting in a shortest-path search, the nearest first and, at equal distance, the lowest node.
///
/// A binary heap: a search over an LA's schools and a breakdown's categories
/// takes `O(E log V)` instead of a scan of every node per step, which on an LA
/// of 4,000 schools made each cycle search cost some 20 ms. A node may be
/// queued again with a shorter distance; the caller skips the stale entry.
struct NodeQueue {
    private var heap: [(distance: Double, node: Int)] = []

    var isEmpty: Bool { heap.isEmpty }

    mutating func push(_ node: Int, at distance: Double) {
        heap.append((distance, node))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.precedes(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    /// Removes and returns the nearest node and its distance.
    mutating func pop() -> (distance: Double, node: Int)? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let first = heap.removeLast()
        var parent = 0
        while true {
            let (left, right) = (2 * parent + 1, 2 * parent + 2)
            var least = parent
            if left < heap.count, Self.precedes(heap[left], heap[least]) { least = left }
            if right < heap.count, Self.precedes(heap[right], heap[least]) { least = right }
            guard least != parent else { break }
            heap.swapAt(parent, least)
            parent = least
        }
        return first
    }

    private static func precedes(_ a: (distance: Double, node: Int), _ b: (distance: Double, node: Int)) -> Bool {
        a.distance != b.distance ? a.distance < b.distance : a.node < b.node
    }
}
