import ArgumentParser
import WellbeingCore
import WellbeingStorage

/// `wellbeing returns`: the stored returns' receipts, and withdrawal.
struct ReturnsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "returns",
        abstract: "List, show or withdraw stored returns.",
        discussion: """
            Examples:
              wellbeing returns list
              wellbeing returns list --la 202
              wellbeing returns show 3
              wellbeing returns withdraw 3
            """,
        subcommands: [List.self, Show.self, Withdraw.self]
    )

    /// `returns list`: one line per stored return, oldest first.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List stored returns, oldest first.",
            discussion: """
                Columns: store id, status, LA, wave, the submitter's ReturnId, schools
                counted of schools in the return (the others are superseded by later
                returns), pupils, warnings, when it was stored, and the name it arrived
                under, separated by tabs.

                Example:
                  wellbeing returns list --la 202 --db store.sqlite
                """
        )

        @Option(name: .customLong("la"), help: ArgumentHelp("Only this LA's returns (3-digit DfE code).",
                                                            valueName: "CODE"))
        var localAuthority: String?

        @OptionGroup var store: StoreOptions

        func run() throws {
            let receipts = try store.perform { store throws(StoreError) in
                try store.returns(localAuthority: localAuthority)
            }
            guard !receipts.isEmpty else {
                print(localAuthority.map { "no returns stored for LA \($0)" } ?? "no returns stored")
                return
            }
            print(["id", "status", "la", "wave", "return_id", "schools", "pupils", "warnings", "received", "name"]
                .joined(separator: "\t"))
            for receipt in receipts {
                let header = receipt.header
                let fields: [String] = [
                    String(receipt.id), receipt.status.rawValue, header.localAuthority.code, header.wave.code,
                    header.returnId, "\(receipt.countingSchools)/\(receipt.schools)", String(receipt.pupils),
                    String(receipt.warnings), receipt.received, receipt.name,
                ]
                print(fields.joined(separator: "\t"))
            }
        }
    }

    /// `returns show ID`: one return's full receipt.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one stored return's receipt and status.",
            discussion: """
                Example:
                  wellbeing returns show 3 --db store.sqlite
                """
        )

        @Argument(help: ArgumentHelp("The store id of the return (see `returns list`).", valueName: "ID"))
        var id: Int64

        @OptionGroup var store: StoreOptions

        func run() throws {
            let receipt = try store.perform { store throws(StoreError) in
                try store.storedReturn(id: id)
            }
            print(ReturnsCommand.text(receipt))
        }
    }

    /// `returns withdraw ID`: the return stops counting; its schools fall back to earlier returns.
    struct Withdraw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Withdraw a stored return.",
            discussion: """
                The return is kept (for audit) but stops counting: each of its schools
                counts from the most recent earlier return that contains it and is not
                withdrawn, or not at all. Run `wellbeing publish` afterwards to update the
                export.

                Example:
                  wellbeing returns withdraw 3 --db store.sqlite
                """
        )

        @Argument(help: ArgumentHelp("The store id of the return (see `returns list`).", valueName: "ID"))
        var id: Int64

        @OptionGroup var store: StoreOptions

        func run() throws {
            let receipt = try store.perform { store throws(StoreError) in
                try store.withdraw(id: id)
            }
            print(ReturnsCommand.text(receipt))
        }
    }

    /// A receipt, one field a line.
    static func text(_ receipt: StoredReturn) -> String {
        let header = receipt.header
        let authority = header.localAuthority
        let lines = [
            "id: \(receipt.id)",
            "status: \(receipt.status.rawValue)" + (receipt.withdrawn.map { " (\($0))" } ?? ""),
            "return id: \(header.returnId)",
            "local authority: \(authority.code) \(authority.name) (\(authority.onsCode), \(authority.region.name))",
            "wave: \(header.wave) (academic year \(header.academicYear))",
            "instrument: \(header.instrumentID), catalogue \(receipt.catalogueVersion)",
            "schools: \(receipt.schools), of which \(receipt.countingSchools) count now",
            "pupils: \(receipt.pupils)",
            "warnings: \(receipt.warnings)",
            "generated: \(header.generated)" + (header.software.map { " by \($0)" } ?? ""),
            "received: \(receipt.received)",
            "name: \(receipt.name)",
            "sha256: \(receipt.sha256)",
        ]
        return lines.joined(separator: "\n")
    }
}
