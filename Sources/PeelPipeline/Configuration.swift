public import PeelArchive
public import PeelEnrichment
public import PeelPDF
public import PeelValidation
import Foundation

/// Pipeline settings, read from `Pipeline/pipeline.json`. Every key is optional; a missing key keeps
/// its default, an unknown key is an error (a misspelt limit must not silently fall back).
public struct Configuration: Sendable, Equatable {
    public var limits = ExtractionLimits()
    /// Bytes of entries waiting between the archive readers and the parse workers.
    public var queueBytes = 64 << 20
    /// Which population divides which figure.
    public var population = DenominatorPolicy()
    public var validation = ValidationSettings()
    /// How PDF entries are turned into text.
    public var pdf = PDFSettings()

    public init() {}
}

/// A configuration and the checksum of the bytes it came from (recorded in the manifest).
public struct LoadedConfiguration: Sendable {
    public let configuration: Configuration
    public let path: String
    public let sha256: String
}

public struct ConfigurationError: Error, CustomStringConvertible {
    public let description: String
}

extension Configuration {
    /// Loads `path` (its checksum goes into the manifest and the cache keys).
    public static func load(path: String) throws(ConfigurationError) -> LoadedConfiguration {
        // Read through open(2), for the system's reason when it cannot be ("No such file or directory", "Too many open
        // files": a process out of descriptors is no configuration mistake to look for in the file).
        let data: Data
        switch readSettingsFile(path) {
        case .success(let read): data = read
        case .failure(let error): throw ConfigurationError(description: "\(path): cannot read the configuration file: \(error)")
        }
        do {
            let configuration = try parse(data)
            return LoadedConfiguration(configuration: configuration, path: path, sha256: sha256Hex(Array(data)))
        } catch {
            throw ConfigurationError(description: "\(path): \(error)")
        }
    }

    static func parse(_ data: Data) throws -> Configuration {
        switch ConfigurationSlip.first(in: Array(data)) {
        case let .duplicateKey(key)?:
            throw ConfigurationError(description: "\"\(key)\" is given twice (JSON keeps only one of them)")
        case let .trailingComma(line)?:
            throw ConfigurationError(description: "not valid JSON (line \(line)): a comma before a closing bracket or brace, which JSON does not allow")
        case nil:
            break
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            // Foundation's own description is its error domain and code; the reason, and where, are in the user info.
            let info = (error as NSError).userInfo
            let reason = info[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            var place = ""
            // The offset is in the user info on Darwin, only in the reason's words here ("… around character 29.").
            let stated = reason.range(of: "around character ").flatMap { Int(reason[$0.upperBound...].prefix { $0.isNumber }) }
            if let offset = info["NSJSONSerializationErrorIndex"] as? Int ?? stated, offset >= 0, offset <= data.count {
                let before = data.prefix(offset)
                let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
                let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
                place = " (line \(line), column \(column))"
            }
            throw ConfigurationError(description: "not valid JSON\(place): \(reason)")
        }
        guard let object = parsed as? [String: Any] else {
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
            case "population":
                guard let object = value as? [String: Any] else { throw ConfigurationError(description: "\"population\" must be an object") }
                try configuration.population.apply(object)
            case "validation":
                guard let object = value as? [String: Any] else { throw ConfigurationError(description: "\"validation\" must be an object") }
                try configuration.validation.apply(object)
            case "pdf":
                guard let object = value as? [String: Any] else { throw ConfigurationError(description: "\"pdf\" must be an object") }
                try configuration.pdf.apply(object)
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
            case "max_archive_seconds": maxArchiveSeconds = Double(try positiveInteger(value, key))
            case "max_entry_lines": maxEntryLines = try positiveInteger(value, key)
            case let other where other.hasPrefix("_"): continue
            default: throw ConfigurationError(description: "unknown key \"limits.\(key)\"")
            }
        }
    }
}

