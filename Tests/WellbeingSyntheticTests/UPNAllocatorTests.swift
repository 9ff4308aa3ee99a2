import Testing
import WellbeingCore
@testable import WellbeingSynthetic

@Suite("Generated UPNs")
struct UPNAllocatorTests {
    private func upn(laestab: Int, startYear: Int, year: Int, index: Int) -> String? {
        var buffer = UPNAllocator.Buffer()
        guard UPNAllocator(academicYear: AcademicYear(startYear: startYear))
            .make(laestab: laestab, year: year, index: index, into: &buffer)
        else { return nil }
        return withUnsafeBytes(of: buffer.bytes) { String(decoding: $0, as: UTF8.self) }
    }

    @Test("the known-good UPNs of the spec come out with their check letters", arguments: [
        (8_012_000, 2010, 5, 1, "B801200005001"),
        (8_012_000, 2010, 9, 1, "H801200001001"),
        // Past the thousand permanent serials, temporary UPNs end in a letter.
        (8_012_000, 2010, 9, 1_023, "G80120000101A"),
        (2_070_000, 2026, 10, 49, "P207000016049"),
    ])
    func knownGood(laestab: Int, startYear: Int, year: Int, index: Int, expected: String) {
        #expect(upn(laestab: laestab, startYear: startYear, year: year, index: index) == expected)
    }

    @Test("every UPN a year group can get is valid and distinct, then they run out")
    func validAndDistinct() throws {
        var seen = Set<String>()
        for year in 4...13 {
            for index in 0..<3_300 {
                let text = try #require(upn(laestab: 2_024_104, startYear: 2026, year: year, index: index))
                #expect(throws: Never.self) { try UniquePupilNumber(validating: text) }
                seen.insert(text)
            }
            #expect(upn(laestab: 2_024_104, startYear: 2026, year: year, index: 3_300) == nil)
        }
        #expect(seen.count == 10 * 3_300)
    }
}
