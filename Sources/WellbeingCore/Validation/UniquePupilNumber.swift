/// A valid Unique Pupil Number, held as a lossless 64-bit key rather than as text.
///
/// A UPN is a check letter followed by twelve characters: eleven digits (LA
/// code, establishment number, year of allocation, first two serial digits)
/// and a last serial digit or, for a temporary UPN, a letter of the check
/// alphabet (return-format.md, "UPN check letter"). Keys let a return's UPNs be
/// compared for duplicates without keeping millions of strings.
public struct UniquePupilNumber: Hashable, Sendable {
    /// Why a text is not a valid UPN.
    public enum Problem: Error, Sendable, Equatable {
        /// Not 13 characters of the shape letter, 11 digits, digit or letter.
        case format
        /// The right shape, but the first letter is not the check letter of the rest.
        case checkLetter
    }

    /// The check letter's index, the eleven digits and the last character packed in mixed radix:
    /// `(letter × 10¹¹ + digits) × 33 + last`, where `last` is a digit (0–9) or 10 + a letter's index.
    public let key: UInt64

    /// The 23 letters a check letter, or a temporary UPN's last character, may be (no I, O or S).
    static let alphabet: [UInt8] = Array("ABCDEFGHJKLMNPQRTUVWXYZ".utf8)

    /// Checks the text's shape and check letter.
    public init(validating text: some StringProtocol) throws(Problem) {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next(), let check = Self.alphabetIndex(first) else { throw .format }
        var digits: UInt64 = 0
        var weightedSum = 0
        for position in 2...12 {
            guard let byte = bytes.next(), byte &- UInt8(ascii: "0") < 10 else { throw .format }
            let digit = Int(byte - UInt8(ascii: "0"))
            digits = digits * 10 + UInt64(digit)
            weightedSum += digit * position
        }
        guard let lastByte = bytes.next(), bytes.next() == nil else { throw .format }
        let last: Int
        let lastWeightValue: Int
        if lastByte &- UInt8(ascii: "0") < 10 {
            lastWeightValue = Int(lastByte - UInt8(ascii: "0"))
            last = lastWeightValue
        } else if let letter = Self.alphabetIndex(lastByte) {
            lastWeightValue = letter
            last = 10 + letter
        } else {
            throw .format
        }
        weightedSum += lastWeightValue * 13
        guard weightedSum % 23 == check else { throw .checkLetter }
        key = (UInt64(check) * 100_000_000_000 + digits) * 33 + UInt64(last)
    }

    /// The position of an ASCII byte in the check alphabet, or nil when it is not one of its letters.
    static func alphabetIndex(_ byte: UInt8) -> Int? {
        alphabet.firstIndex(of: byte)
    }
}