extension DenominatorPolicy {
    mutating func apply(_ object: [String: Any]) throws {
        for (key, value) in object {
            switch key {
            case "file":
                guard let file = value as? String, !file.isEmpty, !file.contains("/") else { throw ConfigurationError(description: "\"population.file\" must be a file name in the configuration's folder") }
                self.file = file
            case "vintage":
                guard let name = value as? String, let chosen = PopulationVintage(rawValue: name) else {
                    let choices = PopulationVintage.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
                    throw ConfigurationError(description: "\"population.vintage\" must be \(choices), not \(value)")
                }
                vintage = chosen
            case "year_offset":
                guard let offset = wholeNumber(value) else {
                    throw ConfigurationError(description: "\"population.year_offset\" must be a whole number")
                }
                yearOffset = offset
            case "year_overrides":
                guard let map = value as? [String: Any] else { throw ConfigurationError(description: "\"population.year_overrides\" must map report years to population years") }
                for (reportYear, populationYear) in map {
                    guard let from = Int(reportYear), let to = wholeNumber(populationYear) else {
                        throw ConfigurationError(description: "\"population.year_overrides\": \"\(reportYear)\" must map a year to a year")
                    }
                    yearOverrides[from] = to
                }
            case "combined_areas":
                guard let list = value as? [[String: Any]] else { throw ConfigurationError(description: "\"population.combined_areas\" must be a list of objects") }
                combinedAreas = try list.map { item in
                    guard let forces = item["forces"] as? [String], forces.count >= 2, let metrics = item["metrics"] as? [String],
                          let listed = item["report_years"] as? [Any], case let years = listed.compactMap(wholeNumber), years.count == listed.count else {
                        throw ConfigurationError(description: "\"population.combined_areas\": each needs forces (2 or more), metrics and report_years")
                    }
                    return CombinedArea(forces: forces, metrics: Set(metrics), reportYears: Set(years))
                }
            case "unusable_denominators":
                guard let map = value as? [String: String] else { throw ConfigurationError(description: "\"population.unusable_denominators\" must map force ids to reasons") }
                unusable = map
            case let other where other.hasPrefix("_"): continue
            default: throw ConfigurationError(description: "unknown key \"population.\(key)\"")
            }
        }
    }
}

extension ValidationSettings {
    mutating func apply(_ object: [String: Any]) throws {
        for (key, value) in object {
            switch key {
            case "population_tolerance_pct":
                guard let number = jsonNumber(value), number >= 0 else { throw ConfigurationError(description: "\"validation.population_tolerance_pct\" must be a number ≥ 0") }
                populationTolerancePercent = number
            case "outlier_factor":
                guard let number = jsonNumber(value), number > 1 else { throw ConfigurationError(description: "\"validation.outlier_factor\" must be a number > 1") }
                outlierFactor = number
            case let other where other.hasPrefix("_"): continue
            default: throw ConfigurationError(description: "unknown key \"validation.\(key)\"")
            }
        }
    }
}

extension PDFSettings {
    mutating func apply(_ object: [String: Any]) throws {
        for (key, value) in object {
            switch key {
            case "extraction":
                guard let name = value as? String, let chosen = PDFTextMode(rawValue: name) else {
                    let choices = PDFTextMode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
                    throw ConfigurationError(description: "\"pdf.extraction\" must be \(choices), not \(value)")
                }
                mode = chosen
            case "max_pdf_pages": maxPages = try positiveInteger(value, "pdf.\(key)")
            case "max_pdf_seconds":
                guard let seconds = jsonNumber(value), seconds > 0, seconds <= 86_400 else {
                    throw ConfigurationError(description: "\"pdf.max_pdf_seconds\" must be a number of seconds above 0 and at most 86400, not \(value)")
                }
                maxSeconds = seconds
            case "max_pdf_memory_bytes":
                let bytes = try positiveInteger(value, "pdf.\(key)")
                // Below this pdftotext cannot even load its libraries, and every PDF would fail with a misleading reason.
                guard bytes >= 64 << 20 else { throw ConfigurationError(description: "\"pdf.max_pdf_memory_bytes\" must be at least 67108864 (64 MiB), not \(bytes)") }
                maxMemoryBytes = bytes
            case let other where other.hasPrefix("_"): continue
            default: throw ConfigurationError(description: "unknown key \"pdf.\(key)\"")
            }
        }
    }
}

