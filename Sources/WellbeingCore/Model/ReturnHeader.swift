/// The header of a validated return: who sent it, for which wave and instrument.
public struct ReturnHeader: Hashable, Sendable {
    public var returnId: String
    public var wave: SurveyWave
    public var academicYear: AcademicYear
    public var instrumentID: String
    public var localAuthority: LocalAuthority
    /// The `Generated` timestamp as written (ISO 8601 with zone).
    public var generated: String
    public var software: String?

    public init(returnId: String, wave: SurveyWave, academicYear: AcademicYear, instrumentID: String,
                localAuthority: LocalAuthority, generated: String, software: String? = nil) {
        self.returnId = returnId
        self.wave = wave
        self.academicYear = academicYear
        self.instrumentID = instrumentID
        self.localAuthority = localAuthority
        self.generated = generated
        self.software = software
    }
}
