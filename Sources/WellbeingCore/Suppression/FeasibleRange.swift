/// Values of a hidden quantity that an attacker cannot rule out, as far as the audit needed to look.
///
/// Both ends are values the quantity takes at some solution of the attacker's
/// constraints, so the attacker's feasible interval contains `lower...upper`.
/// An end marked extreme is the LP optimum: nothing beyond it is feasible. The
/// audit stops looking once an end reaches the protection interval, so a
/// protected cell's ends are usually witnesses, and an exposed cell's failing
/// end is always its extreme.
public struct FeasibleRange: Sendable, Hashable, Codable {
    /// One end of the range.
    public struct End: Sendable, Hashable, Codable {
        public var value: Double
        /// True when no feasible value lies beyond this one (an upper end may then be infinite).
        public var isExtreme: Bool

        public init(value: Double, isExtreme: Bool) {
            self.value = value
            self.isExtreme = isExtreme
        }
    }

    public var lower: End
    public var upper: End

    public init(lower: End, upper: End) {
        self.lower = lower
        self.upper = upper
    }

    /// True when the range reaches both ends of `required` (with a little slack for floating point).
    public func covers(_ required: ClosedRange<Int64>) -> Bool {
        lower.value <= Double(required.lowerBound) + Self.tolerance(required.lowerBound)
            && upper.value >= Double(required.upperBound) - Self.tolerance(required.upperBound)
    }

    /// The slack allowed when comparing an LP value with an integer: far below one unit, far above rounding.
    public static func tolerance(_ value: Int64) -> Double { 1e-6 * max(1, Double(value.magnitude)) }
}
