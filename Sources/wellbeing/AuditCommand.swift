import ArgumentParser
import WellbeingAudit
import WellbeingCore
import WellbeingExport

/// `wellbeing audit DIR`: re-audit an export folder from its files alone, trusting nothing else.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Re-audit an audited export folder from its files alone: is every primary cell still protected?",
        discussion: """
            For someone who distrusts the tool that made the folder. Rebuilds what an attacker \
            sees from indicators.csv (every published n and count; a published mean only as the \
            interval its 2-decimal rounding allows) and takes the hidden cells' true values from \
            audit.json, then runs the attacker's LP (GLPK) again for every hidden cell. It also \
            checks that the files agree: every c cell has an audit entry and no published cell \
            has one, and categories add up to totals and schools → LA → region → England, in n, \
            count and score sum. A disagreement means the folder was edited after export.

            Prints hidden cells per level, primary cells audited and protected, every \
            disagreement and the worst shortfalls with their location (never a cell's value).

            The folder must come from an audited export (the default) of every level and indicator:
              wellbeing aggregate returns/*.xml --out export/
              wellbeing audit export/

            Exit status: 0 when the files agree and every primary cell keeps its protection \
            interval; 1 when any cell is exposed or the files disagree; 2 when the folder cannot \
            be read (no audit.json, broken JSON or CSV) or was made with other reference data.
            """
    )

    @Argument(help: ArgumentHelp("The export folder (holding indicators.csv and audit.json).", valueName: "DIR"))
    var directory: String

    @OptionGroup var reference: ReferenceOptions

    func run() throws {
        let data = try reference.load()
        let folder: StatedFolder
        do {
            folder = try StatedFolder(path: directory, catalogue: data.catalogue)
        } catch {
            throw CommandFailure.io(error.description)
        }
        guard folder.policyVersion == data.policy.version else {
            throw CommandFailure.io("\(directory) was audited under suppression policy \(folder.policyVersion), not"
                                    + " \(data.policy.version). Pass that policy with --policy FILE.")
        }
        let audit: FolderAudit
        do {
            audit = try FolderAudit(folder: folder, policy: data.policy, auditor: GLPKAuditor())
        } catch {
            // Contradicting files can leave the attacker's constraints with no solution at all.
            guard folder.findings.isEmpty else {
                throw CommandFailure.invalid("the files of \(directory) disagree, so the folder was edited after"
                                             + " export: " + folder.findings.prefix(5).map(\.description)
                                                 .joined(separator: "; "))
            }
            throw CommandFailure.io("the LP audit could not run: \(error.description)")
        }
        print(audit.summary(), terminator: "")
        guard audit.isPassed else { throw ExitCode(1) }
    }
}
