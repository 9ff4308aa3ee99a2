/// A UPN registry that keeps every key in memory: simple, and right for small returns and tests.
///
/// Its memory grows with the number of pupils; large returns want a registry
/// that spills to disk (WellbeingIngest's `SpillingUPNRegistry`).
public struct InMemoryUPNRegistry: UPNRegistry {
    private var firstOccurrence: [UInt64: PupilOccurrence] = [:]
    private var duplicates: [UPNDuplicate] = []

    public init() {}

    public mutating func record(_ upn: UniquePupilNumber, at occurrence: PupilOccurrence) {
        if let first = firstOccurrence[upn.key] {
            duplicates.append(UPNDuplicate(occurrence: occurrence, first: first))
        } else {
            firstOccurrence[upn.key] = occurrence
        }
    }

    public mutating func forEachDuplicate(_ body: (UPNDuplicate) -> Void)  {
        duplicates.forEach(body)
    }
}
