import WellbeingCore

/// Passes a return's events on, unless its header names an LA other than the one allowed.
///
/// Such a return is stopped at its header: the pipe is stopped, so the reader fails and the
/// store rolls back, and nothing after the header reaches the store's visitor.
struct AuthorityCheck<Base: ReturnVisitor>: ReturnVisitor {
    var base: Base
    /// The LA (3-digit code) the token may submit for; nil for any.
    let allowed: String?
    let pipe: BodyPipe
    private var refused = false

    init(base: Base, allowed: String?, pipe: BodyPipe) {
        self.base = base
        self.allowed = allowed
        self.pipe = pipe
    }

    mutating func begin(_ header: ReturnHeader) {
        if let allowed, header.localAuthority.code != allowed {
            refused = true
            pipe.stop(.otherAuthority(header.localAuthority.code))
            return
        }
        base.begin(header)
    }

    mutating func school(_ school: SchoolRecord) {
        if !refused { base.school(school) }
    }

    mutating func pupil(_ pupil: PupilResponse) {
        if !refused { base.pupil(pupil) }
    }

    mutating func endSchool() {
        if !refused { base.endSchool() }
    }

    mutating func end(valid: Bool) {
        base.end(valid: valid && !refused)
    }
}
