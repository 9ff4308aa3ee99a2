/// Every English local authority the system knows, with its region.
///
/// Built from the shipped `region_la_hierarchy.csv` text (a data file, so a
/// boundary change is a one-line edit). Some LAs have several ONS codes over
/// time; a return's `laCode`/`onsCode` pair is valid when any row lists it.
public struct LocalAuthorityDirectory: Sendable {
    private var byCode: [String: [LocalAuthority]] = [:]
    public private(set) var regions: [Region] = []

    /// Parses the lookup's CSV text: `region_code, region_name, old_la_code, la_name, new_la_code`.
    public init(csv text: String) throws(ReferenceDataError) {
        var regionsByCode: [String: Region] = [:]
        var lineNumber = 0
        for line in text.split(whereSeparator: \.isNewline) {
            lineNumber += 1
            let fields = CSVLine.fields(of: line)
            if lineNumber == 1 {
                guard fields == ["region_code", "region_name", "old_la_code", "la_name", "new_la_code"] else {
                    throw ReferenceDataError(
                        "LA lookup header must be region_code,region_name,old_la_code,la_name,new_la_code")
                }
                continue
            }
            guard fields.count == 5 else {
                throw ReferenceDataError("LA lookup line \(lineNumber) has \(fields.count) fields, expected 5")
            }
            let region = Region(code: fields[0], name: fields[1])
            regionsByCode[region.code] = region
            let code = fields[2]
            // `:` marks an old county with no DfE code; it can never appear in a return.
            guard code != ":" else { continue }
            let la = LocalAuthority(code: code, onsCode: fields[4], name: fields[3], region: region)
            byCode[code, default: []].append(la)
        }
        guard !byCode.isEmpty else { throw ReferenceDataError("LA lookup holds no local authorities") }
        regions = regionsByCode.values.sorted()
    }

    /// The LA with this DfE code and ONS code, or nil when the pair is not listed.
    public func authority(code: String, onsCode: String) -> LocalAuthority? {
        byCode[code]?.first { $0.onsCode == onsCode }
    }

    /// True when the DfE code is a known English LA (under any ONS code).
    public func isKnown(code: String) -> Bool { byCode[code] != nil }

    /// The current entry for a DfE code (the last row listed for it).
    public func authority(code: String) -> LocalAuthority? { byCode[code]?.last }

    /// The ONS codes listed for a DfE code, for error messages.
    public func onsCodes(code: String) -> [String] { byCode[code]?.map(\.onsCode) ?? [] }

    /// Every authority with a DfE code, current entry per code, ordered by code.
    public var authorities: [LocalAuthority] {
        byCode.keys.sorted().compactMap { authority(code: $0) }
    }
}

/// Shipped reference data (LA lookup, catalogue, policy) that cannot be used.
public struct ReferenceDataError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Splits one line of RFC 4180 CSV into fields (quotes doubled inside quoted fields).
enum CSVLine {
    static func fields(of line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var inQuotes = false
        var iterator = line.makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if ch == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { current.append("\"") } else { inQuotes = false; pending = next }
                    } else { inQuotes = false }
                } else { current.append(ch) }
            } else if ch == "\"" {
                inQuotes = true
            } else if ch == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        fields.append(current)
        return fields
    }
}
