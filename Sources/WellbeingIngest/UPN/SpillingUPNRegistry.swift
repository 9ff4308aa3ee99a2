import Foundation
import WellbeingCore

/// A UPN registry whose memory stays flat however many pupils a return has.
///
/// Each UPN's 64-bit key, with where it occurred, goes to one of `bucketCount`
/// buckets chosen from the key, so equal keys share a bucket. Buckets stay in
/// memory until their buffer fills (16 KB each, 1 MB in all), then spill to
/// private temporary files; a small return never touches the disk. At the end
/// each bucket is checked on its own, so the check holds one bucket at a time
/// (about 1/64 of the records: ~0.9 MB for a million pupils).
final class SpillingUPNRegistry: UPNRegistry {
    private let buckets: [SpillBucket]
    private let bucketBits: Int
    /// The first failure to spill, reported when duplicates are asked for.
    private var failure: UPNRegistryError?

    /// - Parameters:
    ///   - directory: where scratch files go, if any are needed.
    ///   - bucketBits: log2 of the number of buckets.
    ///   - bufferBytes: how much of each bucket stays in memory before it spills.
    init(directory: String, bucketBits: Int = 6, bufferBytes: Int = 16 << 10) {
        precondition((1...12).contains(bucketBits), "between 2 and 4096 buckets")
        self.bucketBits = bucketBits
        buckets = (0 ..< 1 << bucketBits).map { _ in SpillBucket(directory: directory, bufferLimit: bufferBytes) }
    }

    func record(_ upn: UniquePupilNumber, at occurrence: PupilOccurrence) {
        guard failure == nil else { return }
        do {
            try buckets[bucket(of: upn.key)].append(key: upn.key, occurrence: occurrence)
        } catch {
            failure = error
        }
    }

    func forEachDuplicate(_ body: (UPNDuplicate) -> Void) throws(UPNRegistryError) {
        if let failure { throw failure }
        for bucket in buckets {
            // Stable sort: equal keys keep document order, so the first of a run is the first occurrence.
            let records = try bucket.records().enumerated().sorted { lhs, rhs in
                (lhs.element.key, lhs.offset) < (rhs.element.key, rhs.offset)
            }.map(\.element)
            var first = 0
            for index in records.indices.dropFirst() {
                if records[index].key == records[first].key {
                    body(UPNDuplicate(occurrence: records[index].occurrence, first: records[first].occurrence))
                } else {
                    first = index
                }
            }
        }
    }

    /// Spreads keys over the buckets with a multiplicative hash (consecutive UPNs differ only in low digits).
    private func bucket(of key: UInt64) -> Int {
        Int((key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bucketBits))
    }
}
