import CLinuxSystem
import Foundation

/// Name, version and source commit of this program, for the manifest.
public struct ProgramInfo: Sendable, Codable, Equatable {
    public static let version = "0.1.0"

    public let name: String
    public let version: String
    /// The GNU build ID of this executable (hex): a hash the linker makes of what it linked, so another build of
    /// other code has another one. It names the binary that ran, and keys the cache.
    public let buildId: String?
    /// The HEAD of the source checkout the binary was compiled in, when that checkout is still there to ask, at
    /// the time of the run (it may have moved on since the build: `buildId` names the binary).
    public let gitCommit: String?
    /// True when that checkout had uncommitted changes.
    public let gitDirty: Bool?

    /// Asks git in the source folder this binary was compiled from (#filePath), so an installed binary
    /// whose sources are gone simply reports no commit.
    public static func current() -> ProgramInfo {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let commit = git(["rev-parse", "HEAD"], in: root.path)
        let status = commit == nil ? nil : git(["status", "--porcelain", "--untracked-files=no"], in: root.path)
        return ProgramInfo(name: "peel", version: version, buildId: buildID, gitCommit: commit, gitDirty: status.map { !$0.isEmpty })
    }

    /// This executable's build ID, read once from its program headers in memory.
    static let buildID: String? = {
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = Int(CLinuxSystem_buildID(&bytes, Int32(bytes.count)))
        guard count > 0 else { return nil }
        return hexDigest(bytes.prefix(count))
    }()

    private static func git(_ arguments: [String], in folder: String) -> String? {
        guard FileManager.default.fileExists(atPath: folder + "/.git") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
