import WellbeingCore

/// A small, valid return written for a test: chosen LA, schools and pupils, with distinctive refs and real UPNs.
struct ReturnXML {
    /// An LA the shipped lookup knows.
    struct Authority {
        var code: Int
        var onsCode: String
        var name: String

        static let camden = Authority(code: 202, onsCode: "E09000007", name: "Camden")
        static let hackney = Authority(code: 204, onsCode: "E09000012", name: "Hackney")
    }

    /// A school and how many pupils it sends; pupil `i` of school `urn` has ref `R<urn>X<i>Q`.
    struct School {
        var urn: Int
        var establishment: Int
        var pupils: Int
        /// Added to every pupil's SAFE answer (kept within 1…5), so two returns for a school differ.
        var answerShift = 0
    }

    var authority = Authority.camden
    var returnId = "T-1"
    var wave = "2026AUT"
    var academicYear = "202627"
    var schools: [School]

    /// The pupil refs of every school, in document order.
    var refs: [String] {
        schools.flatMap { school in (0..<school.pupils).map { Self.ref(school: school.urn, pupil: $0) } }
    }

    /// The UPNs of every pupil (each pupil has one), in document order.
    var upns: [String] {
        schools.flatMap { school in (0..<school.pupils).map { upn(school: school, pupil: $0) } }
    }

    static func ref(school urn: Int, pupil: Int) -> String { "R\(urn)X\(pupil)Q" }

    /// A valid UPN: this LA and establishment, year 19, the pupil's serial, and the check letter that fits.
    func upn(school: School, pupil: Int) -> String {
        let rest = String(authority.code) + String(school.establishment) + "19" + Self.digits(pupil % 1000, 3)
        let letters = "ABCDEFGHJKLMNPQRTUVWXYZ"
        return letters.lazy.map { "\($0)" + rest }.first { (try? UniquePupilNumber(validating: $0)) != nil }!
    }

    var text: String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <WellbeingReturn xmlns="urn:school-wellbeing:return:1" schemaVersion="1.0">
              <Header>
                <ReturnId>\(returnId)</ReturnId>
                <Survey wave="\(wave)" academicYear="\(academicYear)" instrument="SRC-WB-1"/>
                <LocalAuthority laCode="\(authority.code)" onsCode="\(authority.onsCode)" name="\(authority.name)"/>
                <Generated>2026-11-02T10:15:00Z</Generated>
              </Header>

            """
        for school in schools {
            xml += """
                  <School urn="\(school.urn)" laestab="\(authority.code)\(school.establishment)" \
                name="School \(school.urn)" phase="secondary">

                """
            for pupil in 0..<school.pupils {
                let year = 7 + pupil % 5
                let sex = ["F", "M"][pupil % 2]
                let safe = 1 + (pupil + school.answerShift) % 5
                xml += """
                        <Pupil ref="\(Self.ref(school: school.urn, pupil: pupil))" \
                    upn="\(upn(school: school, pupil: pupil))" yearGroup="\(year)" sex="\(sex)">\
                    <Answer item="SAFE">\(safe)</Answer><Answer item="ENJOY">\(1 + pupil % 5)</Answer></Pupil>

                    """
            }
            xml += "    </School>\n"
        }
        return xml + "</WellbeingReturn>\n"
    }

    private static func digits(_ value: Int, _ count: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, count - text.count)) + text
    }
}
