import WellbeingCore

/// A stored return's receipt as the API gives it.
struct ReceiptJSON: Encodable {
    let id: Int64
    let name: String
    let sha256: String
    let returnId: String
    let localAuthority: String
    let wave: String
    let academicYear: String
    let schools: Int
    let countingSchools: Int
    let pupils: Int
    let warnings: Int
    let received: String
    let status: String
    let withdrawn: String?
    /// True when this upload was identical to a return already stored (nothing changed).
    let duplicate: Bool?

    init(_ receipt: StoredReturn, duplicate: Bool? = nil) {
        id = receipt.id
        name = receipt.name
        sha256 = receipt.sha256
        returnId = receipt.header.returnId
        localAuthority = receipt.header.localAuthority.code
        wave = receipt.header.wave.code
        academicYear = receipt.header.academicYear.code
        schools = receipt.schools
        countingSchools = receipt.countingSchools
        pupils = receipt.pupils
        warnings = receipt.warnings
        received = receipt.received
        status = receipt.status.rawValue
        withdrawn = receipt.withdrawn
        self.duplicate = duplicate
    }
}
