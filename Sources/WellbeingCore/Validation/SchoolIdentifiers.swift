/// Checks of the identifiers a school carries in a return: URN (E110) and LAESTAB (E111).
public enum SchoolIdentifiers {
    /// The lowest and highest Unique Reference Numbers.
    public static let urnRange = 100_000...999_999

    /// The URN as a number, or nil unless it is six digits from 100000 to 999999.
    public static func urn(_ text: some StringProtocol) -> Int? {
        guard let value = DecimalText.fixedDigits(text, count: 6), urnRange.contains(value) else { return nil }
        return value
    }

    /// Why a LAESTAB is not acceptable.
    public enum LAESTABProblem: Error, Sendable, Equatable {
        /// Not seven digits.
        case format
        /// Seven digits whose first three differ from the return's LA code.
        case otherAuthority(laPart: String)
    }

    /// The LAESTAB as a number when it is seven digits whose LA part is `laCode` (when one is known).
    public static func laestab(_ text: some StringProtocol, laCode: String?) -> Result<Int, LAESTABProblem> {
        guard let value = DecimalText.fixedDigits(text, count: 7) else { return .failure(.format) }
        let laPart = String(text.prefix(3))
        if let laCode, laPart != laCode { return .failure(.otherAuthority(laPart: laPart)) }
        return .success(value)
    }
}
