import ArgumentParser

/// The `wellbeing` command: pupil well-being returns in, School Report Card indicators out.
@main
struct WellbeingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wellbeing",
        abstract: "Turn pupil well-being survey returns into suppressed School Report Card indicators.",
        discussion: """
            Typical use:
              wellbeing generate --pupils 5000 --schools 20 --las 2 --seed 1 --out wave.xml
              wellbeing validate wave.xml
              wellbeing aggregate wave.xml --out export/
            """,
        version: SoftwareVersion.current,
        subcommands: [ValidateCommand.self, AggregateCommand.self, GenerateCommand.self]
    )
}

/// The software version named in every output's provenance.
enum SoftwareVersion {
    static let current = "0.1.0"
}
