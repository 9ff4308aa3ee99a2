import WellbeingCore

/// The time and geography fields that open a row, the same for every row of a unit.
///
/// A school has hundreds of rows and a national export millions, so the CSV and
/// JSON writers encode these thirteen fields once per unit and copy the bytes to
/// each of its rows; they differ only in how a field is encoded.
enum GeographyPrefix {
    /// The row's encoded time and geography fields, each followed by a comma.
    ///
    /// - Parameter encode: appends one field's encoding.
    static func bytes(for row: PublishedRow, encode: (String, inout [UInt8]) -> Void) -> [UInt8] {
        var bytes: [UInt8] = []
        for field in EESLayout.geographyFields(timePeriod: row.timePeriod, geography: row.geography) {
            encode(field, &bytes)
            bytes.append(UInt8(ascii: ","))
        }
        return bytes
    }
}
