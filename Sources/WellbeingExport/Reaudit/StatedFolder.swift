public import WellbeingCore
import Foundation

/// An audited export folder read back from its files alone: the tables they state and where they disagree.
///
/// The attacker's view is rebuilt from `indicators.csv` (every published `n`
/// and count; a published mean as the score sum `n × mean`, which the
/// re-audit widens to its rounding), and the hidden cells' true values come
/// from `audit.json` — needed only to know each protection interval and that
/// the truth is feasible. Nothing is taken from the tool that wrote the folder
/// but its files, so someone who distrusts that tool can re-run the audit
/// (`wellbeing audit DIR`).
public struct StatedFolder: Sendable {
    public let path: String
    /// The version of the suppression policy `audit.json` says was applied.
    public let policyVersion: String
    /// One rebuilt table per wave that can be audited, in file order.
    public let tables: [IndicatorTable]
    /// The waves not audited: a geography is missing, a hidden cell has no usable audit entry, or parts do not
    /// add up to their totals.
    public let unauditedWaves: [String]
    /// Where the files disagree with each other; empty for a folder as it was exported.
    public let findings: [FolderFinding]

    /// Reads `indicators.csv` and `audit.json` of the folder at `path`, under the catalogue it was made with.
    public init(path: String, catalogue: Catalogue) throws(FolderReadError) {
        self.path = path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw FolderReadError(.missingFile, "\(path) is not a folder. Give the export folder that"
                                  + " `wellbeing aggregate … --out DIR` wrote")
        }
        let document = try Self.auditDocument(in: path)
        policyVersion = document.policyVersion
        let records = try Self.tableRecords(in: path)

        var audited: [CellKey: (cell: AuditJSON.Document.Cell, used: Bool)] = [:]
        var findings: [FolderFinding] = []
        for table in document.tables {
            for cell in table.cells {
                let key = CellKey(timePeriod: table.timePeriod, wave: table.surveyWave, level: cell.geographicLevel,
                                  code: cell.code, indicator: cell.indicatorId, breakdown: cell.breakdown,
                                  category: cell.category)
                if audited[key] != nil {
                    findings.append(.duplicateCell(key.location(name: "")))
                }
                audited[key] = (cell, false)
            }
        }

        let layout = CategoryLayout(catalogue: catalogue)
        var waves: [WaveKey: [StatedCell]] = [:]
        var waveOrder: [WaveKey] = []
        var seen = Set<CellKey>()
        var incomplete = Set<WaveKey>()
        for (offset, fields) in records.enumerated() {
            let row = try StatedRow(fields: fields, line: offset + 2, catalogue: catalogue, layout: layout)
            let key = row.key
            let location = key.location(name: row.geography.name)
            let wave = WaveKey(timePeriod: row.timePeriod, wave: row.wave)
            if waves[wave] == nil {
                waveOrder.append(wave)
                waves[wave] = []
            }
            guard seen.insert(key).inserted else {
                findings.append(.duplicateCell(location))
                continue
            }
            if row.isPartlyHidden { findings.append(.partlyHiddenRow(location)) }
            var cell = StatedCell(geography: row.geography, indicator: row.indicator, category: row.category,
                                  n: row.n, count: row.count, scoreSum: row.scoreSum, status: .published)
            let entry = audited[key]
            audited[key]?.used = true
            if row.isHidden {
                guard let entry else {
                    findings.append(.hiddenWithoutAuditEntry(location))
                    incomplete.insert(wave)
                    continue
                }
                guard let truth = Self.truth(of: entry.cell, kind: catalogue.indicators[row.indicator].kind) else {
                    findings.append(.incompleteAuditEntry(location))
                    incomplete.insert(wave)
                    continue
                }
                (cell.status, cell.n, cell.count, cell.scoreSum) = truth
            } else if entry != nil {
                findings.append(.auditEntryForPublishedCell(location))
            }
            waves[wave]!.append(cell)
        }
        for (key, entry) in audited.sorted(by: { $0.key < $1.key }) where !entry.used {
            findings.append(.auditEntryWithoutRow(key.location(name: "")))
        }

