import GRDB
import WellbeingCore

extension StoredReturn {
    /// A receipt from a `submission` row with its `counting_schools`.
    init(row: Row) throws {
        guard let wave = SurveyWave(code: row["wave"] as String),
              let academicYear = AcademicYear(code: row["academic_year"] as String)
        else {
            throw StoreError(.database, "stored return \(row["id"] as Int64) has a damaged wave or academic year;"
                             + " restore the store from a backup.")
        }
        let region = Region(code: row["region_code"], name: row["region_name"])
        let authority = LocalAuthority(code: row["la_code"], onsCode: row["la_ons_code"], name: row["la_name"],
                                       region: region)
        let header = ReturnHeader(returnId: row["return_id"], wave: wave, academicYear: academicYear,
                                  instrumentID: row["instrument"], localAuthority: authority,
                                  generated: row["generated"], software: row["software"])
        let withdrawn: String? = row["withdrawn"]
        self.init(id: row["id"], name: row["name"], sha256: row["sha256"], header: header,
                  catalogueVersion: row["catalogue_version"], schools: row["school_count"],
                  pupils: row["pupil_count"], warnings: row["warning_count"], received: row["received"],
                  status: withdrawn == nil ? .accepted : .withdrawn, withdrawn: withdrawn,
                  countingSchools: row["counting_schools"])
    }
}
