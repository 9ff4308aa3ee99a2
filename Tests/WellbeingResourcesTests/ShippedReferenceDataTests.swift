import Foundation
import Testing
import WellbeingCore
import WellbeingResources

@Suite("Shipped reference data")
struct ShippedReferenceDataTests {
    let reference = try! ShippedReferenceData.load()

    @Test("LA code and ONS code pairs come from the shipped lookup", arguments: [
        ("202", "E09000007", true), ("202", "E09000001", false), ("370", "E08000038", true),
        ("942", "E06000063", true), ("999", "E09000007", false), (":", "E10000010", false),
    ])
    func laPairs(code: String, ons: String, valid: Bool) {
        #expect((reference.localAuthorities.authority(code: code, onsCode: ons) != nil) == valid)
    }

    @Test("every LA sits in one of the nine English regions")
    func regions() {
        #expect(reference.localAuthorities.regions.map(\.code) == (1...9).map { "E1200000\($0)" })
        let camden = reference.localAuthorities.authority(code: "202", onsCode: "E09000007")
        #expect(camden?.region.name == "London")
        #expect(reference.localAuthorities.authorities.count >= 150)
    }

    @Test("the default policy is the spec's: P1 n<10, P2 1–4, P3 below 50, 30% protection")
    func defaultPolicy() {
        #expect(reference.policy == .standard)
    }

    @Test("a policy file replaces the default and is named by its version")
    func customPolicy() throws {
        let data = try ShippedReferenceData.load(policy: fixture("policies/strict.json"))
        #expect(data.policy.version == "strict/test")
        #expect(data.policy.primary.minimumRespondents == 20)
        #expect(data.policy.protection(for: 10) == 5)
    }

    @Test("a broken policy is refused with the path and what to fix", arguments: [
        ("invalid-range.json", "protectionRange must be a share between 0 and 1"),
        ("missing-primary.json", "missing \"primary\""),
    ])
    func brokenPolicy(file: String, message: String) {
        #expect {
            _ = try ShippedReferenceData.load(policy: fixture("policies/\(file)"))
        } throws: { error in
            let text = "\(error)"
            return text.contains(message) && text.contains(file)
        }
    }

    @Test("the shipped catalogue and policy satisfy their JSON Schemas (checked by Python jsonschema)", arguments: [
        ("Sources/WellbeingResources/Data/catalogue.json", "Schemas/catalogue-1.schema.json"),
        ("Fixtures/catalogues/extra-indicator.json", "Schemas/catalogue-1.schema.json"),
        ("Sources/WellbeingResources/Data/suppression-policy.json", "Schemas/suppression-policy-1.schema.json"),
        ("Fixtures/policies/strict.json", "Schemas/suppression-policy-1.schema.json"),
    ])
    func jsonSchemas(document: String, schema: String) throws {
        #expect(try validateWithPython(document: document, schema: schema) == "valid")
    }

    @Test("the JSON Schema rejects a catalogue the loader also rejects")
    func schemaRejects() throws {
        #expect(try validateWithPython(document: "Fixtures/catalogues/invalid/wrong-format.json",
                                       schema: "Schemas/catalogue-1.schema.json") == "invalid")
    }

    private func validateWithPython(document: String, schema: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.currentDirectoryURL = packageRoot
        process.arguments = ["python3", "-c", """
            import json, sys, jsonschema
            try:
                jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))
                print("valid")
            except jsonschema.ValidationError as e:
                print("invalid")
            """, document, schema]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func fixture(_ relative: String) -> URL {
    packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(relative)
}
