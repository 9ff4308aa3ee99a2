import WellbeingCore

/// Gives pupils valid Unique Pupil Numbers that cannot clash within a return.
///
/// A UPN is the check letter, the school's LA code and establishment number,
/// a two-digit year of allocation and a three-digit serial. Pupils of one
/// year group at one school share the year they started school, so the
/// year group and the pupil's position in it make the UPN unique: the first
/// thousand get permanent serials, the next 2,300 temporary ones (two digits
/// and a letter, as the DfE allocates them), and beyond that pupils go without.
struct UPNAllocator: Sendable {
    /// A UPN's thirteen ASCII characters, kept inline so making one allocates nothing.
    struct Buffer {
        var bytes: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)

        func append(to buffer: XMLByteBuffer) {
            withUnsafeBytes(of: bytes) { raw in
                for byte in raw { buffer.append(byte) }
            }
        }
    }

    private static let permanentPerYear = 1000
    private static let temporaryPerYear = 100 * 23

    private let academicYear: AcademicYear

    init(academicYear: AcademicYear) {
        self.academicYear = academicYear
    }

    /// Writes the UPN of the `index`-th pupil (from 0) of a year group into `upn`;
    /// false when the year group has used up every serial.
    func make(laestab: Int, year: Int, index: Int, into upn: inout Buffer) -> Bool {
        guard index < Self.permanentPerYear + Self.temporaryPerYear else { return false }
        // Pupils in year y started reception y years before this academic year.
        let allocationYear = ((academicYear.startYear - year) % 100 + 100) % 100
        let zero = UInt8(ascii: "0")
        withUnsafeMutableBytes(of: &upn.bytes) { raw in
            var rest = laestab
            for position in stride(from: 7, through: 1, by: -1) {
                raw[position] = zero + UInt8(rest % 10)
                rest /= 10
            }
            raw[8] = zero + UInt8(allocationYear / 10)
            raw[9] = zero + UInt8(allocationYear % 10)
            let lastValue: Int
            if index < Self.permanentPerYear {
                raw[10] = zero + UInt8(index / 100)
                raw[11] = zero + UInt8(index / 10 % 10)
                lastValue = index % 10
                raw[12] = zero + UInt8(lastValue)
            } else {
                let temporary = index - Self.permanentPerYear
                raw[10] = zero + UInt8(temporary / 23 / 10)
                raw[11] = zero + UInt8(temporary / 23 % 10)
                // A letter in the last place counts as its index in the check alphabet.
                lastValue = temporary % 23
                raw[12] = UniquePupilNumber.alphabet[lastValue]
            }
            raw[0] = UniquePupilNumber.checkLetter(for: UnsafeRawBufferPointer(rebasing: raw[1...12]))!
        }
        return true
    }
}
