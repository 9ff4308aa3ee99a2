import Testing
import WellbeingCore
@testable import WellbeingSynthetic

@Suite("Generated returns are reproducible")
struct DeterminismTests {
    @Test("the same arguments give the same bytes", arguments: [(2_000, 12, 1), (3_000, 30, 3)])
    func sameSeedSameBytes(pupils: Int, schools: Int, las: Int) throws {
        let first = try SyntheticWave.make(pupils: pupils, schools: schools, las: las, seed: 42).allBytes()
        let second = try SyntheticWave.make(pupils: pupils, schools: schools, las: las, seed: 42).allBytes()
        #expect(first.count == las)
        #expect(first == second)
    }

    @Test("a different seed gives different returns")
    func differentSeedDifferentBytes() throws {
        let one = try SyntheticWave.make(pupils: 2_000, schools: 12, seed: 1)
        let two = try SyntheticWave.make(pupils: 2_000, schools: 12, seed: 2)
        #expect(try one.allBytes() != two.allBytes())
    }

    @Test("a return's bytes do not depend on which returns were written before it")
    func returnsAreIndependent() throws {
        let wave = try SyntheticWave.make(pupils: 3_000, schools: 20, las: 3, seed: 9)
        var alone: [UInt8] = []
        try wave.write(returnAt: 2, to: &alone)
        #expect(try wave.allBytes()[2] == alone)
    }

    /// Pins the exact output, so a change of platform, compiler or standard library
    /// that alters a single byte is caught. Update the digest only when the
    /// generator is changed on purpose (and say so in the change).
    @Test("the output is bit-for-bit the pinned reference")
    func pinnedDigest() throws {
        let bytes = try SyntheticWave.make(pupils: 1_500, schools: 9, las: 2, seed: 2026).allBytes()
        #expect(bytes.map(fnv1a) == [0x973F_37E7_87F2_DD78, 0xEBF5_F34C_4199_1346])
    }

    @Test("the random stream is xoshiro256** seeded by SplitMix64")
    func knownRandomSequence() {
        // SplitMix64 from 0 gives the published first outputs 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4.
        var mixer = SplitMix64(state: 0)
        #expect(mixer.next() == 0xE220_A839_7B1D_CDAF)
        #expect(mixer.next() == 0x6E78_9E6A_A1B9_65F4)
        var random = SeededRandom(seed: 7)
        var again = SeededRandom(seed: 7)
        var other = SeededRandom(seed: 7, stream: 1)
        let draws = (0..<4).map { _ in random.next() }
        #expect(draws == (0..<4).map { _ in again.next() })
        #expect(draws != (0..<4).map { _ in other.next() })
    }

    @Test("bounded draws stay in range and cover it", arguments: [1, 2, 7, 23, 1_000])
    func boundedDraws(bound: Int) {
        var random = SeededRandom(seed: UInt64(bound))
        var seen = Set<Int>()
        for _ in 0..<(bound * 50) {
            let value = random.below(bound)
            #expect((0..<bound).contains(value))
            seen.insert(value)
        }
        #expect(seen.count == bound)
    }

    @Test("normal draws have mean 0 and standard deviation 1")
    func normalDraws() {
        var random = SeededRandom(seed: 3)
        let draws = (0..<200_000).map { _ in random.normal() }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count - 1)
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.01)
    }

    private func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
