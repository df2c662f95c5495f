import Foundation
import Crypto

/// The repository's test fixtures: the five sample reports and the embedded default input.
public enum Fixtures {
    /// The package root, found from this file's path.
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    public static let samplesFolder = packageRoot + "/Tests/Fixtures/samples"
    public static let defaultInput = packageRoot + "/Inputs/peel-samples.tar.gz"
    /// The samples printed to PDF by LibreOffice, and their pdftotext extractions (`make-extractions.py`).
    public static let extractionsFolder = packageRoot + "/Tests/Fixtures/extractions"
    /// The Python that has the downstream readers (pandas, pyarrow, DuckDB): `.ci/setup`'s virtual environment when
    /// it is there (Debian's own python3 has none of them), else `python3` on PATH.
    public static var downstreamPython: String {
        let venv = packageRoot + "/.venv-downstream/bin/python"
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }
    /// Damaged and hostile PDFs, and Office documents, made from those (`make-documents.sh`).
    public static let documentsFolder = packageRoot + "/Tests/Fixtures/documents"

    /// Sample file names in byte order.
    public static var sampleNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: samplesFolder)) ?? []).sorted()
    }

    public static func sample(_ name: String) -> [UInt8] {
        readBytes(samplesFolder + "/" + name)
    }
}

/// Copies the files the program ships in `Pipeline/` (configuration and reference tables) into `folder`,
/// so a run with `--config folder/pipeline.json` (or another configuration there) finds them beside it.
public func copyPipelineFiles(_ names: [String] = ["forces.csv", "population.csv", "pipeline.json"], to folder: String) throws {
    for name in names where !FileManager.default.fileExists(atPath: folder + "/" + name) {
        try FileManager.default.copyItem(atPath: Fixtures.packageRoot + "/Pipeline/" + name, toPath: folder + "/" + name)
    }
}

public func readBytes(_ path: String) -> [UInt8] {
    FileManager.default.contents(atPath: path).map(Array.init) ?? []
}

public func writeBytes(_ bytes: [UInt8], to path: String) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

/// A single-member .gz (or .tar.gz) damaged as the damage tests need it: bytes from SplitMix(seed: 15) over the last
/// fifth of its deflate data, its 8-byte trailer left as it was. On the samples' tar at `gzip -6` the national
/// overview's end is inflated from the garbage and still reads as a whole entry (GzipInputTests checks it does).
public func overwriteDeflateTail(_ bytes: inout [UInt8]) {
    var generator = SplitMix(seed: 15)
    for index in (bytes.count * 4 / 5)..<(bytes.count - 8) { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
}

public func sha256Hex(_ bytes: [UInt8]) -> String {
    SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
}

/// A new empty folder under the system's temporary folder.
public func makeTemporaryFolder(_ label: String = "peel-test") -> String {
    let path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString.prefix(8))"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Copies the samples into `folder` (created if needed) and returns their names.
@discardableResult
public func copySamples(to folder: String) throws -> [String] {
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for name in Fixtures.sampleNames {
        try FileManager.default.copyItem(atPath: Fixtures.samplesFolder + "/" + name, toPath: folder + "/" + name)
    }
    return Fixtures.sampleNames
}

public struct ShellError: Error, CustomStringConvertible {
    public let description: String
}

/// Runs `command` with /bin/sh in `folder` (the real tools: zip, tar, 7z …); throws on a non-zero exit.
@discardableResult
public func shell(_ command: String, in folder: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    process.standardInput = FileHandle.nullDevice
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    guard process.terminationStatus == 0 else {
        throw ShellError(description: "`\(command)` exited \(process.terminationStatus): \(text)")
    }
    return text
}

/// The rows of a CSV file peel wrote (RFC 4180: quoted fields may hold commas, quotes and line breaks), each
/// as column name → text.
public func readCSV(_ path: String) -> [[String: String]] {
    var records: [[String]] = [[]]
    var field = ""
    var quoted = false
    var characters = String(decoding: readBytes(path), as: UTF8.self).makeIterator()
    while let character = characters.next() {
        if quoted {
            if character == "\"" {
                guard let next = characters.next() else { quoted = false; break }
                if next == "\"" { field.append("\"") } else {
                    quoted = false
                    if next == "," { records[records.count - 1].append(field); field = "" }
                    else if next == "\n" { records[records.count - 1].append(field); field = ""; records.append([]) }
                    else { field.append(next) }
                }
            } else {
                field.append(character)
            }
        } else if character == "\"" && field.isEmpty {
            quoted = true
        } else if character == "," {
            records[records.count - 1].append(field)
            field = ""
        } else if character == "\n" {
            records[records.count - 1].append(field)
            field = ""
            records.append([])
        } else {
            field.append(character)
        }
    }
    if !field.isEmpty || !(records.last ?? []).isEmpty { records[records.count - 1].append(field) }
    records.removeAll { $0.isEmpty }
    guard let header = records.first else { return [] }
    return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
}

/// A small seeded generator (SplitMix64), so that a random test can print its seed and be replayed.
public struct SplitMix: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The generator of the random test `name`: seeded with `PEEL_SEED` when it is set (to replay a failure), else with
/// `standard`, and the seed printed either way.
public func seededGenerator(_ name: String, standard: UInt64) -> SplitMix {
    let seed = ProcessInfo.processInfo.environment["PEEL_SEED"].flatMap { UInt64($0) } ?? standard
    print("\(name) seed \(seed) (set PEEL_SEED to replay)")
    return SplitMix(seed: seed)
}

/// A value shared between a test and the threads it starts, behind a lock.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    public init(_ value: Value) { self.value = value }
    public var current: Value { lock.lock(); defer { lock.unlock() }; return value }
    public func update(_ change: (inout Value) -> Void) { lock.lock(); change(&value); lock.unlock() }
}

/// A dataset's index.html without the elements marked `data-run-specific` (the run's id, start time and stage
/// times): what two runs of the same inputs must agree on byte for byte.
public func withoutRunSpecificParts(_ html: String) -> String {
    let pattern = try! NSRegularExpression(pattern: #"<(\w+)[^>]*\bdata-run-specific\b[^>]*>.*?</\1>"#, options: [.dotMatchesLineSeparators])
    return pattern.stringByReplacingMatches(in: html, range: NSRange(location: 0, length: html.utf16.count), withTemplate: "")
}
