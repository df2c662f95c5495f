public import PeelArchive
import Foundation

/// Pipeline settings, read from `Pipeline/pipeline.json`. Every key is optional; a missing key keeps
/// its default, an unknown key is an error (a misspelt limit must not silently fall back).
public struct Configuration: Sendable, Equatable {
    public var limits = ExtractionLimits()
    /// Bytes of entries waiting between the archive readers and the parse workers.
    public var queueBytes = 64 << 20

    public init() {}
}

/// A configuration and the checksum of the bytes it came from (recorded in the manifest).
public struct LoadedConfiguration: Sendable {
    public let configuration: Configuration
    public let path: String?
    public let sha256: String
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
}

extension Configuration {
    /// Loads `path`; nil path means the built-in defaults (checksummed as their canonical JSON).
    public static func load(path: String?) throws(ConfigurationError) -> LoadedConfiguration {
        guard let path else {
            let canonical = Array(#"{"defaults":true}"#.utf8)
            return LoadedConfiguration(configuration: Configuration(), path: nil, sha256: sha256Hex(canonical))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(description: "\(path): cannot read the configuration file")
        }
        do {
            let configuration = try parse(data)
            return LoadedConfiguration(configuration: configuration, path: path, sha256: sha256Hex(Array(data)))
        } catch {
            throw ConfigurationError(description: "\(path): \(error)")
        }
    }

    static func parse(_ data: Data) throws -> Configuration {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ConfigurationError(description: "the top level must be a JSON object")
        }
        var configuration = Configuration()
        for (key, value) in object {
            switch key {
            case "limits":
                guard let limits = value as? [String: Any] else { throw ConfigurationError(description: "\"limits\" must be an object") }
                try configuration.limits.apply(limits)
            case "queue_bytes":
                configuration.queueBytes = try positiveInteger(value, key)
            case let other where other.hasPrefix("_"):
                continue  // "_comment" keys document the file
            default:
                throw ConfigurationError(description: "unknown key \"\(key)\"")
            }
        }
        return configuration
    }
}

extension ExtractionLimits {
    mutating func apply(_ object: [String: Any]) throws {
        for (key, value) in object {
            switch key {
            case "max_entry_bytes": maxEntryBytes = try positiveInteger(value, key)
            case "max_archive_expanded_bytes": maxArchiveExpandedBytes = try positiveInteger(value, key)
            case "max_compression_ratio": maxCompressionRatio = Double(try positiveInteger(value, key))
            case "ratio_check_after_bytes": ratioCheckAfterBytes = try positiveInteger(value, key)
            case "max_nesting_depth": maxNestingDepth = try positiveInteger(value, key)
            case "max_entries_per_archive": maxEntriesPerArchive = try positiveInteger(value, key)
            case let other where other.hasPrefix("_"): continue
            default: throw ConfigurationError(description: "unknown key \"limits.\(key)\"")
            }
        }
    }
}

private func positiveInteger(_ value: Any, _ key: String) throws -> Int {
    // JSON true/false also arrive as NSNumber; their Objective-C type code is "c".
    guard let number = value as? NSNumber, String(cString: number.objCType) != "c",
          let integer = Int(exactly: number.doubleValue), integer > 0 else {
        throw ConfigurationError(description: "\"\(key)\" must be a positive whole number, not \(value)")
    }
    return integer
}
