import Dispatch
import Synchronization
import WellbeingCore

/// Encodes the units of protected tables on every core, a block of units at a time, and hands the
/// bytes over in publication order.
///
/// Once the tables are protected each unit's rows depend on nothing but the table, so a national
/// export's 6,000 schools encode independently; the files are still written front to back, and a
/// window of blocks bounds the bytes held at once (about 0.6 MiB for the CSV, 2 MiB for the JSON: aggregate's
/// peak memory is held to performance.md's 64 MB with both written at once).
enum UnitBlocks {
    /// Units encoded by one task: a school has a few hundred rows, so a block is tens of kB to about 1 MiB.
    static let unitsPerBlock = 4
    /// Blocks encoded before their bytes are flushed.
    static let blocksPerWindow = 4

    /// Calls `encode` for every unit of `levels` (every unit when nil) and `flush` with the bytes in
    /// publication order: tables in order, units in order.
    ///
    /// - Parameter encode: appends the unit's bytes; called concurrently for different units.
    static func encode(tables: [IndicatorTable], levels: Set<GeographicLevel>?,
                       unit encode: @escaping @Sendable (IndicatorTable, Int, inout [UInt8]) -> Void,
                       flush: ([UInt8]) throws -> Void) rethrows
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
            let encoded = Mutex<[[UInt8]]>(Array(repeating: [], count: window.count))
            DispatchQueue.concurrentPerform(iterations: window.count) { index in
                var bytes: [UInt8] = []
                for place in window[index] { encode(tables[place.table], place.unit, &bytes) }
                encoded.withLock { $0[index] = bytes }
            }
            for bytes in encoded.withLock({ $0 }) where !bytes.isEmpty { try flush(bytes) }
        }
    }
}
