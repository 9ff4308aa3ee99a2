import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import WellbeingCore
import WellbeingResources
import WellbeingSynthetic

/// A generated return read back with Foundation's `XMLParser`, independently of the generator's code.
///
/// Parsing also proves the bytes are well-formed XML: `XMLParser` stops at the first error.
struct ParsedReturn: Sendable {
    struct School: Sendable {
        var attributes: [String: String]
        var enrolment: [String: Int] = [:]
        var pupils: [Pupil] = []
    }

    struct Pupil: Sendable {
        var attributes: [String: String]
        /// Item code → value, for answered items.
        var answers: [String: Int] = [:]
        /// Item code → `missing` reason, for items answered with one.
        var missing: [String: String] = [:]
    }

    var rootAttributes: [String: String] = [:]
    var rootNamespace: String?
    var survey: [String: String] = [:]
    var localAuthority: [String: String] = [:]
    var returnId = ""
    var generated = ""
    var schools: [School] = []

    var pupils: [Pupil] { schools.flatMap(\.pupils) }

    private init() {}

    /// Parses `bytes`, throwing the parser's error (with line and column) if they are not well-formed.
    init(_ bytes: [UInt8]) throws {
        let delegate = Delegate()
        // From a stream, so libxml2 gets the input in chunks: handed over whole,
        // more than 10 MB trips its "huge input" limit and fails at the end.
        let parser = XMLParser(stream: InputStream(data: Data(bytes)))
        parser.shouldProcessNamespaces = true
        parser.delegate = delegate
        guard parser.parse() else {
            throw ParseFailure(description: "line \(parser.lineNumber), column \(parser.columnNumber): "
                + String(describing: parser.parserError))
        }
        self = delegate.result
    }

    struct ParseFailure: Error, CustomStringConvertible {
        let description: String
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var result = ParsedReturn()
        private var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            text = ""
            switch name {
            case "WellbeingReturn":
                result.rootAttributes = attributes
                result.rootNamespace = namespaceURI
            case "Survey": result.survey = attributes
            case "LocalAuthority": result.localAuthority = attributes
            case "School": result.schools.append(School(attributes: attributes))
            case "Enrolment":
                result.schools[result.schools.count - 1].enrolment[attributes["yearGroup"]!] =
                    Int(attributes["onRoll"]!)!
            case "Pupil": result.schools[result.schools.count - 1].pupils.append(Pupil(attributes: attributes))
            case "Answer":
                if let reason = attributes["missing"] {
                    let school = result.schools.count - 1
                    let pupil = result.schools[school].pupils.count - 1
                    result.schools[school].pupils[pupil].missing[attributes["item"]!] = reason
                }
                currentItem = attributes["item"]
            default: break
            }
        }

        private var currentItem: String?

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "ReturnId": result.returnId = text
            case "Generated": result.generated = text
            case "Answer":
                if let item = currentItem, let value = Int(text) {
                    let school = result.schools.count - 1
                    let pupil = result.schools[school].pupils.count - 1
                    result.schools[school].pupils[pupil].answers[item] = value
                }
                currentItem = nil
            default: break
            }
        }
    }
}

/// The shipped catalogue and LA lookup, loaded once for every test.
let reference = try! ShippedReferenceData.load()

extension SyntheticWave {
    /// A wave over the shipped instrument and LA lookup.
    static func make(pupils: Int, schools: Int, las: Int = 1, seed: UInt64 = 1, codes: [String] = [],
                     missingRate: Double = 0.03, allowsStraightLining: Bool = true) throws -> SyntheticWave {
        try SyntheticWave(
            SyntheticWaveParameters(pupils: pupils, schools: schools, localAuthorityCount: las, seed: seed,
                                    missingRate: missingRate, allowsStraightLining: allowsStraightLining,
                                    localAuthorityCodes: codes),
            instrument: reference.catalogue.instrument, authorities: reference.localAuthorities)
    }

    /// The bytes of every return, in order.
    func allBytes() throws -> [[UInt8]] {
        try returns.indices.map { index in
            var bytes: [UInt8] = []
            try write(returnAt: index, to: &bytes)
            return bytes
        }
    }
}

extension ParsedReturn.Pupil {
    /// The SWEMWBS metric score, when all seven items are answered.
    var swemwbsMetric: Double? {
        let score = reference.catalogue.scores.first { $0.id == "swemwbs_metric" }!
        var raw = 0
        for item in score.items {
            guard let value = answers[item] else { return nil }
            raw += value
        }
        return score.table![String(raw)]!
    }
}
