/// Checks a return's content, rule by rule (return-format.md, "Validation"), as a reader streams it.
///
/// A reader feeds the raw elements in document order — ``begin(schemaVersion:at:)``,
/// ``header(_:)``, then per school ``school(_:)``, each ``pupil(_:)`` and
/// ``endSchool()`` — and finally calls ``finish()``. Each call logs every
/// problem it finds and returns the typed value when that value may be handed
/// on. Memory depends on the schools in a return, never on its pupils: pupil
/// refs are remembered per school, UPNs by the ``UPNRegistry``.
///
/// The validator owns every value it turns into a typed value (codes, numbers,
/// identifiers, answers), so it reports those problems itself — under the
/// specific code where the spec has one, otherwise E101 — and never prints a
/// pupil's values. Free text (`ReturnId`, names, `Generated`, `Software`) and
/// the document's structure are the XSD's to check.
public struct ReturnValidator {
    /// The instruments a return may name, by id.
    public let instruments: [String: Instrument]
    public let localAuthorities: LocalAuthorityDirectory
    public internal(set) var log: DiagnosticLog
    var upnRegistry: any UPNRegistry

    /// The header, once it has been read and found valid.
    public internal(set) var header: ReturnHeader?
    /// The header's LA code when it is three digits, which every LAESTAB must start with.
    var returnLACode: String?
    /// The instrument the header names, when known; answers are checked against it.
    var instrument: Instrument?
    /// The instrument's item codes, valid values and years, by item index, copied out once so that
    /// checking an answer touches no strings or dictionaries.
    var itemCodes: [String] = []
    var itemValues: [ClosedRange<Int>] = []
    var itemYears: [ClosedRange<Int>] = []
    /// The item index the next answer most likely names.
    var nextItemGuess = 0
    /// Item indices of SWEMWBS1…SWEMWBS7 when the instrument has all seven (for W203).
    var swemwbsItems: [Int] = []
    /// Where each school URN was first seen (E113).
    var schoolLocations: [Int: SourceLocation] = [:]
    /// The school being read, between ``school(_:)`` and ``endSchool()``.
    var school: SchoolState?
    /// An emptied pupil-ref table kept for the next school, so that each school does not grow one afresh
    /// (its size follows the largest school, not the return).
    var spareRefs: [String: SourceLocation] = [:]
    /// Reused per pupil so that checking answers does not allocate.
    var answers = AnswerSet(itemCount: 0)
    var answered: [Bool] = []

    public internal(set) var schoolCount = 0
    /// Every `Pupil` element read.
    public internal(set) var pupilCount = 0
    /// Pupils handed on: valid, in a valid school, with at least one valid answer.
    public internal(set) var acceptedPupilCount = 0

    public init(instruments: [Instrument], localAuthorities: LocalAuthorityDirectory, upnRegistry: any UPNRegistry,
                diagnosticLimit: Int = DiagnosticLog.defaultLimit) {
        self.instruments = Dictionary(instruments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.localAuthorities = localAuthorities
        self.upnRegistry = upnRegistry
        self.log = DiagnosticLog(limit: diagnosticLimit)
    }

    /// True while no error has been logged.
    public var isValid: Bool { !log.hasErrors }

    /// Logs a diagnostic found outside the validator (well-formedness, schema, limits).
    public mutating func report(_ diagnostic: Diagnostic) {
        log.append(diagnostic)
    }

    /// Checks the root's `schemaVersion` (E102).
    public mutating func begin(schemaVersion: String?, at location: SourceLocation) {
        guard let schemaVersion else {
            log.append(Diagnostic(.e102, at: location,
                                  "WellbeingReturn has no schemaVersion attribute; write schemaVersion=\"1.0\"."))
            return
        }
        if schemaVersion != "1.0" {
            log.append(Diagnostic(.e102, at: location, "schemaVersion \(Self.quoted(schemaVersion)) is not supported;"
                                    + " this system reads version 1.0 (schemaVersion=\"1.0\")."))
        }
    }

    /// Reports duplicate UPNs (E122); call once, after the last school.
    public mutating func finish() throws(UPNRegistryError) {
        var found: [UPNDuplicate] = []
        try upnRegistry.forEachDuplicate { found.append($0) }
        for duplicate in found {
            let first = duplicate.first
            let firstSchool = first.schoolURN.map { " (school \($0))" } ?? ""
            log.append(Diagnostic(.e122, at: duplicate.occurrence.location,
                                  school: duplicate.occurrence.schoolURN.map(String.init),
                                  pupil: duplicate.occurrence.pupilRef,
                                  "this UPN is also the UPN of the pupil at line \(first.location.line)\(firstSchool);"
                                    + " each pupil's UPN must appear once in a return."))
        }
    }

    /// Shows a value from the file in a message, quoted and cut short; never used for pupil data.
    static func quoted(_ text: String) -> String {
        let limit = 40
        return text.count <= limit ? "\"\(text)\"" : "\"\(text.prefix(limit))…\""
    }
}
