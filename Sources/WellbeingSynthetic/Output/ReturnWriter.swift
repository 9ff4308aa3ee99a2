import WellbeingCore

/// Streams one LA's planned schools out as a return (return-format.md), pupil by pupil.
///
/// Every tag and attribute is prepared once as bytes; the per-pupil loop only
/// draws random numbers, copies those fragments and formats small integers,
/// so it runs at hundreds of megabytes a second with no Foundation and no
/// allocation.
struct ReturnWriter {
    private let parameters: SyntheticWaveParameters
    private let model: AnswerModel
    private let upns: UPNAllocator
    private let upnShare: Probability

    // Prepared fragments.
    private let answerOpen: [[UInt8]]
    private let answerClose = Array("</Answer>\n".utf8)
    /// Per item: the whole line for each ``MissingKind``.
    private let missingLines: [[[UInt8]]]
    private let pupilOpen = Array("    <Pupil ref=\"".utf8)
    private let upnAttribute = Array("\" upn=\"".utf8)
    private let yearAttributes: [[UInt8]]
    private let sexAttributes: [[UInt8]]
    private let fsmAttributes = [Array(" fsm=\"true\"".utf8), Array(" fsm=\"false\"".utf8)]
    private let senAttributes: [[UInt8]]
    private let ethnicityAttributes: [[UInt8]]
    private let pupilOpenEnd = Array(">\n".utf8)
    private let pupilClose = Array("    </Pupil>\n".utf8)

    /// Ways an asked item can be left without a value, in the order their shares are drawn.
    private enum MissingKind: Int, CaseIterable {
        case dontKnow, refused, absent, notAsked
        /// Shares: don't know is commonest, an explicit `not-asked` rare.
        static let choice = WeightedChoice(weights: [0.45, 0.30, 0.20, 0.05])
        /// Stored in the answer slot; below every valid value.
        var slot: Int { -2 - rawValue }
    }

    /// The most bytes written between two flush checks: one school's opening or one pupil.
    private var headroom: Int {
        let answers = zip(answerOpen, missingLines).reduce(0) { total, item in
            total + max(item.0.count + 4 + answerClose.count, item.1.map(\.count).max() ?? 0)
        }
        return max(64 << 10, 2 * (answers + 512))
    }

    /// Marks an item the pupil was not asked (outside its years).
    private static let notInYears = -1

    init(instrument: Instrument, parameters: SyntheticWaveParameters, academicYear: AcademicYear) {
        self.parameters = parameters
        model = AnswerModel(instrument: instrument, missingRate: parameters.missingRate)
        upns = UPNAllocator(academicYear: academicYear)
        upnShare = Probability(parameters.upnShare)
        answerOpen = instrument.items.map { Array("      <Answer item=\"\($0.code)\">".utf8) }
        missingLines = instrument.items.map { item in
            MissingKind.allCases.map { kind in
                switch kind {
                case .dontKnow: Array("      <Answer item=\"\(item.code)\" missing=\"dont-know\"/>\n".utf8)
                case .refused: Array("      <Answer item=\"\(item.code)\" missing=\"refused\"/>\n".utf8)
                case .notAsked: Array("      <Answer item=\"\(item.code)\" missing=\"not-asked\"/>\n".utf8)
                case .absent: []
                }
            }
        }
        yearAttributes = (0...13).map { Array("\" yearGroup=\"\(YearGroup($0)!.code)\"".utf8) }
        sexAttributes = SchoolDemographics.sexCodes.map { Array(" sex=\"\($0)\"".utf8) }
        senAttributes = SchoolDemographics.senCodes.map { $0.isEmpty ? [] : Array(" sen=\"\($0)\"".utf8) }
        ethnicityAttributes = EthnicityMajor.mainCodes.map { Array(" ethnicity=\"\($0)\"".utf8) } + [[]]
    }

