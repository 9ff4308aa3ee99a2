public import WellbeingCore

/// What to generate: how many pupils, schools and local authorities, from which seed.
///
/// The same parameters (with the same catalogue and LA lookup) always give
/// byte-identical returns.
public struct SyntheticWaveParameters: Sendable, Hashable {
    /// Respondents in the whole wave, summed over every school.
    public var pupils: Int
    /// Schools in the whole wave; each has at least one respondent.
    public var schools: Int
    /// Local authorities; one return each.
    public var localAuthorityCount: Int
    public var seed: UInt64
    public var wave: SurveyWave
    /// Share of pupils whose record carries a UPN (the rest are anonymous).
    public var upnShare: Double
    /// Roughly the share of asked items left unanswered (refused, don't know or absent);
    /// sensitive items are skipped a little more often, the well-being scale a little less.
    public var missingRate: Double
    /// When false, no pupil gives the same answer to all seven SWEMWBS items (no W203 warnings).
    public var allowsStraightLining: Bool
    /// DfE codes of the LAs to use; empty means `localAuthorityCount` real LAs picked from the seed,
    /// spread over the regions.
    public var localAuthorityCodes: [String]

    public init(pupils: Int, schools: Int, localAuthorityCount: Int = 1, seed: UInt64,
                wave: SurveyWave = SurveyWave(year: 2026, term: .autumn), upnShare: Double = 0.7,
                missingRate: Double = 0.03, allowsStraightLining: Bool = true, localAuthorityCodes: [String] = []) {
        self.pupils = pupils
        self.schools = schools
        self.localAuthorityCount = localAuthorityCount
        self.seed = seed
        self.wave = wave
        self.upnShare = upnShare
        self.missingRate = missingRate
        self.allowsStraightLining = allowsStraightLining
        self.localAuthorityCodes = localAuthorityCodes
    }

    /// The academic year a wave falls in: autumn starts one, spring and summer end it.
    public var academicYear: AcademicYear {
        AcademicYear(startYear: wave.term == .autumn ? wave.year : wave.year - 1)
    }

    /// Establishment numbers are four digits from 1000, so an LA can hold at most this many schools.
    public static let maximumSchoolsPerAuthority = 9000

    /// Checks the parameters against each other, saying what to change.
    func check(knownAuthorities: Int) throws(SyntheticWaveError) {
        guard pupils >= 1 else { throw SyntheticWaveError("--pupils must be at least 1 (got \(pupils))") }
        guard schools >= 1 else { throw SyntheticWaveError("--schools must be at least 1 (got \(schools))") }
        guard localAuthorityCount >= 1 else {
            throw SyntheticWaveError("--las must be at least 1 (got \(localAuthorityCount))")
        }
        guard schools <= pupils else {
            throw SyntheticWaveError("--schools (\(schools)) is more than --pupils (\(pupils)); "
                + "every school needs at least one respondent, so use at most \(pupils) schools")
        }
        guard localAuthorityCount <= schools else {
            throw SyntheticWaveError("--las (\(localAuthorityCount)) is more than --schools (\(schools)); "
                + "every LA's return needs at least one school")
        }
        guard localAuthorityCount <= knownAuthorities else {
            throw SyntheticWaveError("--las (\(localAuthorityCount)) is more than the \(knownAuthorities) "
                + "English LAs in the lookup")
        }
        guard schools <= localAuthorityCount * Self.maximumSchoolsPerAuthority else {
            throw SyntheticWaveError("\(schools) schools do not fit in \(localAuthorityCount) LA(s): an LA has "
                + "at most \(Self.maximumSchoolsPerAuthority) establishment numbers; use more LAs")
        }
        guard schools <= 900_000 else {
            throw SyntheticWaveError("--schools must be at most 900000, the number of distinct URNs")
        }
        guard (0...1).contains(upnShare) else {
            throw SyntheticWaveError("--upn-share must be between 0 and 1 (got \(upnShare)), e.g. 0.7")
        }
        guard (0...1).contains(missingRate) else {
            throw SyntheticWaveError("--missing-rate must be between 0 and 1 (got \(missingRate)), e.g. 0.03")
        }
        guard (1900...2199).contains(wave.year) else {
            throw SyntheticWaveError("--wave year \(wave.year) is out of range; use e.g. 2026AUT")
        }
        guard localAuthorityCodes.isEmpty || localAuthorityCodes.count == localAuthorityCount else {
            throw SyntheticWaveError("\(localAuthorityCodes.count) LA codes were given but --las is "
                + "\(localAuthorityCount); give one code per LA")
        }
        guard Set(localAuthorityCodes).count == localAuthorityCodes.count else {
            throw SyntheticWaveError("an LA code is given twice; each LA gets one return")
        }
    }
}

/// Parameters that cannot produce a wave, with what to change.
public struct SyntheticWaveError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
