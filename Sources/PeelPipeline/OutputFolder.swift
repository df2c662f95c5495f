import CLinuxSystem
import Foundation
import Glibc
import PeelTables

/// The output folder of a run: locked while the run lasts, written in a staging folder beside it, and
/// swapped in whole at the end, so readers (and a crash or kill at any moment) only ever see the previous
/// dataset or the new one.
///
/// The only paths written outside the output folder are its siblings `.<name>.lock`,
/// `.<name>.staging-<run id>` (and, where the file system cannot exchange two folders atomically,
/// `.<name>.previous-<run id>` for a moment), all in the same parent so renames stay on one file system.
final class OutputFolder {
    let target: String
    private let parent: String
    private let name: String
    private var lockDescriptor: Int32 = -1
    /// The run's staging folder, open and locked (`flock`) while the run writes it: the run lock's file can be deleted
    /// under a run, and a second run then takes a new one; finding the staging folder locked, it leaves it be.
    private var stagingDescriptor: Int32 = -1

    /// Resolves `path` once, symbolic links included, so that the lock, the staging folder and the swap are all
    /// beside the real folder: swapping a link's own name would leave the folder it points to stale forever, and
    /// two names for one dataset would take two locks.
    init(path: String) throws(RunFailure) {
        // Made absolute, not standardised: "L/../out" is where the system takes it (beside the folder L links to, not
        // beside L), and only realpath(3) resolves it so. A folder that does not exist yet is its parent's, resolved.
        var url = URL(fileURLWithPath: path)
        if url.lastPathComponent == "." || url.lastPathComponent == ".." { url = url.standardizedFileURL }
        if let real = realPath(url.path) {
            target = real
        } else if let link = symbolicLinkTarget(url.path) {
            throw RunFailure(.cannotCreateOutput, "\(path) is a symbolic link to \(link), which does not exist; create that folder, or give a folder as --output")
        } else {
            let parentPath = url.deletingLastPathComponent().path
            target = (realPath(parentPath) ?? parentPath) + "/" + url.lastPathComponent
        }
        let resolved = URL(fileURLWithPath: target)
        parent = resolved.deletingLastPathComponent().path
        name = resolved.lastPathComponent
        // Its siblings' names hold its own and more: they must fit a file system's name (NAME_MAX, 255 bytes), or the
        // run would fail at its end naming a staging folder the operator never chose.
        if name.utf8.count > Self.longestName {
            throw RunFailure(.cannotCreateOutput, "\(path): its name is \(name.utf8.count) bytes; peel writes its staging folder beside it as \".<name>.previous-<run id>\", so the name may have at most \(Self.longestName)")
        }
    }

    /// The longest name an output folder may have: 255 bytes less ".", ".previous-" and a run id (a UUID's 36).
    static let longestName = 255 - 1 - 10 - 36

    deinit {
        unlock()
        releaseStaging()
    }

