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
    /// The HEAD of the source checkout the binary was compiled in, when that checkout is still there to read, at
    /// the time of the run (it may have moved on since the build: `buildId` names the binary).
    public let gitCommit: String?

    /// Reads the HEAD of the source folder this binary was compiled from (#filePath), so an installed binary
    /// whose sources are gone simply reports no commit. Read from git's files, not by running git: asking `git
    /// status` for a dirty flag cost every run 0.2 s of wall time (two processes and a read of the index) before
    /// any entry was read.
    public static func current() -> ProgramInfo {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return ProgramInfo(name: "peel", version: version, buildId: buildID, gitCommit: headCommit(of: root.path))
    }

    /// The commit HEAD names in the checkout at `root`: a detached hash, or the hash its branch holds in a loose ref
    /// or in packed-refs (in a linked worktree, `.git` is a file naming the worktree's git folder, and branches
    /// live in the common folder it names).
    static func headCommit(of root: String) -> String? {
        func read(_ path: String) -> String? {
            (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func isCommit(_ text: String) -> Bool { text.utf8.count == 40 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) } }
        func resolved(_ path: String, from base: String) -> String { path.hasPrefix("/") ? path : base + "/" + path }
        var gitFolder = root + "/.git"
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: gitFolder, isDirectory: &isFolder) else { return nil }
        if !isFolder.boolValue {
            guard let link = read(gitFolder), link.hasPrefix("gitdir: ") else { return nil }
            gitFolder = resolved(String(link.dropFirst("gitdir: ".count)), from: root)
        }
        guard let head = read(gitFolder + "/HEAD") else { return nil }
        guard head.hasPrefix("ref: ") else { return isCommit(head) ? head : nil }
        let ref = String(head.dropFirst("ref: ".count))
        let common = read(gitFolder + "/commondir").map { resolved($0, from: gitFolder) } ?? gitFolder
        for folder in [gitFolder, common] {
            if let hash = read(folder + "/" + ref), isCommit(hash) { return hash }
        }
        for line in (read(common + "/packed-refs") ?? "").split(separator: "\n") where line.hasSuffix(" " + ref) {
            let hash = String(line.prefix(40))
            if isCommit(hash) { return hash }
        }
        return nil
    }

    /// This executable's build ID, read once from its program headers in memory.
    static let buildID: String? = {
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = Int(CLinuxSystem_buildID(&bytes, Int32(bytes.count)))
        guard count > 0 else { return nil }
        return hexDigest(bytes.prefix(count))
    }()
}
