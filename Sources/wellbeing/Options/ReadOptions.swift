import ArgumentParser
import WellbeingIngest
import WellbeingResources

/// How returns are read: the XSD, the size limit and the reference data behind the rules.
struct ReadOptions: ParsableArguments {
    @Option(name: .customLong("max-bytes"), help: ArgumentHelp("Largest file accepted, in bytes.", valueName: "N"))
    var maxBytes = ReadLimits().maxBytes

    @OptionGroup var schemaOptions: SchemaOptions
    @OptionGroup var reference: ReferenceOptions

    func validate() throws {
        guard maxBytes > 0 else { throw ValidationError("--max-bytes must be a positive number of bytes") }
    }

    /// Loads the reference data and compiles the schema into a reader.
    func makeReader() throws -> (reader: ReturnReader, data: ShippedReferenceData) {
        let data = try reference.load()
        let reader = ReturnReader(schema: try schemaOptions.load(), instruments: [data.catalogue.instrument],
                                  localAuthorities: data.localAuthorities, limits: ReadLimits(maxBytes: maxBytes))
        return (reader, data)
    }
}