    /// Writes the whole return; `progress` gets the pupils written so far at every flush.
    func write(_ plan: WavePlanner.AuthorityPlan, header: String, to sink: inout some ByteSink,
               progress: (Int) -> Void) throws {
        let buffer = XMLByteBuffer(headroom: headroom)
        buffer.append(Array(header.utf8))
        var answers = Array(repeating: 0, count: model.rules.count)
        var upn = UPNAllocator.Buffer()
        var written = 0
        for school in plan.schools {
            writeSchoolStart(school, to: buffer)
            var random = SeededRandom(seed: parameters.seed, stream: school.stream)
            var serial = 0
            for yearGroup in school.yearGroups {
                for indexInYear in 0..<yearGroup.respondents {
                    serial += 1
                    let hasUPN = random.chance(upnShare)
                        && upns.make(laestab: school.laestab, year: yearGroup.year, index: indexInYear, into: &upn)
                    writePupil(school: school, year: yearGroup.year, serial: serial, upn: hasUPN ? upn : nil,
                               answers: &answers, random: &random, to: buffer)
                    written += 1
                    if buffer.isFull {
                        try buffer.flush(to: &sink)
                        progress(written)
                    }
                }
            }
            buffer.append(Array("  </School>\n".utf8))
        }
        buffer.append(Array("</WellbeingReturn>\n".utf8))
        try buffer.flush(to: &sink)
        progress(written)
    }

    private func writeSchoolStart(_ school: SchoolPlan, to buffer: XMLByteBuffer) {
        buffer.append(Array("  <School urn=\"\(school.urn)\" laestab=\"\(school.laestab)\" name=\"".utf8))
        buffer.append(.xmlEscaped(school.name))
        buffer.append(Array("\" phase=\"\(school.phase.rawValue)\">\n".utf8))
        for yearGroup in school.yearGroups {
            let enrolment = "    <Enrolment yearGroup=\"\(yearGroup.year)\" onRoll=\"\(yearGroup.onRoll)\"/>\n"
            buffer.append(Array(enrolment.utf8))
        }
    }

    @inline(__always)
    private func writePupil(school: SchoolPlan, year: Int, serial: Int, upn: UPNAllocator.Buffer?,
                            answers: inout [Int], random: inout SeededRandom, to buffer: XMLByteBuffer) {
        let demographics = school.demographics
        let sex = demographics.sex.draw(using: &random)
        let fsmKnown = !random.chance(SchoolDemographics.fsmUnknown)
        // Drawn even when unrecorded: the pupil's circumstances shape their answers either way.
        let fsm = random.chance(demographics.freeSchoolMeals)
        let sen = demographics.sen.draw(using: &random)
        let ethnicity = demographics.ethnicity.draw(using: &random)
        let traits = PupilTraits(year: year, sex: sex, freeMeals: fsm, sen: sen, schoolEffect: school.effect,
                                 random: &random)
        fillAnswers(&answers, traits: traits, random: &random)

        buffer.append(pupilOpen)
        buffer.append(school.refLetter)
        buffer.append(decimal: year)
        buffer.append(UInt8(ascii: "-"))
        buffer.append(decimal: serial, width: 4)
        if let upn {
            buffer.append(upnAttribute)
            upn.append(to: buffer)
        }
        buffer.append(yearAttributes[year])
        buffer.append(sexAttributes[sex])
        if fsmKnown { buffer.append(fsmAttributes[fsm ? 0 : 1]) }
        buffer.append(senAttributes[sen])
        buffer.append(ethnicityAttributes[ethnicity])
        buffer.append(pupilOpenEnd)
        for (item, slot) in answers.enumerated() {
            if slot >= 0 {
                buffer.append(answerOpen[item])
                buffer.append(decimal: slot)
                buffer.append(answerClose)
            } else if slot != Self.notInYears {
                buffer.append(missingLines[item][-2 - slot])
            }
        }
        buffer.append(pupilClose)
    }

    /// Decides every item's answer (value or missing kind) for one pupil.
    @inline(__always)
    private func fillAnswers(_ answers: inout [Int], traits: PupilTraits, random: inout SeededRandom) {
        for index in answers.indices {
            let rule = model.rules[index]
            if !rule.years.contains(traits.year) {
                answers[index] = Self.notInYears
            } else if random.chance(rule.missing) {
                answers[index] = MissingKind(rawValue: MissingKind.choice.draw(using: &random))!.slot
            } else {
                answers[index] = model.value(index, traits: traits, random: &random)
            }
        }
        guard !parameters.allowsStraightLining, let last = model.swemwbsItems.last else { return }
        let first = answers[model.swemwbsItems[0]]
        guard first >= 0, model.swemwbsItems.allSatisfy({ answers[$0] == first }) else { return }
        // Nudging one item by one point keeps the score almost unchanged.
        let range = model.rules[last].values
        if first < range.upperBound {
            answers[last] = first + 1
        } else if first > range.lowerBound {
            answers[last] = first - 1
        }
    }
}
