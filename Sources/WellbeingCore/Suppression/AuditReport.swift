/// What the audit found about every hidden cell: how far an attacker can narrow it, and whether that is far enough.
///
/// An internal document for administrators (`audit.json`): it names the rule
/// behind each hidden cell, which readers must never see.
public struct AuditReport: Sendable, Hashable {
    /// One hidden quantity of a cell.
    public struct Measure: Sendable, Hashable, Codable {
        public var quantity: AuditQuantity
        /// The true value (a score sum in hundredths).
        public var value: Int64
        /// Values the attacker cannot rule out (see ``FeasibleRange``).
        public var feasible: FeasibleRange
        /// The protection interval a primary cell must keep; nil for a secondary cell, which needs none.
        public var required: ClosedRange<Int64>?

        /// True when the feasible range reaches the protection interval (always, for a secondary cell).
        public var isProtected: Bool { required.map(feasible.covers) ?? true }
    }

    /// One hidden cell.
    public struct Entry: Sendable, Hashable {
        public var cell: CellReference
        /// Why the cell is hidden: a primary rule or secondary.
        public var status: CellStatus
        /// `n`, then the count or score sum when the indicator has one.
        public var measures: [Measure]

        public var isProtected: Bool { measures.allSatisfy(\.isProtected) }
    }

    /// Hidden cells per rule, and how many primary cells the audit found protected.
    public struct Summary: Sendable, Hashable, Codable {
        public var hiddenCells = 0
        public var primaryCells = 0
        public var secondaryCells = 0
        public var protectedPrimaryCells = 0
        public var exposedPrimaryCells: Int { primaryCells - protectedPrimaryCells }
    }

    /// The version of the suppression policy whose protection rule was checked.
    public var policyVersion: String
    /// One entry per hidden cell, in cell order.
    public var entries: [Entry]

    public init(policyVersion: String, entries: [Entry]) {
        self.policyVersion = policyVersion
        self.entries = entries.sorted { $0.cell < $1.cell }
    }

    /// True when every primary cell is protected: only then may the table be published.
    public var isPassed: Bool { entries.allSatisfy(\.isProtected) }

    /// The primary cells an attacker can narrow too far.
    public var exposed: [Entry] { entries.filter { !$0.isProtected } }

    public var summary: Summary {
        var summary = Summary()
        for entry in entries {
            summary.hiddenCells += 1
            if entry.status.isPrimary {
                summary.primaryCells += 1
                if entry.isProtected { summary.protectedPrimaryCells += 1 }
            } else {
                summary.secondaryCells += 1
            }
        }
        return summary
    }
}
