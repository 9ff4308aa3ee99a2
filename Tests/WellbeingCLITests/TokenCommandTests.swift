import Foundation
import Testing

/// `wellbeing token`: create prints the token once (alone on stdout), list never shows it, revoke ends it.
@Suite struct TokenCommandTests {
    @Test func createListRevoke() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("store.sqlite").path
        let created = try CommandRunner.run(["token", "create", "--role", "uploader", "--la", "202", "--db", db])
        #expect(created.status == 0)
        let bearer = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(bearer.hasPrefix("wbt_"))
        let id = String(bearer.split(separator: "_")[1])
        #expect(created.stderr.contains(id))

        let listed = try CommandRunner.run(["token", "list", "--db", db])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("\(id)\tuploader\t202\t"))
        #expect(!listed.stdout.contains(bearer) && !listed.stdout.contains(bearer.split(separator: "_")[2]))

        let revoked = try CommandRunner.run(["token", "revoke", id, "--db", db])
        #expect(revoked.status == 0)
        let after = try CommandRunner.run(["token", "list", "--db", db])
        let line = try #require(after.stdout.split(separator: "\n").first { $0.hasPrefix(id) })
        let revokedAt = try #require(line.split(separator: "\t").last)
        #expect(revokedAt.hasPrefix("20"))
    }

    @Test(arguments: [
        ["--role", "uploader"], ["--role", "reader", "--la", "202"], ["--role", "owner"], ["--role", "uploader", "--la", "999"],
    ])
    func aTokenThatCannotBeMadeIsAUsageError(arguments: [String]) throws {
        // Exit 2 (usage), with the reason on stderr and no token on stdout.
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["token", "create"] + arguments
                                           + ["--db", directory.appendingPathComponent("s.sqlite").path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test func revokingAnUnknownIdExits1() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CommandRunner.run(["token", "revoke", "nope", "--db",
                                            directory.appendingPathComponent("s.sqlite").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("token list"))
    }
}