private func positiveInteger(_ value: Any, _ key: String) throws -> Int {
    guard let integer = wholeNumber(value), integer > 0 else {
        throw ConfigurationError(description: "\"\(key)\" must be a positive whole number, not \(value)")
    }
    return integer
}

/// A JSON number's value; nil for anything else. JSON's true and false also arrive as NSNumber (1 and 0, their
/// Objective-C type code "c"): a flag where a number belongs is a mistake, not a 1.
private func jsonNumber(_ value: Any) -> Double? {
    guard let number = value as? NSNumber, String(cString: number.objCType) != "c" else { return nil }
    return number.doubleValue
}

/// A JSON number that is whole (2016, not 2016.5 read as 2016); nil for anything else.
private func wholeNumber(_ value: Any) -> Int? {
    jsonNumber(value).flatMap { Int(exactly: $0) }
}

/// The first of two hand-editing slips in a configuration's JSON, in the order the text holds them, told before it is
/// parsed: a key given twice in one object (JSONSerialization keeps one of the two silently, so a limit edited in one
/// place and left in another would be half ignored), or a comma before a closing "}" or "]" (Foundation's parser on
/// Linux accepts it, where JSON, and every other reader of the file, does not). Only keys and commas are looked at;
/// the parser proper reports any other malformed JSON.
enum ConfigurationSlip: Equatable {
    /// The key, dotted with its parents ("limits.max_entry_bytes").
    case duplicateKey(String)
    /// The comma's line.
    case trailingComma(line: Int)

    static func first(in bytes: [UInt8]) -> ConfigurationSlip? {
        // One frame per open object or array: the object's keys so far and the key that opened it.
        var frames: [(isObject: Bool, keys: Set<String>, name: String)] = []
        var expectingKey = false
        var lastString: String?
        var line = 1
        /// The line of a comma with nothing but white space after it so far.
        var commaLine: Int?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                var end = index + 1
                var text: [UInt8] = []
                var escaped = false
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") {
                    if bytes[end] == UInt8(ascii: "\\") && end + 1 < bytes.count { text.append(bytes[end]); end += 1; escaped = true }
                    text.append(bytes[end])
                    end += 1
                }
                // A key is the string its escapes spell ("max\u005fentry_bytes" is "max_entry_bytes"), as the parser
                // reads it; one it cannot read the parser reports.
                lastString = escaped && end < bytes.count
                    ? (try? JSONSerialization.jsonObject(with: Data(bytes[index...end]), options: .fragmentsAllowed)) as? String
                    : String(decoding: text, as: UTF8.self)
                index = end
                commaLine = nil
            case UInt8(ascii: ":"):
                if expectingKey, let key = lastString, let frame = frames.last, frame.isObject {
                    if frame.keys.contains(key) { return .duplicateKey((frames.map(\.name).filter { !$0.isEmpty } + [key]).joined(separator: ".")) }
                    frames[frames.count - 1].keys.insert(key)
                }
                expectingKey = false
                commaLine = nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let name = frames.last?.isObject == true ? (lastString ?? "") : ""
                frames.append((byte == UInt8(ascii: "{"), [], name))
                expectingKey = byte == UInt8(ascii: "{")
                lastString = nil
                commaLine = nil
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if let commaLine { return .trailingComma(line: commaLine) }
                _ = frames.popLast()
                expectingKey = false
            case UInt8(ascii: ","):
                expectingKey = frames.last?.isObject == true
                lastString = nil
                commaLine = line
            case 0x0A:
                line += 1
            case 0x20, 0x09, 0x0D:
                break
            default:
                commaLine = nil
            }
            index += 1
        }
        return nil
    }
}
