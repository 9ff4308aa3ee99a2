import Testing
@testable import WellbeingCore

/// The shortest-path queue of complementary suppression: nearest first, ties to the lowest node.
@Suite("Node queue")
struct NodeQueueTests {
    @Test("nodes come out nearest first, and at equal distance lowest first, whatever the order they went in",
          arguments: [[0, 1, 2, 3, 4, 5, 6, 7], [7, 6, 5, 4, 3, 2, 1, 0], [3, 7, 0, 5, 1, 6, 2, 4]])
    func popsInOrder(order: [Int]) {
        // Nodes 0…7 at distances 2, 1, 2, 0.5, 3, 1, 2, 0.5.
        let distances = [2, 1, 2, 0.5, 3, 1, 2, 0.5]
        var queue = NodeQueue()
        for node in order { queue.push(node, at: distances[node]) }
        var popped: [Int] = []
        while let (_, node) = queue.pop() { popped.append(node) }
        #expect(popped == [3, 7, 1, 5, 0, 2, 6, 4])
        #expect(queue.isEmpty)
    }

    @Test("a node queued again nearer comes out at its new distance first; the stale entry follows")
    func requeuedNodeComesOutNearer() {
        var queue = NodeQueue()
        queue.push(1, at: 5)
        queue.push(2, at: 3)
        queue.push(1, at: 1)
        #expect(queue.pop()! == (1, 1))
        #expect(queue.pop()! == (3, 2))
        #expect(queue.pop()! == (5, 1))
        #expect(queue.pop() == nil)
    }
}
