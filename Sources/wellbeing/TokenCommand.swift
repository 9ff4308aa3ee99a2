import ArgumentParser
import WellbeingCore
import WellbeingResources
import WellbeingStorage

/// `wellbeing token`: API tokens for the web service.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list or revoke API tokens for `wellbeing serve`.",
        discussion: """
            Roles: uploader (submits, lists and withdraws returns of one LA: --la),
            reader (published data and report cards), researcher (also exports),
            admin (everything). A token is printed once, at creation; the store keeps
            only a SHA-256 of its secret, so a lost token is revoked and replaced.

            Examples:
              wellbeing token create --role uploader --la 202
              wellbeing token create --role reader
              wellbeing token list
              wellbeing token revoke 3f9a1c2b7d4e
            """,
        subcommands: [Create.self, List.self, Revoke.self]
    )

    /// `token create`: prints the new token once.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token and print it (once).",
            discussion: """
                The token is the only line on standard output, so a script can capture it;
                its id and role go to standard error.

                Example:
                  TOKEN=$(wellbeing token create --role uploader --la 202 --db store.sqlite)
                """
        )

        @Option(help: ArgumentHelp("uploader, reader, researcher or admin.", valueName: "ROLE"))
        var role: String

        @Option(name: .customLong("la"),
                help: ArgumentHelp("The LA an uploader token is for (3-digit DfE code); uploaders only.",
                                   valueName: "CODE"))
        var localAuthority: String?

        @OptionGroup var store: StoreOptions

        func validate() throws {
            guard let role = AccessRole(rawValue: role) else {
                throw ValidationError("--role \"\(role)\" is not a role; use uploader, reader, researcher or admin")
            }
            if role == .uploader, localAuthority == nil {
                throw ValidationError("an uploader token is for one LA: add --la CODE (3-digit DfE code, e.g. 202)")
            }
            if role != .uploader, localAuthority != nil {
                throw ValidationError("--la is for uploader tokens only; leave it out for a \(role.rawValue) token")
            }
        }

        func run() throws {
            if let code = localAuthority {
                let directory: LocalAuthorityDirectory
                do {
                    directory = try ShippedReferenceData.load().localAuthorities
                } catch {
                    throw CommandFailure.io(error.description)
                }
                guard directory.isKnown(code: code) else {
                    throw ValidationError(
                        "LA \(code) is not in the shipped LA lookup; use its 3-digit DfE code, e.g. 202")
                }
            }
            let issued = try store.perform { store throws(StoreError) in
                try store.createToken(role: AccessRole(rawValue: role)!, localAuthority: localAuthority)
            }
            print(issued.bearer)
            printError("created \(issued.token.role.rawValue) token \(issued.token.id)"
                       + (issued.token.localAuthority.map { " for LA \($0)" } ?? "")
                       + "; it is shown only now, so keep it somewhere safe.")
        }
    }

    /// `token list`: every token's id, role, LA and dates; never a secret.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List tokens (ids, roles, LAs, dates; never the tokens themselves).",
            discussion: """
                Columns, separated by tabs: id, role, LA, created, revoked.

                Example:
                  wellbeing token list --db store.sqlite
                """
        )

        @OptionGroup var store: StoreOptions

        func run() throws {
            let tokens = try store.perform { store throws(StoreError) in
                try store.tokens()
            }
            guard !tokens.isEmpty else {
                print("no tokens; create one with `wellbeing token create --role ROLE`")
                return
            }
            print(["id", "role", "la", "created", "revoked"].joined(separator: "\t"))
            for token in tokens {
                print([token.id, token.role.rawValue, token.localAuthority ?? "-", token.created, token.revoked ?? "-"]
                    .joined(separator: "\t"))
            }
        }
    }

    /// `token revoke ID`: the token stops working at once.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a token; requests with it are refused from then on.",
            discussion: """
                Example:
                  wellbeing token revoke 3f9a1c2b7d4e --db store.sqlite
                """
        )

        @Argument(help: ArgumentHelp("The token's id (see `token list`).", valueName: "ID"))
        var id: String

        @OptionGroup var store: StoreOptions

        func run() throws {
            let token = try store.perform { store throws(StoreError) in
                try store.revokeToken(id: id)
            }
            print("token \(token.id) (\(token.role.rawValue)) revoked \(token.revoked ?? "")")
        }
    }
}
