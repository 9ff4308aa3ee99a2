import WellbeingCore

/// Chooses the real local authorities a synthetic wave is spread over.
enum AuthorityPicker {
    /// The LAs with these DfE codes, or `count` LAs picked from the seed, taking
    /// one region after another so that a few LAs already cover several regions.
    static func authorities(codes: [String], count: Int, directory: LocalAuthorityDirectory,
                            seed: UInt64) throws(SyntheticWaveError) -> [LocalAuthority] {
        if !codes.isEmpty {
            return try codes.map { code throws(SyntheticWaveError) in
                guard let authority = directory.authority(code: code) else {
                    throw SyntheticWaveError("LA code \(code) is not an English LA in the lookup; "
                        + "use a 3-digit DfE code such as 202 (Camden)")
                }
                return authority
            }
        }
        var random = SeededRandom(seed: seed, stream: .max)
        var byRegion: [String: [LocalAuthority]] = [:]
        for authority in directory.authorities { byRegion[authority.region.code, default: []].append(authority) }
        var queues = byRegion.keys.sorted().map { shuffled(byRegion[$0]!, &random) }
        queues = shuffled(queues, &random)
        var chosen: [LocalAuthority] = []
        var round = 0
        while chosen.count < count {
            for queue in queues where round < queue.count && chosen.count < count { chosen.append(queue[round]) }
            round += 1
        }
        return chosen
    }

    /// A Fisher–Yates shuffle with the generator's own draws
    /// (the standard library's shuffle is not a stable contract).
    private static func shuffled<T>(_ items: [T], _ random: inout SeededRandom) -> [T] {
        var items = items
        var index = items.count - 1
        while index > 0 {
            items.swapAt(index, random.below(index + 1))
            index -= 1
        }
        return items
    }
}
