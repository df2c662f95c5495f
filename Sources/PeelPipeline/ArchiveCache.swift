import Foundation
import PeelArchive
import PeelTables

/// What makes a parsed result reusable: the same archive bytes read by the same program with the same
/// configuration and reference data. Any difference means the archive is read again.
struct CacheKey: Codable, Sendable, Equatable {
    let archiveSHA256: String
    let programVersion: String
    /// The build ID of the binary that parsed it (`ProgramInfo.buildId`).
    let program: String
    let configurationSHA256: String
    let referenceSHA256: String
    /// The pdftotext that read its PDFs ("pdftotext 22.12.0"; another release reads a PDF's text otherwise), or that
    /// there was none.
    let pdfTool: String
}

/// Makes the cache key of an archive from its checksum, for one run's program, configuration and reference data.
struct CacheKeys: Sendable {
    let program: String
    let configurationSHA256: String
    let referenceSHA256: String
    /// This run's pdftotext, asked when a key is first made (`pdftotext -v`, once a run).
    let pdfTool: @Sendable () -> String

    func key(for archiveSHA256: String) -> CacheKey {
        CacheKey(archiveSHA256: archiveSHA256, programVersion: ProgramInfo.version, program: program,
                 configurationSHA256: configurationSHA256, referenceSHA256: referenceSHA256, pdfTool: pdfTool())
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

/// An index file: the cached archive and the SHA-256 of its canonical JSON (sorted keys).
private struct SealedIndex: Codable {
    let archive: CachedArchive
    let sha256: String
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
            // An index is believed only as written: its checksum over its own contents, and its file name, must agree.
            guard let data = FileManager.default.contents(atPath: path + "/" + name),
                  let sealed = try? decoder.decode(SealedIndex.self, from: data),
                  sealed.sha256 == sha256Hex(Self.canonical(sealed.archive)),
                  name == sealed.archive.key.archiveSHA256 + ".json" else { continue }
            entries[sealed.archive.key.archiveSHA256] = sealed.archive
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

    /// The index file of one archive, as the dataset will hold it (deterministic: sorted keys), sealed with the
    /// checksum of its contents, so that an edited or torn index is never believed.
    static func index(for cached: CachedArchive) -> RenderedFile {
        let sealed = SealedIndex(archive: cached, sha256: sha256Hex(canonical(cached)))
        return RenderedFile(path: indexPath(cached.key.archiveSHA256), contents: encode(sealed) + [0x0A], rows: nil)
    }

    /// The bytes the seal is the checksum of.
    private static func canonical(_ cached: CachedArchive) -> [UInt8] { encode(cached) }

    private static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Only integers and strings: encoding cannot fail (no floating-point value that JSON cannot hold).
        return (try? encoder.encode(value)).map(Array.init) ?? []
    }
}

extension ProgramInfo {
    /// The program's identity for cache keys: the binary's own build ID (a commit of the checkout would name code
    /// the running binary may not be built from). nil when it has none, and then nothing is reused.
    var cacheIdentity: String? { buildId }
}
