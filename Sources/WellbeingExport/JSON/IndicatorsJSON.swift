import Foundation
import WellbeingCore

/// `indicators.json` for programs: the cells of `indicators.csv` with the catalogue and provenance.
///
/// `rows` holds one array per CSV row, in the order of `columns` (pandas:
/// `DataFrame(doc["rows"], columns=doc["columns"])`): text as strings, a blank field as `null`,
/// measures as numbers with their published decimals, symbols as strings. Schema:
/// `Schemas/indicators-1.schema.json`. Rows are written as they are produced, so a national
/// export never sits in memory.
enum IndicatorsJSON {
    static let format = "wellbeing-indicators/1"

    private struct Head: Encodable {
        struct Indicator: Encodable {
            var id: String
            var title: String
            var description: String
            var type: String
            var polarity: String
            var sensitive: Bool
            var years: [Int]
        }

        struct Catalogue: Encodable {
            var version: String
            var instrument: String
            var indicators: [Indicator]
        }

        var format: String
        var provenance: ProvenanceJSON.Document
        var catalogue: Catalogue
        var symbols: [String: String]
        var columns: [String]
    }

    static let symbols = [
        "c": "confidential: suppressed to protect pupils",
        "z": "not applicable",
        "x": "not available",
    ]

    /// Writes the document for the rows `filter` keeps, handing UTF-8 to `flush` in chunks of up to about 1 MiB.
    ///
    /// Given `reuse`, units whose rows the previous file holds under the same digest are copied from it;
    /// `flush` takes the digest a unit's rows may be recorded under (nil for the head, the end, and the
    /// first unit, whose first row drops its leading comma).
    static func write(tables: [IndicatorTable], catalogue: WellbeingCore.Catalogue, provenance: Provenance,
                      filter: PublicationFilter, reuse: UnitReuse? = nil,
                      flush: (UnitBlocks.UnitBytes, ContentDigest?) throws -> Void) rethrows {
        let head = Head(
            format: format, provenance: ProvenanceJSON.document(provenance, filter: filter),
            catalogue: .init(version: catalogue.version, instrument: catalogue.instrument.id,
                             indicators: catalogue.indicators.map {
                .init(id: $0.id, title: $0.title, description: $0.description, type: $0.kind.rawValue,
                      polarity: $0.polarity.rawValue, sensitive: $0.sensitive, years: [$0.years.from, $0.years.to])
            }),
            symbols: symbols, columns: EESLayout.columns)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Plain strings, numbers and booleans always encode.
        var buffer = Array((try? encoder.encode(head)) ?? Data())
        // The head is one object; reopen it to add the rows last, after the small members.
        while let last = buffer.popLast(), last != UInt8(ascii: "}") {}
        buffer.append(contentsOf: ",\n  \"rows\" : [".utf8)
        try flush(.encoded(buffer), nil)
        // Every row opens with a comma; the first row of the document drops it.
        var first = true
        try UnitBlocks.encode(tables: tables, levels: filter.levelsToVisit, reuse: reuse, unit: { table, unit, bytes in
            var prefix: [UInt8]?
            let wave = table.wave.code
            table.forEachRow(ofUnit: unit) { row in
                guard filter.includes(row) else { return }
                if prefix == nil { prefix = GeographyPrefix.bytes(for: row) { appendText($0, to: &$1) } }
                bytes.append(contentsOf: ",\n    [".utf8)
                bytes.append(contentsOf: prefix!)
                appendCells(of: row, wave: wave, to: &bytes)
            }
        }, flush: { bytes, digest in
            // A unit's rows are recorded whole (each with its comma), so a kept part is never the short one.
            defer { first = false }
            guard first else { return try flush(bytes, digest) }
            switch bytes {
            case .encoded(let encoded): try flush(.encoded(Array(encoded.dropFirst())), nil)
            case .kept(var part):
                part.offset += 1
                part.length -= 1
                try flush(.kept(part), nil)
            }
        })
        try flush(.encoded(Array("\n  ]\n}\n".utf8)), nil)
    }

    /// A text field: a JSON string, or `null` for a blank CSV field.
    private static func appendText(_ value: String, to buffer: inout [UInt8]) {
        if value.isEmpty { buffer.append(contentsOf: "null".utf8) } else { JSONText.appendString(value, to: &buffer) }
    }

    /// The row's fields after time and geography, in column order, and the closing bracket.
    ///
    /// - Parameter wave: the row's wave code, formatted once per unit rather than once per row.
    private static func appendCells(of row: PublishedRow, wave: String, to buffer: inout [UInt8]) {
        func text(_ value: String) {
            appendText(value, to: &buffer)
            buffer.append(UInt8(ascii: ","))
        }
        func measure(_ value: PublishedValue, last: Bool) {
            switch value {
            // Published numbers are plain decimals ("73.7", "-0.25"), already valid JSON numbers.
            case .number(let number): buffer.append(contentsOf: number.utf8)
            case .symbol, .text: JSONText.appendString(value.description, to: &buffer)
            }
            buffer.append(last ? UInt8(ascii: "]") : UInt8(ascii: ","))
        }
        row.visitCellFields(wave: wave, text: text, measure: measure)
    }
}
