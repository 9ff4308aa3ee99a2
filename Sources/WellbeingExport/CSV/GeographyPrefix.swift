import WellbeingCore

/// The time and geography fields that open a row, encoded once per unit and reused for its rows.
///
/// A school has hundreds of rows and a national export millions, all with the
/// same first thirteen fields per unit; the CSV and JSON writers share this
/// cache and differ only in how a field is encoded.
struct GeographyPrefix {
    private var bytes: [UInt8] = []
    private var geography: Geography?
    private let encode: (String, inout [UInt8]) -> Void

    /// - Parameter encode: appends one field's encoding; a comma follows each field.
    init(encode: @escaping (String, inout [UInt8]) -> Void) {
        self.encode = encode
    }

    /// Appends the row's encoded time and geography fields, each followed by a comma.
    mutating func append(for row: PublishedRow, to buffer: inout [UInt8]) {
        if row.geography != geography {
            geography = row.geography
            bytes.removeAll(keepingCapacity: true)
            for field in EESLayout.geographyFields(timePeriod: row.timePeriod, geography: row.geography) {
                encode(field, &bytes)
                bytes.append(UInt8(ascii: ","))
            }
        }
        buffer.append(contentsOf: bytes)
    }
}
