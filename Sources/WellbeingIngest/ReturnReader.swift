import Foundation
public import WellbeingCore

/// Reads a return in one streaming pass: parses it with libxml2, checks it
/// against the XSD and every rule of the format, and hands each valid pupil to
/// a visitor as it goes.
///
/// Memory does not grow with the file: no tree is built, pupil refs are
/// remembered per school, and UPNs spill to scratch files when there are many.
/// A reader holds only values and may be shared; each read is independent.
public struct ReturnReader: Sendable {
    public var schema: ReturnSchema
    /// The instruments returns may name.
    public var instruments: [Instrument]
    public var localAuthorities: LocalAuthorityDirectory
    public var limits: ReadLimits
    /// How many diagnostics a report lists.
    public var diagnosticLimit: Int
    /// Where the duplicate-UPN check may put scratch files (large returns only).
    public var scratchDirectory: String

    public init(schema: ReturnSchema, instruments: [Instrument], localAuthorities: LocalAuthorityDirectory,
                limits: ReadLimits = ReadLimits(), diagnosticLimit: Int = DiagnosticLog.defaultLimit,
                scratchDirectory: String? = nil) {
        self.schema = schema
        self.instruments = instruments
        self.localAuthorities = localAuthorities
        self.limits = limits
        self.diagnosticLimit = diagnosticLimit
        self.scratchDirectory = scratchDirectory ?? FileManager.default.temporaryDirectory.path
    }

    /// Reads the return in the file at `path`.
    ///
    /// Throws only when the file cannot be read at all; everything wrong with its content is in the report.
    /// - Parameter progress: told of the bytes as they are read (the caller begins the step: it knows the total).
    public func read(file path: String, into visitor: inout some ReturnVisitor,
                     progress: (any ProgressReporter)? = nil) throws(ReturnReadError) -> ValidationReport
    {
        try read(file: path, into: &visitor, inBackground: false, progress: progress)
    }

    /// Reads the return in the file at `path`, validating and visiting on a second core while this one parses.
    ///
    /// Chosen for a visitor that may be used from another thread; the result is the same as reading on one.
    public func read(file path: String, into visitor: inout some ReturnVisitor & Sendable,
                     progress: (any ProgressReporter)? = nil) throws(ReturnReadError) -> ValidationReport
    {
        try read(file: path, into: &visitor, inBackground: true, progress: progress)
    }

    /// Reads a return from any byte source, such as a request body; `name` labels the report.
    ///
    /// When the read fails part-way the visitor is ended as invalid before the error is thrown.
    public func read(from source: some ReturnByteSource, named name: String, into visitor: inout some ReturnVisitor,
                     progress: (any ProgressReporter)? = nil) throws(ReturnReadError) -> ValidationReport
    {
        try read(from: source, named: name, into: &visitor, inBackground: false, progress: progress)
    }

    /// Reads a return from any byte source, validating and visiting on a second core while this one parses.
    public func read(from source: some ReturnByteSource, named name: String,
                     into visitor: inout some ReturnVisitor & Sendable,
                     progress: (any ProgressReporter)? = nil) throws(ReturnReadError) -> ValidationReport
    {
        try read(from: source, named: name, into: &visitor, inBackground: true, progress: progress)
    }

    /// Reads the file; `inBackground` runs the validator and the visitor on a second thread.
    private func read(file path: String, into visitor: inout some ReturnVisitor, inBackground: Bool,
                      progress: (any ProgressReporter)?) throws(ReturnReadError) -> ValidationReport
    {
        let source = try FileByteSource(path: path)
        // An oversized file is refused before a byte of it is parsed.
        guard source.size <= limits.maxBytes else {
            var log = DiagnosticLog(limit: diagnosticLimit)
            log.append(limits.oversizeDiagnostic)
            // Skipped counts as done, so a bar over several files still ends full.
            progress?.advance(by: source.size)
            visitor.end(valid: false)
            return ValidationReport(file: path, sha256: nil, byteCount: source.size, header: nil, schoolCount: 0,
                                    pupilCount: 0, acceptedPupilCount: 0, diagnostics: log.diagnostics,
                                    errorCount: log.errorCount, warningCount: log.warningCount,
                                    truncatedCount: log.truncatedCount)
        }
        return try read(from: source, named: path, into: &visitor, inBackground: inBackground, progress: progress)
    }

    /// Reads from the source; `inBackground` runs the validator and the visitor on a second thread.
    private func read(from source: some ReturnByteSource, named name: String, into visitor: inout some ReturnVisitor,
                      inBackground: Bool, progress: (any ProgressReporter)?) throws(ReturnReadError)
        -> ValidationReport
    {
        let pump = InputPump(source: source, maxBytes: limits.maxBytes, progress: progress)
        var checked = ReturnValidator(instruments: instruments, localAuthorities: localAuthorities,
                                      upnRegistry: SpillingUPNRegistry(directory: scratchDirectory),
                                      diagnosticLimit: diagnosticLimit)
        let failure: ReturnReadError? = withUnsafeMutablePointer(to: &visitor) { visitor in
            let sink = ValidatingSink(validator: checked, visitor: visitor)
            defer { checked = sink.validator }
            guard inBackground else {
                return ReturnEventParser.run(sink: sink, limits: limits, pump: pump, schema: schema)
            }
            // libxml2 keeps this thread busy; the validator and the visitor follow on another.
            let background = BackgroundSink(target: sink, input: pump)
            defer { background.finish() }
            return ReturnEventParser.run(sink: background, limits: limits, pump: pump, schema: schema)
        }
        // The parser reports a limit reached while it reads; the rest of the input is only hashed.
        let reportedOversize = pump.exceededLimit
        if failure == nil, pump.failure == nil { pump.drain() }
        if pump.exceededLimit, !reportedOversize { checked.report(limits.oversizeDiagnostic) }
        if let failure = failure ?? pump.failure {
            visitor.end(valid: false)
            throw failure
        }
        do {
            try checked.finish()
        } catch {
            visitor.end(valid: false)
            throw ReturnReadError(.scratchFailed, error.description)
        }
        visitor.end(valid: checked.isValid)
        return ValidationReport(file: name, sha256: pump.digest, byteCount: pump.byteCount, header: checked.header,
                                schoolCount: checked.schoolCount, pupilCount: checked.pupilCount,
                                acceptedPupilCount: checked.acceptedPupilCount, diagnostics: checked.log.diagnostics,
                                errorCount: checked.log.errorCount, warningCount: checked.log.warningCount,
                                truncatedCount: checked.log.truncatedCount)
    }

    /// Validates the return in the file at `path` without keeping anything of it.
    public func validate(file path: String) throws(ReturnReadError) -> ValidationReport {
        var ignore = IgnoringVisitor()
        return try read(file: path, into: &ignore)
    }
}

/// A visitor for validation alone; having no state, it may be used from any thread.
private struct IgnoringVisitor: ReturnVisitor, Sendable {
    func begin(_ header: ReturnHeader) {}
    func school(_ school: SchoolRecord) {}
    func pupil(_ pupil: PupilResponse) {}
    func endSchool() {}
    func end(valid: Bool) {}
}
