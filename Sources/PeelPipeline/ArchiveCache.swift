import Foundation
import PeelArchive
import PeelTables

/// What makes a parsed result reusable: the same archive bytes read by the same program with the same
/// configuration and reference data. Any difference means the archive is read again.
struct CacheKey: Codable, Sendable, Equatable {
    let archiveSHA256: String
    let programVersion: String
    let gitCommit: String
    let configurationSHA256: String
    let referenceSHA256: String
}

/// Makes the cache key of an archive from its checksum, for one run's program, configuration and reference data.
struct CacheKeys: Sendable {
    let gitCommit: String
    let configurationSHA256: String
    let referenceSHA256: String

    func key(for archiveSHA256: String) -> CacheKey {
        CacheKey(archiveSHA256: archiveSHA256, programVersion: ProgramInfo.version, gitCommit: gitCommit,
                 configurationSHA256: configurationSHA256, referenceSHA256: referenceSHA256)
    }
}

/// One input archive's parsed results, kept in the dataset for the next run: `.cache/<sha256>.json` (this: the key,
/// how reading went, and the checksum of the records) and `.cache/<sha256>.records` (every entry's outcome,
/// before duplicates across archives are marked, as length-prefixed binary records in entry order).
struct CachedArchive: Codable, Sendable {
    let key: CacheKey
    /// Size of the archive file: a run checksums an input before reading it only when some cached archive has
    /// its size (otherwise the checksum is computed while the archive is read).
    let archiveBytes: Int
    let summary: ArchiveSummary
    let records: Int
    let recordsSHA256: String
}

/// Incremental runs: the previous dataset's cache, read at start; only entries whose key matches are used.
struct ArchiveCache: Sendable {
    static let folder = ".cache"
    private let outputFolder: String
    private let entries: [String: CachedArchive]

    static let empty = ArchiveCache(outputFolder: "", entries: [:])

    static func indexPath(_ archiveSHA256: String) -> String { folder + "/" + archiveSHA256 + ".json" }
    static func recordsPath(_ archiveSHA256: String) -> String { folder + "/" + archiveSHA256 + ".records" }

    /// Reads `<output>/.cache/*.json`; anything unreadable is ignored (it is only ever an optimisation).
    static func load(outputFolder: String) -> ArchiveCache {
        let path = outputFolder + "/" + Self.folder
        var entries: [String: CachedArchive] = [:]
        let decoder = JSONDecoder()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: path + "/" + name),
                  let cached = try? decoder.decode(CachedArchive.self, from: data) else { continue }
            entries[cached.key.archiveSHA256] = cached
        }
        return ArchiveCache(outputFolder: outputFolder, entries: entries)
    }

    /// The cached archive and the path of its records, when the key matches and the records are the ones
    /// written (checked by checksum, so a torn or edited file means reading the archive again).
    /// Some cached archive has this size: the input may be unchanged, and its checksum will tell.
    func mayHold(archiveBytes: Int) -> Bool {
        entries.values.contains { $0.archiveBytes == archiveBytes }
    }

    func lookup(_ key: CacheKey) -> (archive: CachedArchive, recordsPath: String)? {
        guard let cached = entries[key.archiveSHA256], cached.key == key else { return nil }
        let path = outputFolder + "/" + Self.recordsPath(key.archiveSHA256)
        guard let (sha256, _) = try? sha256Hex(fileAt: path), sha256 == cached.recordsSHA256 else { return nil }
        return (cached, path)
    }

    /// The index file of one archive, as the dataset will hold it (deterministic: sorted keys).
    static func index(for cached: CachedArchive) -> RenderedFile {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try! encoder.encode(cached)
        return RenderedFile(path: indexPath(cached.key.archiveSHA256), contents: Array(data) + [0x0A], rows: nil)
    }
}

extension ProgramInfo {
    /// The program's identity for cache keys; nil when it cannot be told (no commit, or uncommitted changes),
    /// in which case nothing is reused.
    var cacheIdentity: String? {
        guard let gitCommit, gitDirty == false else { return nil }
        return gitCommit
    }
}
