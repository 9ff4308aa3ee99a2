/// Disjoint sets over `0..<count`: which hidden cells are linked, directly or not, by relations.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    /// The representative of `x`'s set (paths are halved on the way).
    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Joins the sets of `a` and `b`; the smaller representative leads, so results do not depend on order.
    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        guard ra != rb else { return }
        if ra < rb { parent[rb] = ra } else { parent[ra] = rb }
    }
}