    /// Takes the run lock: `flock(2)` on `.<name>.lock`, which the kernel drops when the process dies,
    /// so a crash never leaves a stale lock.
    func lock(wait: Bool = false) throws(RunFailure) {
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw RunFailure(.cannotCreateOutput, "\(parent): cannot create the output folder's parent: \(error.localizedDescription)")
        }
        let path = parent + "/." + name + ".lock"
        // Not through a symbolic link: one planted at the lock's name would have a run create or open the file it
        // names, anywhere.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw RunFailure(.cannotCreateOutput, "\(path): the lock file is a symbolic link, which peel does not follow; remove it") }
            throw RunFailure(.cannotCreateOutput, "\(path): \(errorText())")
        }
        var result: Int32
        repeat { result = flock(descriptor, wait ? LOCK_EX : LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
        if result != 0 {
            let busy = errno == EWOULDBLOCK
            close(descriptor)
            throw busy
                ? RunFailure(.locked, "another peel run is writing \(target) (lock \(path) is held); try again later")
                : RunFailure(.cannotCreateOutput, "\(path): cannot lock: \(errorText())")
        }
        lockDescriptor = descriptor
    }

    func unlock() {
        if lockDescriptor >= 0 {
            close(lockDescriptor)
            lockDescriptor = -1
        }
    }

    /// Refuses to replace a folder that is not a peel dataset: a mistyped `--output ~` must not wipe a home.
    /// A missing folder, an empty one, or one holding only a .gitkeep or the README.md a dataset holds (the repository's
    /// `Outputs/`) is fine; a README.md of the user's own, or a folder whose names cannot be listed, is not.
    func checkReplaceable() throws(RunFailure) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw RunFailure(.cannotCreateOutput, "\(target) exists and is not a folder; refusing to replace it")
        }
        let contents: [String]
        do { contents = try FileManager.default.contentsOfDirectory(atPath: target) } catch {
            throw RunFailure(.cannotCreateOutput, "\(target): cannot list the folder, so what it holds is not known; refusing to replace it")
        }
        // A mount point (or the root) cannot be renamed: the run would read everything and fail at its end.
        if target == "/" || isMountRoot(target) {
            throw RunFailure(.cannotCreateOutput, "\(target) is a mount point: peel swaps a new dataset in for the output folder by renaming it, which a mount point cannot be; give a folder inside it as --output")
        }
        let harmless = contents.allSatisfy { $0 == ".gitkeep" || ($0 == DatasetReadme.path && isDatasetReadme(target + "/" + $0)) }
        if harmless || isPeelManifest(target + "/manifest.json") { return }
        throw RunFailure(.cannotCreateOutput, "\(target) exists and is not a peel dataset (no manifest.json written by peel); refusing to replace it")
    }

    /// Files in the dataset being replaced that peel did not write (notes, a saved query …): they go with the
    /// previous dataset when the new one is swapped in, so the run names them. `tables` are the table names.
    func foreignFiles(tables: [String]) -> [String] { Self.foreignFiles(in: target, tables: tables) }

    /// The files in the dataset folder `folder` that peel did not write.
    static func foreignFiles(in folder: String, tables: [String]) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        let known: Set<String> = ["manifest.json", DatasetReadme.path, "datapackage.json", RunReportBuilder.path, ".gitkeep"]
        let tableFiles = Set(tables.flatMap { [$0 + ".csv", ParquetTableOutput.folder + "/" + $0 + ".parquet"] })
        var foreign: [String] = []
        while let path = walker.nextObject() as? String {
            if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { continue }
            var parts = path.split(separator: "/").map(String.init)
            // A partition file: <table>/year=…/part-….csv, or the same under parquet/ as .parquet.
            let inParquet = parts.first == ParquetTableOutput.folder && parts.count == 4
            if inParquet { parts.removeFirst() }
            let ours = known.contains(path) || tableFiles.contains(path) || parts.first == ArchiveCache.folder
                || (parts.count == 3 && tables.contains(parts[0]) && parts[1].hasPrefix("year=") && parts[2].hasPrefix("part-")
                    && parts[2].hasSuffix(inParquet ? ".parquet" : ".csv"))
            if !ours { foreign.append(path) }
        }
        return foreign.sorted()
    }

    /// Removes what a killed run left beside the output folder. Call with the lock held. A staging folder that a run
    /// still holds locked is no leftover: that run goes on, its lock file deleted under it, and this one is refused.
    func sweepLeftovers() throws(RunFailure) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for entry in entries where entry.hasPrefix("." + name + ".staging-") && Self.isHeld(parent + "/" + entry) {
            throw RunFailure(.locked, "another peel run is writing \(target): its staging folder \(parent)/\(entry) is in use (the lock file \(parent)/.\(name).lock was deleted while it ran); try again once it is done")
        }
        // A run killed between the two renames of the fallback publish: the previous dataset goes back.
        if !FileManager.default.fileExists(atPath: target), let previous = entries.filter({ $0.hasPrefix("." + name + ".previous-") }).sorted().last {
            _ = rename(parent + "/" + previous, target)
        }
        for entry in entries where entry.hasPrefix("." + name + ".staging-") || entry.hasPrefix("." + name + ".previous-") {
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    /// Whether a live process holds the folder at `path` locked (a run's staging folder).
    private static func isHeld(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }  // and with it the lock, if this took it
        var result: Int32
        repeat { result = flock(descriptor, LOCK_EX | LOCK_NB) } while result != 0 && errno == EINTR
        return result != 0 && errno == EWOULDBLOCK
    }

    private func releaseStaging() {
        if stagingDescriptor >= 0 {
            close(stagingDescriptor)
            stagingDescriptor = -1
        }
    }

    /// The staging folder of a run, created empty: the run writes its dataset there as it goes.
    func beginStaging(runId: String) throws(RunFailure) -> String {
        let staging = parent + "/." + name + ".staging-" + runId
        guard StagingFolders.shared.begin(staging) else { throw RunFailure(.ioError, "the run was stopped") }
        do { try makeFolder(staging) } catch {
            throw RunFailure(.ioError, "writing the dataset: \(staging): \(error.localizedDescription)")
        }
        releaseStaging()
        // New, so no other process holds it; where it cannot be opened, the run goes on as it did before the lock.
        stagingDescriptor = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        if stagingDescriptor >= 0 { _ = flock(stagingDescriptor, LOCK_EX | LOCK_NB) }
        return staging
    }

    /// Removes a staging folder whose run failed; the previous dataset stays as it was.
    func discard(staging: String) {
        // First: once a stop has begun, this waits for the process to end, and removes nothing.
        StagingFolders.shared.end(staging)
        releaseStaging()
        try? FileManager.default.removeItem(atPath: staging)
    }

    /// Writes small files whole into the staging folder, durably; their manifest records.
    func write(_ files: [RenderedFile], staging: String) throws(RunFailure) -> [Manifest.OutputRecord] {
        do {
            return try files.map { file in
                let path = staging + "/" + file.path
                try makeFolder((path as NSString).deletingLastPathComponent)
                try writeDurably(file.contents, to: path)
                return Manifest.OutputRecord(path: file.path, rows: file.rows, bytes: file.contents.count, sha256: sha256Hex(file.contents))
            }
        } catch {
            discard(staging: staging)
            throw RunFailure(.ioError, "writing the dataset: \(error)")
        }
    }

    /// Fsyncs every folder of the staging folder, which holds the whole dataset (its manifest written last: it is
    /// the commit record), and swaps it in for the target.
    func publish(staging: String, runId: String) throws(RunFailure) {
        do {
            var folders = [staging]
            let walker = FileManager.default.enumerator(atPath: staging)
            while let path = walker?.nextObject() as? String {
                if (walker?.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { folders.append(staging + "/" + path) }
            }
            // Deepest first, so each folder's entry in its parent is durable before the parent is synced.
            for folder in folders.sorted(by: { $0.count > $1.count }) { try syncFolder(folder) }
        } catch {
            discard(staging: staging)
            throw RunFailure(.ioError, "writing the dataset: \(error)")
        }

        // A stop signal waits for the swap, so the target is never left between two datasets by one; once the stop has
        // begun, nothing is swapped in (its handler has removed the staging folder and ends the process).
        defer {
            StagingFolders.shared.end(staging)
            releaseStaging()
        }
        let published = try StagingFolders.shared.publishing { () throws(RunFailure) in
            if FileManager.default.fileExists(atPath: target) {
                // Atomic: at every instant the target is either the whole old dataset or the whole new one.
                if CLinuxSystem_exchange(AT_FDCWD, staging, AT_FDCWD, target) != 0 {
                    let code = errno
                    guard code == EINVAL || code == ENOSYS || code == EOPNOTSUPP else {
                        let reason = errorText()
                        try? FileManager.default.removeItem(atPath: staging)
                        throw RunFailure(.cannotCreateOutput, "\(target): cannot swap in the new dataset: \(reason)")
                    }
                    // The file system cannot exchange (some NFS and FUSE mounts): two renames instead. A crash between
                    // them leaves the old dataset at `.<name>.previous-<run id>`, which the next run puts back.
                    let previous = parent + "/." + name + ".previous-" + runId
                    guard rename(target, previous) == 0, rename(staging, target) == 0 else {
                        let reason = errorText()
                        if !FileManager.default.fileExists(atPath: target) { _ = rename(previous, target) }
                        try? FileManager.default.removeItem(atPath: staging)
                        throw RunFailure(.cannotCreateOutput, "\(target): cannot move the new dataset into place: \(reason)")
                    }
                    try? syncFolder(parent)
                    try? FileManager.default.removeItem(atPath: previous)
                    return
                }
                try? syncFolder(parent)
                // The staging path now holds the previous dataset.
                try? FileManager.default.removeItem(atPath: staging)
            } else {
                guard rename(staging, target) == 0 else {
                    let reason = errorText()
                    try? FileManager.default.removeItem(atPath: staging)
                    throw RunFailure(.cannotCreateOutput, "\(target): cannot move the new dataset into place: \(reason)")
                }
                try? syncFolder(parent)
            }
        }
        if !published { throw RunFailure(.ioError, "the run was stopped") }
    }
}

