import Testing
import WellbeingCore
import WellbeingIngest

/// Reading with the validator and visitor on a second core gives exactly what reading on one does.
struct BackgroundSinkTests {
    /// The same recording in a class: not Sendable, so the reader visits it on the calling thread.
    final class CallerThreadVisitor: ReturnVisitor {
        var recording = RecordingVisitor()

        func begin(_ header: ReturnHeader) { recording.begin(header) }
        func school(_ school: SchoolRecord) { recording.school(school) }
        func pupil(_ pupil: PupilResponse) { recording.pupil(pupil) }
        func endSchool() { recording.endSchool() }
        func end(valid: Bool) { recording.end(valid: valid) }
    }

    /// Enough pupils for many batches, with problems the validator finds, problems libxml2 reports
    /// at a pupil's end tag, and duplicates that span batches.
    static func manyPupils(count: Int) -> String {
        let pupils = (1...count).map { index in
            let answers = index % 97 == 0 ? #"<Answer item="SAFE">9</Answer>"# : #"<Answer item="SAFE">4</Answer>"#
            let ref = index % 389 == 0 ? "P\(index - 300)" : "P\(index)"
            let tail = index % 255 == 0 ? "stray text" : ""
            return #"<Pupil ref="\#(ref)" yearGroup="7" sex="F">\#(answers)\#(tail)</Pupil>"#
        }
        return IngestTestSupport.camdenReturn(pupils: pupils)
    }

    @Test(arguments: [1, 300, 3000])
    func secondCoreGivesTheSameReportAndVisits(pupils: Int) throws {
        let bytes = Array(Self.manyPupils(count: pupils).utf8)
        let reader = IngestTestSupport.reader()
        let callerThread = CallerThreadVisitor()
        var direct = callerThread
        let directReport = try reader.read(from: ByteArraySource(bytes), named: "t", into: &direct)
        var background = RecordingVisitor()
        // Sendable (or this line would not compile), so the reader takes it to a second core.
        let _: any ReturnVisitor & Sendable = background
        let backgroundReport = try reader.read(from: ByteArraySource(bytes), named: "t", into: &background)

        #expect(backgroundReport.diagnostics == directReport.diagnostics)
        #expect(backgroundReport.errorCount == directReport.errorCount)
        #expect(backgroundReport.pupilCount == pupils)
        #expect(backgroundReport.acceptedPupilCount == directReport.acceptedPupilCount)
        #expect(backgroundReport.sha256 == directReport.sha256)
        #expect(background.events == callerThread.recording.events)
        if pupils == 3000 {
            // The problems above are all there, named by pupil where the pupil is known.
            #expect(Set(directReport.diagnostics.map(\.code)) == [.e101, .e121, .e131])
            #expect(directReport.diagnostics.filter { $0.code == .e101 }.allSatisfy { $0.pupilRef != nil })
        }
    }
}
