/// A 128-bit fingerprint of everything an output part is made from, so that an export can keep a
/// previous export's part (a report card, a unit's rows of a file) whose inputs are unchanged instead
/// of making it again.
///
/// It detects changed inputs, not tampering: two 64-bit lanes, each word mixed with the SplitMix64
/// finaliser.
public struct ContentDigest: Hashable, Sendable {
    /// The two lanes, as a part's index stores them.
    public private(set) var first: UInt64 = 0x6A09_E667_F3BC_C908
    public private(set) var second: UInt64 = 0xBB67_AE85_84CA_A73B

    public init() {}

    /// The digest whose lanes were stored.
    public init(first: UInt64, second: UInt64) {
        self.first = first
        self.second = second
    }

    /// Folds in one 64-bit word.
    public mutating func add(_ word: UInt64) {
        first = Self.mix(first ^ word)
        second = Self.mix(second &+ (word << 29 | word >> 35) &+ 0x9E37_79B9_7F4A_7C15)
    }

    public mutating func add(_ value: Int) { add(UInt64(bitPattern: Int64(value))) }

    /// Folds in a text with its length, so that adjacent texts cannot run into each other.
    public mutating func add(_ text: String) {
        add(text.utf8.count)
        var word: UInt64 = 0
        var filled = 0
        for byte in text.utf8 {
            word = word << 8 | UInt64(byte)
            filled += 1
            if filled == 8 {
                add(word)
                word = 0
                filled = 0
            }
        }
        if filled > 0 { add(word) }
    }

    public mutating func add(_ other: ContentDigest) {
        add(other.first)
        add(other.second)
    }

    /// 32 lowercase hex digits: how a page states its digest.
    public var text: String { Self.hex(first) + Self.hex(second) }

    private static func hex(_ word: UInt64) -> String {
        let digits = String(word, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension ContentDigest {
    /// The unit's geography, cells, cell statuses and roll: everything its published rows are computed from.
    public init(unit: GeographyUnit) {
        self.init()
        add(geography: unit.geography)
        add(unit.pupilsOnRoll ?? -1)
        let cells = unit.cells
        add(cells.categoryCount)
        add(cells.indicatorCount)
        // `counts` widens the stored counts on every access: read it once.
        let counts = cells.counts
        add(counts.count)
        var index = 0
        while index + 1 < counts.count {
            add(UInt64(counts[index]) << 32 | UInt64(counts[index + 1]))
            index += 2
        }
        if index < counts.count { add(UInt64(counts[index])) }
        add(cells.sums.count)
        for sum in cells.sums { add(UInt64(bitPattern: sum)) }
        add(unit.status.count)
        for status in unit.status { add(UInt64(status.rawValue)) }
    }

    /// The names and codes a page states of a geography (its heading, crumbs, facts and links).
    public mutating func add(geography: Geography) {
        add(geography.level.rawValue)
        add(geography.region?.code ?? "")
        add(geography.region?.name ?? "")
        add(geography.localAuthority?.code ?? "")
        add(geography.localAuthority?.onsCode ?? "")
        add(geography.localAuthority?.name ?? "")
        add(geography.school?.urn ?? -1)
        add(geography.school?.laestab ?? -1)
        add(geography.school?.name ?? "")
        add(geography.school?.phase.rawValue ?? "")
    }

    /// What rows and pages take from the catalogue: each indicator's wording, kind, polarity and years.
    public mutating func add(catalogue: Catalogue) {
        add(catalogue.version)
        add(catalogue.instrument.id)
        for indicator in catalogue.indicators {
            add(indicator.id)
            add(indicator.title)
            add(indicator.description)
            add(indicator.kind.rawValue)
            add(indicator.polarity.rawValue)
            add(indicator.sensitive ? 1 : 0)
            add(indicator.years.from)
            add(indicator.years.to)
        }
    }
}
