public import Foundation
public import WellbeingCore

/// The reference data shipped with the package: the catalogue, the LA lookup and the default policy.
///
/// Loaded once at start-up and passed in to whatever needs it; nothing reads it from a global.
public struct ShippedReferenceData: Sendable {
    public var catalogue: Catalogue
    public var localAuthorities: LocalAuthorityDirectory
    public var policy: SuppressionPolicy

    /// Loads the shipped files, optionally replacing the catalogue or policy with files of the user's.
    public static func load(catalogue catalogueURL: URL? = nil, policy policyURL: URL? = nil) throws(LoadError)
        -> ShippedReferenceData
    {
        let catalogue: Catalogue = try decode(catalogueURL ?? shipped("catalogue.json"), what: "catalogue")
        let policy: SuppressionPolicy = try decode(policyURL ?? shipped("suppression-policy.json"),
                                                   what: "suppression policy")
        let lookupURL = shipped("region_la_hierarchy.csv")
        let text: String
        do {
            text = try String(contentsOf: lookupURL, encoding: .utf8)
        } catch {
            throw LoadError(path: lookupURL.path, problem: "cannot be read (\(error.localizedDescription))")
        }
        do {
            let directory = try LocalAuthorityDirectory(csv: text)
            return ShippedReferenceData(catalogue: catalogue, localAuthorities: directory, policy: policy)
        } catch {
            throw LoadError(path: lookupURL.path, problem: error.description)
        }
    }

    /// The URL of a file shipped in the resource bundle.
    public static func shipped(_ name: String) -> URL {
        Bundle.module.url(forResource: "Data/\(name)", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("Data").appendingPathComponent(name)
    }

    /// Decodes a catalogue or policy file, turning decoding failures into a readable message.
    public static func decode<T: Decodable>(_ url: URL, what: String) throws(LoadError) -> T {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw LoadError(path: url.path, problem: "the \(what) file cannot be read (\(error.localizedDescription))")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as CatalogueError {
            throw LoadError(path: url.path, problem: "invalid \(what): \(error.description)")
        } catch let error as PolicyError {
            throw LoadError(path: url.path, problem: "invalid \(what): \(error.description)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw LoadError(path: url.path, problem: "invalid \(what): missing \"\(key.stringValue)\" at "
                + Self.path(context.codingPath))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw LoadError(path: url.path, problem: "invalid \(what): wrong type at \(Self.path(context.codingPath))"
                + " (\(context.debugDescription))")
        } catch let DecodingError.dataCorrupted(context) {
            throw LoadError(path: url.path, problem: "invalid \(what) at \(Self.path(context.codingPath)): "
                + context.debugDescription)
        } catch {
            throw LoadError(path: url.path, problem: "invalid \(what): \(error)")
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        let parts = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }
        return parts.isEmpty ? "the top level" : parts.joined()
    }
}

/// A reference file (catalogue, policy, LA lookup) that cannot be loaded.
public struct LoadError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var problem: String
    public var description: String { "\(path): \(problem)" }
}
