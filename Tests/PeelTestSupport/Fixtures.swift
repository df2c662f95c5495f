import Foundation
import Crypto

/// The repository's test fixtures: the five sample reports and the embedded default input.
public enum Fixtures {
    /// The package root, found from this file's path.
    public static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    public static let samplesFolder = packageRoot + "/Tests/Fixtures/samples"
    public static let defaultInput = packageRoot + "/Inputs/peel-samples.tar.gz"

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