/// A manifest written by peel (not just any manifest.json: web projects have those too). Only its end is read: its
/// keys are sorted, so `program` and `run_id` come after the entries, which can run to hundreds of megabytes
/// (parsing the whole file took 600 MB for 200,000 entries).
/// Whether the file at `path` opens as a dataset's README does (peel wrote it): any other README.md is someone's notes.
func isDatasetReadme(_ path: String) -> Bool {
    guard let file = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? file.close() }
    let heading = Array(DatasetReadme.heading.utf8)
    return ((try? file.read(upToCount: heading.count)) ?? nil).map { Array($0) == heading } ?? false
}

func isPeelManifest(_ path: String) -> Bool {
    manifestTail(path).map(isPeelManifest) ?? false
}

private func isPeelManifest(tail: [UInt8]) -> Bool {
    tail.lastRange(of: Array("\n  \"run_id\" : \"".utf8)) != nil && topLevelObject("program", in: tail)?["name"] as? String == "peel"
}

/// The reports a peel dataset in `folder` holds (its manifest's `totals.parsed`); nil where no peel manifest says.
func reportsInDataset(_ folder: String) -> Int? {
    guard let tail = manifestTail(folder + "/manifest.json"), isPeelManifest(tail: tail) else { return nil }
    return topLevelObject("totals", in: tail)?["parsed"] as? Int
}

