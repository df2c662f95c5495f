import Foundation
public import PeelTables

/// `manifest.json`: the record of one run. Written last, so its presence says the dataset is complete.
/// Keys are snake_case and sorted, so two manifests diff cleanly.
public struct Manifest: Codable, Sendable {
    public var manifestVersion = 1
    public var runId: String
    public var startedAt: String
    public var finishedAt: String
    public var program: ProgramInfo
    public var configuration: ConfigurationRecord
    public var reference: [ReferenceRecord]
    public var options: OptionsRecord
    public var inputs: [InputRecord]
    public var entries: [EntryRecord]
    public var stages: [StageRecord]
    public var outputs: [OutputRecord]
    public var totals: Totals
    public var validation: ValidationTotals?
    /// Per table: rows and per-column statistics (nulls, distinct categories, min and max).
    public var tables: [TableRecord]?
    public var exitStatus: ExitRecord

    public struct ConfigurationRecord: Codable, Sendable {
        public var path: String?
        public var sha256: String
        public var maxEntryBytes: Int
        public var maxArchiveExpandedBytes: Int
        public var maxCompressionRatio: Double
        public var ratioCheckAfterBytes: Int
        public var maxNestingDepth: Int
        public var maxEntriesPerArchive: Int
        public var queueBytes: Int
    }

    /// A reference table the run used (`Pipeline/forces.csv` …).
    public struct ReferenceRecord: Codable, Sendable {
        public var path: String
        public var sha256: String
        public var rows: Int
    }

    public struct OptionsRecord: Codable, Sendable {
        public var inputs: [String]
        public var output: String
        public var jobs: Int
    }

    public struct InputRecord: Codable, Sendable {
        public var path: String
        public var bytes: Int
        public var sha256: String?
        /// Unchanged since the previous run: its results were reused, not read again (see --full).
        public var cached: Bool
        /// read: to the end; failed: reading stopped early (see error); entries before that stand.
        public var status: String
        public var error: String?
        public var format: String?
        public var filters: [String]
        public var entries: Int
        public var expandedBytes: Int
        public var seconds: Double
        public var warnings: [String]
    }

    public struct EntryRecord: Codable, Sendable {
        public var archive: String
        public var path: String
        public var ordinal: Int
        public var bytes: Int
        public var sha256: String?
        public var status: EntryStatus
        public var reason: String?
        public var reportType: String?
        public var warnings: [String]?
        /// What the parser could not read in this report, with line numbers.
        public var problems: [String]?
    }

    public struct StageRecord: Codable, Sendable {
        public var name: String
        public var items: Int
        /// Wall seconds for extract, write and publish; summed busy seconds of the workers for the rest.
        public var seconds: Double
        public var clock: String
    }

    public struct OutputRecord: Codable, Sendable {
        public var path: String
        public var rows: Int?
        public var bytes: Int
        public var sha256: String
    }

    public struct Totals: Codable, Sendable {
        public var archives: Int
        public var archivesFailed: Int
        public var entries: Int
        public var parsed: Int
        public var skipped: Int
        public var quarantined: Int
        public var reportsByType: [String: Int]
        public var parseErrors: Int
    }

    /// Validation findings counted by severity and by rule (then severity); the findings are in `validation.csv`.
    public struct ValidationTotals: Codable, Sendable {
        public var bySeverity: [String: Int]
        public var byRule: [String: [String: Int]]
    }

    public struct TableRecord: Codable, Sendable {
        public var name: String
        public var rows: Int
        public var columns: [ColumnStatistics]
    }

    public struct ExitRecord: Codable, Sendable {
        public var code: Int32
        public var name: String
    }

    public func encoded() -> [UInt8] {
        // Encoding plain value types cannot fail.
        Array(try! Self.encoder().encode(self)) + [0x0A]
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// One entry as it stands in the `entries` array of `encoded()`'s output (indented two levels, no comma), so a
    /// run can write its entries as they are committed instead of holding them all.
    static func encodedEntry(_ entry: EntryRecord, with encoder: JSONEncoder) -> [UInt8] {
        let json = try! encoder.encode(entry)
        var out: [UInt8] = [0x20, 0x20, 0x20, 0x20]
        out.reserveCapacity(json.count + 64)
        for byte in json {
            out.append(byte)
            // A newline inside a string is escaped, so every raw one starts a line.
            if byte == 0x0A { out.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) }
        }
        return out
    }

    /// `encoded()` of this manifest, whose `entries` is empty, cut where its entries go: head, then the entries
    /// (each from `encodedEntry`, joined by `,\n`), then tail are the same bytes as encoding the manifest holding them.
    func encodedAroundEntries() -> (head: [UInt8], tail: [UInt8]) {
        precondition(entries.isEmpty)
        let whole = encoded()
        let empty = Array("\n  \"entries\" : [\n\n  ]".utf8)
        // A raw newline is never inside a string, so this is the top-level key and nothing else.
        guard let start = whole.firstRange(of: empty)?.lowerBound else { preconditionFailure("manifest without entries") }
        let head = Array(whole[..<(start + empty.count - 4)])
        let tail = Array("\n  ]".utf8) + whole[(start + empty.count)...]
        return (head, tail)
    }

    public static func decode(_ bytes: [UInt8]) throws -> Manifest {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(Manifest.self, from: Data(bytes))
    }
}
