/// The rule for a pupil's `ref`, the survey's own response id.
public enum PupilRef {
    /// True for 1 to 32 ASCII letters, digits, dots, underscores or hyphens.
    public static func isValid(_ text: some StringProtocol) -> Bool {
        let bytes = text.utf8
        return (1...32).contains(bytes.count) && bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }
}
