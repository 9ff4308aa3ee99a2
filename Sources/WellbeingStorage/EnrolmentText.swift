import WellbeingCore

/// A school's rolls per year group as stored: `year:onRoll` pairs, youngest first, space-separated (`7:182 8:150`).
enum EnrolmentText {
    static func encode(_ enrolment: [YearGroup: Int]) -> String {
        enrolment.sorted { $0.key < $1.key }.map { "\($0.key.code):\($0.value)" }.joined(separator: " ")
    }

    /// The rolls back; nil when the text is damaged.
    static func decode(_ text: String) -> [YearGroup: Int]? {
        var enrolment: [YearGroup: Int] = [:]
        for pair in text.split(separator: " ") {
            let parts = pair.split(separator: ":")
            guard parts.count == 2, let year = YearGroup(code: parts[0]), let onRoll = Int(parts[1]) else { return nil }
            enrolment[year] = onRoll
        }
        return enrolment
    }
}
