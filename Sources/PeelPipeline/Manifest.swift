import Foundation
public import PeelPDF
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
        public var maxArchiveSeconds: Double
        public var maxEntryLines: Int
        public var queueBytes: Int
        public var pdfExtraction: PDFTextMode
        public var maxPdfPages: Int
        public var maxPdfSeconds: Double
        public var maxPdfMemoryBytes: Int
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
        /// The table formats written (`--format`): "csv", "parquet", or both.
        public var formats: [String]
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
        /// For a PDF entry: the extractor and its version, layout or reading order, pages, seconds.
        public var pdf: PDFExtraction?
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
        /// Entries skipped or quarantined, counted by status and reason, most frequent first: what a person reads
        /// before the entries themselves.
        public var reasons: [ReasonCount] = []
    }

    public struct ReasonCount: Codable, Sendable, Equatable {
        public var status: EntryStatus
        public var reason: String
        public var entries: Int
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
        // JSON has no NaN or infinity, and a manifest must never fail to encode over one (a rate of 0 ÷ 0 seconds):
        // such a number is written as text, so encoding cannot throw.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// One entry as it stands in the `entries` array of `encoded()`'s output (indented two levels, no comma), so a
    /// run can write its entries as they are committed instead of holding them all. Written by hand: JSONEncoder
    /// cost more per entry than rendering all its table rows; a test holds it to `encodedEntry(_:with:)`'s bytes.
    static func encodedEntry(_ entry: EntryRecord) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        func key(_ name: String, first: Bool = false) {
            out.append(contentsOf: (first ? "    {\n      \"" : ",\n      \"").utf8)
            out.append(contentsOf: name.utf8)
            out.append(contentsOf: "\" : ".utf8)
        }
        func strings(_ values: [String]) {
            out.append(UInt8(ascii: "["))
            out.append(0x0A)
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(contentsOf: ",\n".utf8) }
                out.append(contentsOf: "        ".utf8)
                appendJSONString(value, to: &out)
            }
            out.append(contentsOf: "\n      ]".utf8)
        }
        key("archive", first: true); appendJSONString(entry.archive, to: &out)
        key("bytes"); out.append(contentsOf: String(entry.bytes).utf8)
        key("ordinal"); out.append(contentsOf: String(entry.ordinal).utf8)
        key("path"); appendJSONString(entry.path, to: &out)
        if let pdf = entry.pdf {
            key("pdf")
            out.append(contentsOf: "{\n        \"extractor\" : ".utf8)
            appendJSONString(pdf.extractor, to: &out)
            out.append(contentsOf: ",\n        \"mode\" : ".utf8)
            appendJSONString(pdf.mode.rawValue, to: &out)
            out.append(contentsOf: ",\n        \"pages\" : \(pdf.pages),\n        \"seconds\" : ".utf8)
            // As JSONEncoder writes a double: whole numbers without a fraction.
            let seconds = pdf.seconds
            out.append(contentsOf: (seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : seconds.description).utf8)
            out.append(contentsOf: "\n      }".utf8)
        }
        if let problems = entry.problems { key("problems"); strings(problems) }
        if let reason = entry.reason { key("reason"); appendJSONString(reason, to: &out) }
        if let reportType = entry.reportType { key("report_type"); appendJSONString(reportType, to: &out) }
        if let sha256 = entry.sha256 { key("sha256"); appendJSONString(sha256, to: &out) }
        key("status"); appendJSONString(entry.status.rawValue, to: &out)
        if let warnings = entry.warnings { key("warnings"); strings(warnings) }
        out.append(contentsOf: "\n    }".utf8)
        return out
    }

    /// A JSON string as JSONEncoder writes it here: `"` and `\` escaped, \b \t \n \f \r short, other control
    /// characters as \u00xx, everything else (slashes, non-ASCII) as it is.
    private static func appendJSONString(_ text: String, to out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0..<0x20: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The same bytes through JSONEncoder: the reference `encodedEntry(_:)` is tested against.
    static func encodedEntry(_ entry: EntryRecord, with encoder: JSONEncoder) -> [UInt8] {
        let json = try! encoder.encode(entry)
        var out: [UInt8] = [0x20, 0x20, 0x20, 0x20]
        out.reserveCapacity(json.count + 64)
        for (index, byte) in json.enumerated() {
            out.append(byte)
            // A newline inside a string is escaped, so every raw one starts a line; an empty line (inside an empty
            // array) stays empty, as the encoder writes it at any depth.
            if byte == 0x0A && json[json.index(json.startIndex, offsetBy: index + 1)] != 0x0A { out.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) }
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
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(Manifest.self, from: Data(bytes))
    }
}
