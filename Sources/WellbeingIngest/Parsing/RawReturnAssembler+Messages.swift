import WellbeingCore

extension RawReturnAssembler {
    /// Turns a libxml2 message into a diagnostic: E101 for the XSD, E103 for limits and entities, else E100.
    ///
    /// `position` is where the parser is, for messages that carry no line of their own (all schema ones).
    mutating func receive(_ message: LibXML2Message, position: SourceLocation) {
        guard !halted else { return }
        // When our reader refused more bytes, libxml2's complaint about it is not the real problem.
        if pump.exceededLimit { return haltOversize() }
        if pump.failure != nil { return haltForInputFailure() }
        let location = message.location ?? position
        switch message.source {
        case .schemaValidity:
            guard !ValidatorOwnedFindings.contains(message) else { return }
            report(.e101, at: location, message.text)
        case .parser:
            let hostile = Self.isLimitOrEntity(message)
            guard message.level != .warning || hostile else { return }
            if hostile {
                halt(.e103, at: location, message.text + " (refused: a return needs no DTD, no entities and no"
                        + " value, name or nesting anywhere near this large)")
            } else if message.level == .fatal {
                // libxml2 goes on after a fatal error only to report its consequences.
                halt(.e100, at: location, message.text)
            } else {
                report(.e100, at: location, message.text)
            }
        }
    }

    /// libxml2 codes about entities: undeclared (26, 27), external (29), parameter (30),
    /// loop (89), processing (104).
    private static let entityCodes: Set<Int32> = [26, 27, 29, 30, 89, 104]

    /// Messages of libxml2's own safety limits (name, attribute, text, depth, input lookahead).
    /// libxml2 2.9 gives most of them generic codes, so the wording is what identifies them.
    private static let limitPhrases = ["too long", "too big", "huge", "excessive depth"]

    static func isLimitOrEntity(_ message: LibXML2Message) -> Bool {
        if entityCodes.contains(message.code) { return true }
        let text = message.text.lowercased()
        return limitPhrases.contains { text.contains($0) }
    }
}
