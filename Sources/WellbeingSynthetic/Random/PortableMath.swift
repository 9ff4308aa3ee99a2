/// Elementary functions computed with `+ − × ÷` only, so results are bit-identical everywhere.
///
/// libm's `exp` may differ in the last bit between platforms, and a school's
/// size rounded from it could then differ by one pupil; these are used only
/// when planning a wave (a few thousand calls), never per pupil.
enum PortableMath {
    /// e^x for |x| up to about 20, to about 1e-12 relative error.
    static func exp(_ x: Double) -> Double {
        // exp(x) = exp(x / 2^10)^(2^10): a short Taylor series on the small
        // argument, then ten squarings.
        let reduced = x / 1024
        var term = 1.0
        var sum = 1.0
        for n in 1...8 {
            term = term * reduced / Double(n)
            sum += term
        }
        for _ in 0..<10 { sum *= sum }
        return sum
    }

    /// A log-normal draw with median 1: e^(σZ).
    static func logNormal(sigma: Double, using random: inout SeededRandom) -> Double {
        exp(sigma * random.normal())
    }
}
