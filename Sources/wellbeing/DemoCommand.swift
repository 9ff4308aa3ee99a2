import ArgumentParser
import Foundation
import WellbeingCore
import WellbeingIngest
import WellbeingServer

/// `wellbeing demo`: the embedded default, from nothing to a served, published wave on localhost.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate a synthetic wave, store and publish it, and serve it on localhost.",
        discussion: """
            In DIR (default demo/, replaced each run if an earlier demo made it): generates a seeded synthetic wave
            for a few LAs (DIR/returns/), ingests it into DIR/wellbeing.sqlite, publishes
            the export folder DIR/export/, creates a reader token, and serves the store on
            localhost (report-card pages public, the API behind the token), printing the
            address and the token. Stop it with Ctrl-C.

            The same steps by hand:
              wellbeing generate --pupils 20000 --schools 60 --las 3 --seed 2026 --out demo/returns
              wellbeing ingest --db demo/wellbeing.sqlite demo/returns/*.xml
              wellbeing publish --db demo/wellbeing.sqlite --out demo/export
              wellbeing token create --role reader --db demo/wellbeing.sqlite
              wellbeing serve --db demo/wellbeing.sqlite --public-pages

            Example:
              wellbeing demo --port 8081 --pupils 50000
            """
    )

    @Option(help: ArgumentHelp("Folder for the returns, store and export (replaced).", valueName: "DIR"))
    var dir = "demo"

    @Option(help: "Port to serve on, on 127.0.0.1; 0 picks a free one.")
    var port = 8080

    @Option(help: "Respondents in the wave.")
    var pupils = 20_000

    @Option(help: "Schools in the wave.")
    var schools = 60

    @Option(help: "Local authorities (one return each).")
    var las = 3

    @Option(help: "Seed of the synthetic wave.")
    var seed: UInt64 = 2026

    @OptionGroup var schemaOptions: SchemaOptions

    func run() async throws {
        let returns = dir + "/returns"
        let database = dir + "/wellbeing.sqlite"
        try replaceDemoFolder()
        let generate = try GenerateCommand.parse([
            "--pupils", "\(pupils)", "--schools", "\(schools)", "--las", "\(las)", "--seed", "\(seed)",
            "--no-straight-lining", "--out", returns,
        ])
        try generate.run()
        let files = try FileManager.default.contentsOfDirectory(atPath: returns).filter { $0.hasSuffix(".xml") }
            .sorted().map { returns + "/" + $0 }
        let ingest = try IngestCommand.parse(files + ["--db", database] + schemaArguments)
        try ingest.run()
        let publish = try PublishCommand.parse(["--db", database, "--out", dir + "/export"])
        try publish.run()
        let serve = try ServeCommand.parse(["--db", database, "--host", "127.0.0.1", "--port", "\(port)"]
                                           + schemaArguments + ["--public-pages"])
        let token = try serve.store.perform { store throws(StoreError) in
            try store.createToken(role: .reader, localAuthority: nil)
        }
        let summary = """

            Store: \(database)   Export folder: \(dir)/export
            Report cards: open the address below in a browser (pages are public in the demo; the API is not).
            Reader token (shown once): \(token.bearer)
            API: curl -H 'Authorization: Bearer \(token.bearer)' http://127.0.0.1:\(port)/api/v1/areas

            """
        FileHandle.standardOutput.write(Data(summary.utf8))
        try await serve.run()
    }

    /// Empties DIR for a new run; a non-empty folder that an earlier demo did not make is left alone.
    private func replaceDemoFolder() throws {
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: dir)) ?? []
        guard entries.isEmpty || entries.contains("wellbeing.sqlite") || entries.contains("returns") else {
            throw ValidationError("\(dir) is not empty and holds no earlier demo; pass --dir with a new folder")
        }
        do {
            if manager.fileExists(atPath: dir) { try manager.removeItem(atPath: dir) }
        } catch {
            throw CommandFailure.io("cannot replace \(dir): \(error.localizedDescription)")
        }
    }

    /// `--schema` passed on, when given.
    private var schemaArguments: [String] {
        schemaOptions.schema.map { ["--schema", $0] } ?? []
    }
}
