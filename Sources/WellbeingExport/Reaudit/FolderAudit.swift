public import WellbeingCore

/// The re-audit of an export folder from its files: each table's attacker LP run again, and the verdict.
///
/// The attacker has the folder's published rows only, so a published mean
/// counts as the interval its rounding allows (``PublishedMeans/rounded``), not
/// the exact sum the export's own audit credits. The folder passes when its
/// files agree with each other and every primary cell keeps its protection
/// interval.
public struct FolderAudit: Sendable {
    public let folder: StatedFolder
    /// One report per rebuilt table, in the order of ``StatedFolder/tables``.
    public let reports: [AuditReport]

    /// Audits every rebuilt table of `folder` under `policy` with `auditor`.
    public init(folder: StatedFolder, policy: SuppressionPolicy, auditor: some DisclosureAuditor)
        throws(DisclosureError)
    {
        self.folder = folder
        let control = DisclosureControl(policy: policy)
        var reports: [AuditReport] = []
        for table in folder.tables {
            reports.append(try control.audit(table, publishedMeans: .rounded, auditor: auditor))
        }
        self.reports = reports
    }

    /// True when the files agree, every wave was audited, and every primary cell is protected.
    public var isPassed: Bool {
        folder.findings.isEmpty && folder.unauditedWaves.isEmpty && reports.allSatisfy(\.isPassed)
    }

    /// The exposed primary cells, worst first: where each is and how far its feasible interval falls short.
    ///
    /// Only locations and shortfalls, never a cell's value or interval: the shortfall
    /// says how much wider the attacker's interval must be, not where it lies.
    public var shortfalls: [Shortfall] {
        var found: [Shortfall] = []
        for (table, report) in zip(folder.tables, reports) {
            for entry in report.exposed {
                let measures = entry.measures.compactMap { measure -> Shortfall.Measure? in
                    guard let required = measure.required, !measure.isProtected else { return nil }
                    return Shortfall.Measure(
                        quantity: measure.quantity,
                        below: max(0, measure.feasible.lower.value - Double(required.lowerBound)),
                        above: max(0, Double(required.upperBound) - measure.feasible.upper.value),
                        width: Double(required.upperBound - required.lowerBound))
                }
                found.append(Shortfall(wave: table.wave.code, location: table.location(of: entry.cell),
                                       measures: measures))
            }
        }
        return found.sorted { $0.severity > $1.severity }
    }

    /// An exposed primary cell and how far the attacker's interval falls short of its protection interval.
    public struct Shortfall: Sendable, Hashable {
        public struct Measure: Sendable, Hashable {
            public var quantity: AuditQuantity
            /// How far above the protection interval's lower end the attacker's lowest value lies.
            public var below: Double
            /// How far below the protection interval's upper end the attacker's highest value lies.
            public var above: Double
            /// The protection interval's width.
            public var width: Double
        }

        public var wave: String
        public var location: CellLocation
        public var measures: [Measure]

        /// The largest share of a protection interval the attacker rules out.
        public var severity: Double {
            measures.map { ($0.below + $0.above) / max(1, $0.width) }.max() ?? 0
        }
    }
}
