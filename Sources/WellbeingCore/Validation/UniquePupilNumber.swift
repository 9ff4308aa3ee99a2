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
    public static let alphabet: [UInt8] = Array("ABCDEFGHJKLMNPQRTUVWXYZ".utf8)

    /// Checks the text's shape and check letter.
    public init(validating text: some StringProtocol) throws(Problem) {
        // Read in place: a UPN is checked for every pupil, and copying it into an array allocates.
        let found = text.utf8.withContiguousStorageIfAvailable { Self.parse($0) } ?? Self.parse(Array(text.utf8))
        key = try found.get()
    }

    /// The key of a UPN's 13 bytes, or why they are not a valid UPN.
    private static func parse(_ bytes: some Collection<UInt8>) -> Result<UInt64, Problem> {
        guard bytes.count == 13, let first = bytes.first, let check = alphabetIndex(first),
              let body = body(bytes.dropFirst()) else { return .failure(.format) }
        guard body.checkIndex == check else { return .failure(.checkLetter) }
        return .success((UInt64(check) * 100_000_000_000 + body.digits) * 33 + UInt64(body.last))
    }

    /// The check letter (ASCII) of a UPN's last twelve characters, or nil when they are not eleven digits
    /// followed by a digit or a check-alphabet letter.
    public static func checkLetter(for body: some Collection<UInt8>) -> UInt8? {
        self.body(body).map { alphabet[$0.checkIndex] }
    }

    /// Characters 2–13 read once: their digits, the last character's code, and the check letter they demand.
    ///
    /// Characters 2–13 weigh 2–13 (a digit counts its value, a letter in position 13 its index in the
    /// alphabet); the sum's remainder mod 23 is the check letter's index.
    private static func body(_ characters: some Collection<UInt8>) -> (digits: UInt64, last: Int, checkIndex: Int)? {
        guard characters.count == 12 else { return nil }
        var digits: UInt64 = 0
        var weightedSum = 0
        var position = 2
        var last = 0
        for byte in characters {
            if byte &- UInt8(ascii: "0") < 10 {
                let digit = Int(byte - UInt8(ascii: "0"))
                weightedSum += digit * position
                if position < 13 { digits = digits * 10 + UInt64(digit) } else { last = digit }
            } else if position == 13, let letter = alphabetIndex(byte) {
                weightedSum += letter * 13
                last = 10 + letter
            } else {
                return nil
            }
            position += 1
        }
        return (digits, last, weightedSum % 23)
    }

    /// The position of an ASCII byte in the check alphabet, or nil when it is not one of its letters.
    static func alphabetIndex(_ byte: UInt8) -> Int? {
        alphabet.firstIndex(of: byte)
    }
}
