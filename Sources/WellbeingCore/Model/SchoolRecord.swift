/// A school in a return, with the rolls of the year groups it surveyed.
public struct SchoolRecord: Hashable, Sendable {
    /// Unique Reference Number, 100000–999999.
    public var urn: Int
    /// LA code (3 digits) followed by the establishment number (4 digits).
    public var laestab: Int
    public var name: String
    public var phase: SchoolPhase
    /// Pupils on roll per surveyed year group (the response-rate denominator).
    public var enrolment: [YearGroup: Int]

    public init(urn: Int, laestab: Int, name: String, phase: SchoolPhase, enrolment: [YearGroup: Int] = [:]) {
        self.urn = urn
        self.laestab = laestab
        self.name = name
        self.phase = phase
        self.enrolment = enrolment
    }

    /// The LA part of the LAESTAB.
    public var laCode: Int { laestab / 10_000 }
}
