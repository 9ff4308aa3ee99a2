/// A small, fast pseudo-random generator (xoshiro256**) whose output depends only on its seed.
///
/// Synthetic returns must be byte-identical for the same arguments on any
/// machine and any Swift version, so every draw goes through this type's own
/// methods: never `SystemRandomNumberGenerator`, and never the standard
/// library's `random(in:using:)`, whose algorithm is not a stable contract.
struct SeededRandom {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for one independent stream of a seed (e.g. one school), so
    /// each part of a wave draws the same numbers whatever else is generated.
    init(seed: UInt64, stream: UInt64 = 0) {
        // SplitMix64 expands the two words into a well-mixed 256-bit state,
        // as the xoshiro authors recommend; it can never be all zero.
        var mixer = SplitMix64(state: seed ^ SplitMix64.mix(stream &+ 0x5851_F42D_4C95_7F2D))
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// The next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-and-reject, unbiased).
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// A uniform integer in `range`.
    @inline(__always)
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with the given probability.
    @inline(__always)
    mutating func chance(_ probability: Probability) -> Bool {
        next() < probability.threshold
    }

    /// An approximately standard normal draw: the sum of four 16-bit uniforms, rescaled.
    ///
    /// Pure integer arithmetic plus one multiply, so it is exact on every
    /// platform (libm's `log`/`cos` are not guaranteed bit-identical), and one
    /// 64-bit draw per value keeps the hot loop fast. Tails stop at ±3.46,
    /// which suits survey answers.
    @inline(__always)
    mutating func normal() -> Double {
        let bits = next()
        let sum = Int(bits & 0xFFFF) + Int((bits >> 16) & 0xFFFF) + Int((bits >> 32) & 0xFFFF) + Int(bits >> 48)
        // Mean 4 · 65535/2; standard deviation √(4 · (65536² − 1)/12) ≈ 37837.
        return Double(sum - 131_070) * (1.0 / 37_837.23)
    }

    @inline(__always)
    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

/// A probability held as a 64-bit threshold, so a Bernoulli draw is one comparison.
struct Probability: Sendable {
    let threshold: UInt64

    init(_ p: Double) {
        if p <= 0 {
            threshold = 0
        } else if p >= 1 {
            threshold = .max
        } else {
            threshold = UInt64(p * 0x1.0p64)
        }
    }
}

/// SplitMix64, used only to seed ``SeededRandom`` and to mix stream numbers.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
