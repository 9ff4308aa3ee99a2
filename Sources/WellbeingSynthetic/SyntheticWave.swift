public import WellbeingCore

/// A synthetic survey wave: realistic, seeded returns for demos, tests and benchmarks.
///
/// Creating a wave plans every LA and school (cheap); ``write(returnAt:to:progress:)``
/// then streams one LA's return as XML, so memory stays flat however many
/// pupils there are. The same parameters always give the same bytes.
///
/// ```swift
/// let wave = try SyntheticWave(SyntheticWaveParameters(pupils: 5_000, schools: 20, seed: 1),
///                              instrument: reference.catalogue.instrument,
///                              authorities: reference.localAuthorities)
/// var bytes: [UInt8] = []
/// try wave.write(returnAt: 0, to: &bytes)
/// ```
public struct SyntheticWave: Sendable {
    /// What one of the wave's returns will hold.
    public struct Return: Sendable, Hashable {
        public let authority: LocalAuthority
        public let returnId: String
        public let schools: Int
        public let pupils: Int
    }

    public let parameters: SyntheticWaveParameters
    /// One return per LA, in the order the LAs were chosen.
    public let returns: [Return]
    private let plans: [WavePlanner.AuthorityPlan]
    private let instrument: Instrument

    /// Plans the wave; fails with a message saying what to change when the parameters cannot work.
    public init(_ parameters: SyntheticWaveParameters, instrument: Instrument,
                authorities directory: LocalAuthorityDirectory) throws(SyntheticWaveError) {
        try parameters.check(knownAuthorities: directory.authorities.count)
        let authorities = try AuthorityPicker.authorities(
            codes: parameters.localAuthorityCodes, count: parameters.localAuthorityCount, directory: directory,
            seed: parameters.seed)
        var planner = WavePlanner(parameters: parameters)
        plans = planner.plan(authorities: authorities)
        self.parameters = parameters
        self.instrument = instrument
        returns = plans.map { plan in
            Return(authority: plan.authority, returnId: Self.returnId(plan.authority, parameters.wave),
                   schools: plan.schools.count, pupils: plan.schools.reduce(0) { $0 + $1.pupils })
        }
    }

    /// Writes the return at `index` of ``returns`` to `sink`, in chunks of about a megabyte;
    /// `progress` is told the pupils written so far after each chunk.
    public func write(returnAt index: Int, to sink: inout some ByteSink,
                      progress: (Int) -> Void = { _ in }) throws {
        let writer = ReturnWriter(instrument: instrument, parameters: parameters,
                                  academicYear: parameters.academicYear)
        try writer.write(plans[index], header: header(index), to: &sink, progress: progress)
    }

    private static func returnId(_ authority: LocalAuthority, _ wave: SurveyWave) -> String {
        "LA\(authority.code)-\(wave.code)-01"
    }

    /// The XML declaration, root start tag and header of a return.
    private func header(_ index: Int) -> String {
        let authority = returns[index].authority
        let wave = parameters.wave
        // A fixed, plausible submission date in the term (never the clock, so output is reproducible).
        let month = switch wave.term {
        case .autumn: "11"
        case .spring: "03"
        case .summer: "06"
        }
        let day = 2 + index % 20
        let name = String(decoding: [UInt8].xmlEscaped(authority.name), as: UTF8.self)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <WellbeingReturn xmlns="urn:school-wellbeing:return:1" schemaVersion="1.0">
              <Header>
                <ReturnId>\(returns[index].returnId)</ReturnId>
                <Survey wave="\(wave.code)" academicYear="\(parameters.academicYear.code)" \
            instrument="\(String(decoding: [UInt8].xmlEscaped(instrument.id), as: UTF8.self))"/>
                <LocalAuthority laCode="\(authority.code)" onsCode="\(authority.onsCode)" name="\(name)"/>
                <Generated>\(wave.year)-\(month)-\(day < 10 ? "0" : "")\(day)T10:15:00Z</Generated>
                <Software>wellbeing generate: synthetic data, seed \(parameters.seed)</Software>
              </Header>

            """
    }
}
