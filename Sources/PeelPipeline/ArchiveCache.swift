import Foundation
import PeelArchive

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

/// One input archive's outcome, kept in the dataset (`.cache/<sha256>.json`) for the next run.
struct CachedArchive: Codable, Sendable {
    let key: CacheKey
    let summary: ArchiveSummary
    /// Outcomes before duplicates across archives are marked (that depends on the other inputs).
    let outcomes: [EntryOutcome]
}

/// Incremental runs: the previous dataset's cache, read at start; only entries whose key matches are used.
struct ArchiveCache: Sendable {
    static let folder = ".cache"
    private let entries: [String: CachedArchive]

    static let empty = ArchiveCache(entries: [:])

    /// Reads `<output>/.cache/*.json`; anything unreadable is ignored (it is only ever an optimisation).
    static func load(outputFolder: String) -> ArchiveCache {
        let folder = outputFolder + "/" + Self.folder
        var entries: [String: CachedArchive] = [:]
        let decoder = JSONDecoder()
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name),
                  let cached = try? decoder.decode(CachedArchive.self, from: data) else { continue }
            entries[cached.key.archiveSHA256] = cached
        }
        return ArchiveCache(entries: entries)
    }

    func lookup(_ key: CacheKey) -> CachedArchive? {
        guard let cached = entries[key.archiveSHA256], cached.key == key else { return nil }
        return cached
    }

    /// The cache file of one archive, as the dataset will hold it (deterministic: sorted keys).
    static func file(for cached: CachedArchive) -> (path: String, contents: [UInt8]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try! encoder.encode(cached)
        return (folder + "/" + cached.key.archiveSHA256 + ".json", Array(data) + [0x0A])
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
