import Foundation
import Hummingbird
import WellbeingCore
import WellbeingIngest

/// `POST /api/v1/returns`: streams the body through the reader into the store, in one transaction.
///
/// The body goes through a ``BodyPipe`` to the reader on its own thread, so memory does not grow
/// with the return. The size limit is checked as bytes arrive (and against `Content-Length` before
/// any): past it the transfer stops, the store rolls back and the answer is 413. An uploader's
/// return naming another LA is stopped at its header with 403, before anything is stored.
///
/// Answers: 201 with the receipt; 200 with the original receipt (`"duplicate": true`) when the
/// identical bytes are already stored and in force, which changes nothing; 422 with every
/// diagnostic when the return is invalid.
struct ReturnUpload: Sendable {
    let store: any ReturnStore
    let reader: ReturnReader
    let publisher: Republisher
    let gate: UploadGate
    let maxBytes: Int
    /// How long an upload may take from its first byte to its answer.
    let timeout: Duration

    /// What the reading thread found.
    private enum Read: Sendable {
        case outcome(SubmissionOutcome, ValidationReport?)
        case readError
        case storeError(StoreError)
    }

    func respond(to request: Request, context: ServiceRequestContext) async throws -> Response {
        let token = try context.require(.manageReturns)
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBytes {
            throw tooLarge
        }
        guard gate.enter() else {
            var error = ServiceError(.serviceUnavailable, "busy",
                                     "the service is reading as many uploads as it allows; try again shortly.")
            error.headers[.retryAfter] = "5"
            throw error
        }
        defer { gate.leave() }

        let pipe = BodyPipe()
        let name = Self.name(of: request)
        let allowed = token.role == .uploader ? token.localAuthority : nil
        // A slow upload is stopped like a cancelled one: its reader fails and its transaction rolls back.
        let timer = Task {
            try await Task.sleep(for: timeout)
            pipe.stop(.timedOut)
        }
        defer { timer.cancel() }
        let read = await withTaskCancellationHandler {
            async let read = DedicatedThread.run(named: "wellbeing upload") {
                submit(from: pipe, named: name, allowedAuthority: allowed)
            }
            await feed(request.body, into: pipe)
            return await read
        } onCancel: {
            pipe.stop(.cancelled)
        }
        context.logger.info("upload read", metadata: ["token_id": "\(token.id)", "outcome": "\(Self.label(read))"])
        return try answer(read, stopped: pipe.stopReason)
    }

    /// Sends the body into the pipe chunk by chunk, stopping it past the size limit or when the client fails.
    private func feed(_ body: RequestBody, into pipe: BodyPipe) async {
        var received = 0
        do {
            for try await chunk in body {
                received += chunk.readableBytes
                guard received <= maxBytes else {
                    pipe.stop(.tooLarge)
                    return
                }
                guard await pipe.send(chunk) else { return }
            }
            pipe.finish()
        } catch {
            pipe.stop(.brokenBody)
        }
    }

    /// Reads the pipe into the store (on the calling thread, which blocks).
    private func submit(from pipe: BodyPipe, named name: String, allowedAuthority: String?) -> Read {
        defer { pipe.finishReading() }
        var report: ValidationReport?
        func read(into visitor: inout some ReturnVisitor) throws -> ReturnSubmission {
            var checked = AuthorityCheck(base: visitor, allowed: allowedAuthority, pipe: pipe)
            defer { visitor = checked.base }
            let read = try reader.read(from: pipe, named: name, into: &checked)
            report = read
            return ReturnSubmission(name: name, sha256: read.sha256, isValid: read.isValid,
                                    warnings: read.warningCount)
        }
        do {
            let outcome = try store.submit { visitor in try read(into: &visitor) }
            return .outcome(outcome, report)
        } catch let error as StoreError {
            return .storeError(error)
        } catch {
            return .readError
        }
    }

    /// The response for what was read, or the refusal for why it stopped.
    ///
    /// A return the store kept is answered as kept even if a stop (a timer firing late) came after it.
    private func answer(_ read: Read, stopped: BodyPipe.Stop?) throws -> Response {
        if case .outcome(let outcome, _) = read, let receipt = outcome.receipt {
            guard case .stored = outcome else {
                return JSONBody.response(ReceiptJSON(receipt, duplicate: true), status: .ok)
            }
            publisher.refresh()
            return JSONBody.response(ReceiptJSON(receipt), status: .created)
        }
        switch stopped {
        case .tooLarge?:
            throw tooLarge
        case .otherAuthority(let code)?:
            throw ServiceError.forbidden("this return is for LA \(code), which this uploader token may not submit"
                                         + " for; nothing was stored. Submit it with that LA's token.")
        case .cancelled?, .timedOut?:
            throw ServiceError(.requestTimeout, "timeout",
                               "the upload took longer than the service allows; nothing was stored."
                               + " Try again, or split the return into smaller ones.")
        case .brokenBody?:
            throw ServiceError.badRequest("the upload was cut off before its end; nothing was stored. Send it again.")
        case nil:
            break
        }
        switch read {
        case .outcome(_, let report):
            // Rejected: a kept return was answered above.
            var error = ServiceError(.unprocessableContent, "invalid_return",
                                     "the return has errors and nothing of it was stored; fix every error listed"
                                     + " and upload it again.")
            error.diagnostics = report.map(ReturnDiagnosticsJSON.init)
            throw error
        case .readError:
            throw ServiceError.badRequest("the upload could not be read; nothing was stored. Send it again.")
        case .storeError(let error):
            throw ServiceError.unavailable(error)
        }
    }

    private var tooLarge: ServiceError {
        ServiceError(.contentTooLarge, "too_large", "the return is larger than the limit of \(maxBytes) bytes;"
                     + " nothing was stored. Split it into smaller returns (for example one per group of schools).")
    }

    /// The name the return is stored under: the `filename` of `Content-Disposition`, or `upload.xml`.
    static func name(of request: Request) -> String {
        guard let disposition = request.headers[.contentDisposition],
              let range = disposition.range(of: "filename=")
        else { return "upload.xml" }
        let value = disposition[range.upperBound...].prefix { $0 != ";" }
            .trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        let base = value.split(separator: "/").last.map(String.init) ?? ""
        return base.isEmpty ? "upload.xml" : String(base.prefix(200))
    }

    /// A word for the access log.
    private static func label(_ read: Read) -> String {
        switch read {
        case .outcome(.stored, _): "stored"
        case .outcome(.duplicate, _): "duplicate"
        case .outcome(.rejected, _): "rejected"
        case .readError: "stopped"
        case .storeError: "store_error"
        }
    }
}