/// A manifest's last megabyte: its keys are sorted, so `program`, `run_id` and `totals` come after the entries.
private func manifestTail(_ path: String) -> [UInt8]? {
    guard let file = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? file.close() }
    guard let size = try? file.seekToEnd() else { return nil }
    let tailLength = min(size, 1 << 20)
    guard (try? file.seek(toOffset: size - tailLength)) != nil, let data = try? file.readToEnd() else { return nil }
    return Array(data)
}

/// A top-level object of the manifest as peel writes it (two spaces in, closed at the same indentation), parsed.
private func topLevelObject(_ key: String, in tail: [UInt8]) -> [String: Any]? {
    guard let start = tail.lastRange(of: Array("\n  \"\(key)\" : {".utf8)),
          let end = tail[start.upperBound...].firstRange(of: Array("\n  }".utf8)) else { return nil }
    return try? JSONSerialization.jsonObject(with: Data(tail[(start.upperBound - 1)..<end.upperBound])) as? [String: Any]
}

extension Array where Element == UInt8 {
    fileprivate func lastRange(of pattern: [UInt8]) -> Range<Int>? {
        guard pattern.count <= count else { return nil }
        var index = count - pattern.count
        while index >= 0 {
            if self[index] == pattern[0] && self[index..<index + pattern.count].elementsEqual(pattern) { return index..<index + pattern.count }
            index -= 1
        }
        return nil
    }
}

// MARK: - System calls

/// The path with every symbolic link resolved (realpath(3)), or nil when it does not exist.
func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
}

/// What a symbolic link at `path` points to, or nil when `path` is not one.
func symbolicLinkTarget(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count >= 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}


private func makeFolder(_ path: String) throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
}

/// Writes all bytes and fsyncs before closing; EINTR and short writes are retried.
private func writeDurably(_ bytes: [UInt8], to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw SystemCallError(description: "\(path): \(errorText())") }
    defer { close(descriptor) }
    var written = 0
    while written < bytes.count {
        let n = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
        if n < 0 {
            if errno == EINTR { continue }
            throw SystemCallError(description: "\(path): \(errorText())")
        }
        written += n
    }
    guard fsync(descriptor) == 0 else { throw SystemCallError(description: "\(path): fsync: \(errorText())") }
}

private func syncFolder(_ path: String) throws {
    let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { throw SystemCallError(description: "\(path): \(errorText())") }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else { throw SystemCallError(description: "\(path): fsync: \(errorText())") }
}

/// Whether the folder at `path` is where a file system is mounted (statx's mount-root attribute: a btrfs subvolume,
/// which another device number also marks, can be renamed and is not one).
private func isMountRoot(_ path: String) -> Bool {
    CLinuxSystem_isMountRoot(path) == 1
}
