import Dispatch
import Synchronization
import WellbeingCore

/// Encodes the units of protected tables on every core, a block of units at a time, and hands the
/// bytes over in publication order.
///
/// Once the tables are protected each unit's rows depend on nothing but the table, so a national
/// export's 6,000 schools encode independently; the files are still written front to back, and a
/// window of blocks bounds the bytes held at once (about 0.6 MiB for the CSV, 2 MiB for the JSON: aggregate's
/// peak memory is held to performance.md's 64 MB with both written at once). Given a ``UnitReuse``, a
/// unit whose part the previous copy of the file holds under the same digest is copied from it, not encoded.
enum UnitBlocks {
    /// A unit's bytes for the file: encoded now, or a part of the previous copy to copy from it.
    enum UnitBytes {
        case encoded([UInt8])
        case kept(UnitPartIndex.Part)
    }

    /// Units encoded by one task: a school has a few hundred rows, so a block is tens of kB to about 1 MiB.
    static let unitsPerBlock = 4
    /// Blocks encoded before their bytes are flushed.
    static let blocksPerWindow = 4

    /// Calls `encode` for every unit of `levels` (every unit when nil) and `flush` with each unit's
    /// bytes in publication order: tables in order, units in order. Units without bytes are not flushed.
    ///
    /// - Parameter encode: appends the unit's bytes; called concurrently for different units.
    /// - Parameter flush: takes a unit's bytes and the digest they may be recorded under for a later
    ///   export (nil without `reuse`); kept parts come only with `reuse`.
    static func encode(tables: [IndicatorTable], levels: Set<GeographicLevel>?, reuse: UnitReuse? = nil,
                       unit encode: @escaping @Sendable (IndicatorTable, Int, inout [UInt8]) -> Void,
                       flush: (UnitBytes, ContentDigest?) throws -> Void) rethrows
    {
        var places: [(table: Int, unit: Int)] = []
        for (t, table) in tables.enumerated() {
            for (u, unit) in table.units.enumerated() where levels?.contains(unit.geography.level) ?? true {
                places.append((t, u))
            }
        }
        let blocks = stride(from: 0, to: places.count, by: unitsPerBlock).map {
            Array(places[$0..<min($0 + unitsPerBlock, places.count)])
        }
        for windowStart in stride(from: 0, to: blocks.count, by: blocksPerWindow) {
            let window = Array(blocks[windowStart..<min(windowStart + blocksPerWindow, blocks.count)])
            let encoded = Mutex<[[(UnitBytes, ContentDigest?)]]>(Array(repeating: [], count: window.count))
            DispatchQueue.concurrentPerform(iterations: window.count) { index in
                let parts = window[index].map { place -> (UnitBytes, ContentDigest?) in
                    let digest = reuse?.digest(table: place.table, unit: place.unit)
                    if let digest, let kept = reuse?.previous?.part(digest) { return (.kept(kept), digest) }
                    var bytes: [UInt8] = []
                    encode(tables[place.table], place.unit, &bytes)
                    return (.encoded(bytes), digest)
                }
                encoded.withLock { $0[index] = parts }
            }
            for block in encoded.withLock({ $0 }) {
                for (bytes, digest) in block {
                    if case .encoded(let encoded) = bytes, encoded.isEmpty { continue }
                    try flush(bytes, digest)
                }
            }
        }
    }
}
