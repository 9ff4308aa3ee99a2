/// A return's `Header` as read, before any check: texts exactly as written.
///
/// A nil element means the element is absent, which is a structural fault the
/// XSD reports; a nil attribute of a present element is the validator's to report.
public struct RawHeader: Sendable {
    /// The `Survey` element.
    public struct Survey: Sendable {
        public var location: SourceLocation
        public var wave: String?
        public var academicYear: String?
        public var instrument: String?

        public init(location: SourceLocation, wave: String? = nil, academicYear: String? = nil,
                    instrument: String? = nil) {
            self.location = location
            self.wave = wave
            self.academicYear = academicYear
            self.instrument = instrument
        }
    }

    /// The `LocalAuthority` element.
    public struct Authority: Sendable {
        public var location: SourceLocation
        public var laCode: String?
        public var onsCode: String?
        public var name: String?

        public init(location: SourceLocation, laCode: String? = nil, onsCode: String? = nil, name: String? = nil) {
            self.location = location
            self.laCode = laCode
            self.onsCode = onsCode
            self.name = name
        }
    }

    public var location: SourceLocation
    public var returnId: String?
    public var survey: Survey?
    public var localAuthority: Authority?
    public var generated: String?
    public var software: String?

    public init(location: SourceLocation, returnId: String? = nil, survey: Survey? = nil,
                localAuthority: Authority? = nil, generated: String? = nil, software: String? = nil) {
        self.location = location
        self.returnId = returnId
        self.survey = survey
        self.localAuthority = localAuthority
        self.generated = generated
        self.software = software
    }
}