        var tables: [IndicatorTable] = []
        var unaudited: [String] = []
        for wave in waveOrder {
            let cells = waves[wave]!
            let missing = Self.missingGeographies(of: cells)
            findings += missing.map { .missingGeography(level: $0.level.rawValue, code: $0.code, wave: wave.wave.code) }
            guard missing.isEmpty, !incomplete.contains(wave) else {
                unaudited.append(wave.wave.code)
                continue
            }
            let table = IndicatorTable(catalogue: catalogue, wave: wave.wave, academicYear: wave.timePeriod,
                                       cells: cells)
            let contradictions = table.contradictions
            findings += contradictions.map { contradiction in
                .partsDoNotAddUp(total: table.location(of: contradiction.total),
                                 parts: Self.parts(of: contradiction.key, in: table), quantity: contradiction.quantity)
            }
            // Relations that cannot all hold leave the attacker's LP without a solution: nothing to audit.
            guard contradictions.isEmpty else {
                unaudited.append(wave.wave.code)
                continue
            }
            tables.append(table)
        }
        self.tables = tables
        self.unauditedWaves = unaudited
        self.findings = findings
    }

    /// The status and true `n`, count and score sum an audit entry gives; nil when it lacks one.
    private static func truth(of cell: AuditJSON.Document.Cell, kind: IndicatorDefinition.Kind)
        -> (status: CellStatus, n: Int, count: Int, scoreSum: Int64)?
    {
        guard let status = CellStatus.allCases.first(where: { $0.isSuppressed && $0.rule == cell.reason }),
              let n = cell.measures.first(where: { $0.quantity == .respondents })?.value, n > 0
        else { return nil }
        let value = { (quantity: AuditQuantity) in cell.measures.first { $0.quantity == quantity }?.value }
        switch kind {
        case .proportion:
            guard let count = value(.count), (0...n).contains(count) else { return nil }
            return (status, Int(n), Int(count), 0)
        case .mean:
            guard let sum = value(.scoreSum) else { return nil }
            return (status, Int(n), 0, sum)
        case .count:
            return (status, Int(n), Int(n), 0)
        }
    }

    /// The geographies that stated cells add up into but that have no rows themselves.
    private static func missingGeographies(of cells: [StatedCell]) -> [(level: GeographicLevel, code: String)] {
        var present = Set<String>()
        var needed: [(level: GeographicLevel, code: String)] = [(.national, England.code)]
        for geography in Set(cells.map(\.geography)) {
            switch geography.level {
            case .national: present.insert("\(GeographicLevel.national)|\(England.code)")
            case .regional: present.insert("\(GeographicLevel.regional)|\(geography.region?.code ?? "")")
            case .localAuthority:
                present.insert("\(GeographicLevel.localAuthority)|\(geography.localAuthority?.code ?? "")")
                needed.append((.regional, geography.region?.code ?? ""))
            case .school:
                needed.append((.localAuthority, geography.localAuthority?.code ?? ""))
            }
            if geography.level == .regional || geography.level == .localAuthority {
                needed.append((.national, England.code))
            }
        }
        var reported = Set<String>()
        return needed.filter { wanted in
            let key = "\(wanted.level)|\(wanted.code)"
            return !present.contains(key) && reported.insert(key).inserted
        }
    }

    /// The parts of a relation in words: "the sex categories" or "the schools of …".
    private static func parts(of key: AdditiveRelation.Key, in table: IndicatorTable) -> String {
        switch key {
        case .breakdown(_, _, let breakdown):
            "the \(breakdown.columnName) categories"
        case .children(let unit, _, _):
            switch table.units[unit].geography.level {
            case .national: "the regions"
            case .regional: "the local authorities"
            case .localAuthority, .school: "the schools"
            }
        }
    }

    // MARK: Reading the files

    private static func auditDocument(in folder: String) throws(FolderReadError) -> AuditJSON.Document {
        let path = (folder as NSString).appendingPathComponent("audit.json")
        let data = try contents(of: path, missing: "the folder has no audit.json, so it was exported without an"
                                + " audit (--no-audit). Export it again with `wellbeing aggregate … --out \(folder)`"
                                + " (or `publish`), without --no-audit")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let document: AuditJSON.Document
        do {
            document = try decoder.decode(AuditJSON.Document.self, from: data)
        } catch {
            throw FolderReadError(.badAuditReport, "\(path) is not a readable audit report (\(Self.reason(error)))."
                                  + " Restore the audit.json the export wrote, or export again without --no-audit.")
        }
        guard document.format == AuditJSON.format else {
            throw FolderReadError(.badAuditReport, "\(path) has format \"\(document.format)\"; this tool reads"
                                  + " \"\(AuditJSON.format)\". Audit it with the version of wellbeing that wrote it.")
        }
        return document
    }

    /// The data rows of `indicators.csv`, after checking its header.
    private static func tableRecords(in folder: String) throws(FolderReadError) -> ArraySlice<[String]> {
        let path = (folder as NSString).appendingPathComponent("indicators.csv")
        let data = try contents(of: path, missing: "the folder has no indicators.csv. Give the export folder"
                                + " itself (the one holding indicators.csv and audit.json)")
        let records: [[String]]
        switch CSVField.records(in: [UInt8](data)) {
        case .success(let parsed): records = parsed
        case .failure(let broken):
            throw FolderReadError(.badTable, "\(path) line \(broken.line) is not well-formed CSV (a quote is"
                                  + " unbalanced). Restore the indicators.csv the export wrote.")
        }
        guard records.first == EESLayout.columns else {
            throw FolderReadError(.badTable, "\(path) does not start with the header wellbeing writes ("
                                  + "\(EESLayout.columns.prefix(3).joined(separator: ","))…). Restore the"
                                  + " indicators.csv the export wrote.")
        }
        return records.dropFirst()
    }

    private static func contents(of path: String, missing: String) throws(FolderReadError) -> Data {
        guard FileManager.default.fileExists(atPath: path) else { throw FolderReadError(.missingFile, missing) }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FolderReadError(.unreadable, "cannot read \(path): \(error.localizedDescription). Check that it"
                                  + " is a readable file.")
        }
    }

    /// A decoding error in a line: where in the document, and what was wrong.
    private static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "bad value at \(path(context.codingPath))"
        case .keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\" at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context.codingPath))"
        @unknown default:
            return "not readable"
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "the top level"
            : codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
