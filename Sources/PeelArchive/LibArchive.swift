// The only Swift file that sees libarchive. Handles stay inside scoped closures; everything that
// leaves is a Sendable value (ExtractedEntry, ArchiveSummary).
import CLibArchive
import Dispatch
import Glibc

/// Streams the entries of an archive file through libarchive, never writing them to disk.
///
/// Formats and filters are enabled by name (zip, tar, 7z, raw; gzip, bzip2, xz, lzma), not with
/// `support_format_all`, so no RAR, CAB, ISO … parser is reachable from hostile input. A file that is no
/// archive is read as a single raw entry, so a plain or gzip-compressed text file works as an input.
/// No passphrase is ever set, so an encrypted entry is quarantined and nothing ever prompts.
public struct ArchiveReader: Sendable {
    public let limits: ExtractionLimits

    public init(limits: ExtractionLimits = ExtractionLimits()) {
        self.limits = limits
    }

    /// Reads the archive at `path`, calling `emit` for every entry in archive order on the calling thread.
    /// Never throws: an archive that cannot be opened or read to its end says why in `failure`. `name` is the
    /// file's name as the user knows it, when `path` is another name of it (`/proc/self/fd/N`). `observer`, if
    /// given, has consumed every byte of the file when this returns (or says why it could not).
    public func read(fileAt path: String, named name: String? = nil, observer: InputObserver? = nil, emit: (ExtractedEntry) -> Void) -> ArchiveSummary {
        defer { observer?.finish(path: path) }
        let rawName = Self.entryName(ofFileNamed: name ?? path)
        let startsLikeZip = file(path, startsWith: zipLocalHeader)
        let named = NamedFormat(fileName: lastPathComponent(name ?? path))
        if startsLikeZip, let (office, size) = officeDocument(atPath: path) {
            return Self.officeDocumentInput(office, name: rawName, bytes: size, emit: emit)
        }
        return withoutActuallyEscaping(emit) { emit in
            var run = ReadState(limits: limits, emit: emit)
            run.named = named.map { ($0, head(ofFileAt: path, count: NamedFormat.shownBytes)) }
            run.readInput(source: Source.file(path, observer), rawName: rawName, zipFallback: startsLikeZip)
            return run.summary
        }
    }
}

extension ArchiveReader {
    /// The name of the one entry of an input that is no archive: the file's own (a compression suffix dropped), shown
    /// as entry names are (control characters escaped).
    public static func entryName(ofFileNamed path: String) -> String {
        EntryName.display(bytes: Array(stripCompressionSuffix(lastPathComponent(path)).utf8))
    }

    /// The format an Office document given as an input is listed as.
    static func officeFormat(_ kind: OfficeDocumentKind) -> String { "ZIP (\(kind.rawValue))" }

    /// An Office document given as an input is one skipped entry, not a zip whose XML parts are each read.
    private static func officeDocumentInput(_ kind: OfficeDocumentKind, name: String, bytes: Int, emit: (ExtractedEntry) -> Void) -> ArchiveSummary {
        var summary = ArchiveSummary()
        summary.format = officeFormat(kind)
        summary.entries = 1
        summary.expandedBytes = bytes
        emit(ExtractedEntry(path: name, ordinal: 0, content: .failure(EntryRejection(.skipped, officeDocumentReason(kind))), bytesRead: bytes, warnings: [], inputOffset: bytes))
        return summary
    }
}

/// Why an Office document is passed over.
func officeDocumentReason(_ kind: OfficeDocumentKind) -> String {
    "Office document (\(kind.rawValue)), not read: peel reads PEEL reports as PDF or text; save it as PDF"
}

// MARK: - Reading state shared across nesting levels

private enum Source {
    /// The input file, and what sees its bytes as they are read.
    case file(String, InputObserver?)
    case memory([UInt8])
    /// A gzip file, inflated by peel itself (see `GzipStream`).
    case gunzip(GzipStream)
}

/// Which zip reader to enable: the seekable one reads the central directory, the streaming one walks the
/// local headers (the only one that sees entries when the central directory is garbled).
private enum ZipMode { case seekable, streaming }

/// An outcome of one libarchive call, from its status code and error string (see `check`).
private enum CallStatus {
    case ok
    case eof
    case warn(String)
    case failed(String)
    case fatal(String)
}

private struct ReadState {
    let limits: ExtractionLimits
    let emit: (ExtractedEntry) -> Void
    var summary = ArchiveSummary()
    var nextOrdinal = 0
    /// Compressed bytes consumed from the input archive; the denominator of the ratio check.
    var compressedBytes = 0
    /// Bytes out of the input archive's outermost decompression filter (the whole tar stream of a tar.gz):
    /// counts what libarchive decompresses for headers and skipped data as well as what we read.
    var streamBytes = 0
    /// Set when an archive-wide limit is reached, or the archive is found corrupt: every level stops reading.
    var stopAll: String?
    /// The stop is for damage, not a limit.
    var stoppedOnDamage = false
    /// Headers of the input archive itself that were there but unusable (a bad checksum): damage, not a cut.
    var damagedHeaders = 0
    /// Bytes decompressed to check nested archives before reading them, counted against the expanded budget.
    var checkedBytes = 0
    /// The lowest ordinal of the entries handed on whole.
    var firstHandedOn: Int?
    /// When reading the input archive through one of libarchive's decompression filters failed: the filter, and
    /// whether compressed bytes were left unread (then the decoder stopped on bad data, not for want of input).
    var filterFailure: (filter: String, inputLeft: Bool)?
    /// Time spent in libarchive decompressing entries' data, against `maxArchiveSeconds`.
    var decompressNanoseconds: UInt64 = 0
    /// The input's inflater, when it is a gzip file.
    var gunzip: GzipStream?
    /// What the input's name says it is, and its first bytes (to show when it is not).
    var named: (format: NamedFormat, head: [UInt8])?
    /// The lowest ordinal of the entries handed on whole whose bytes were not all inside checked gzip members when
    /// they were read, and how much was checked then: a member's check clears every entry before it.
    var firstUnchecked: Int?
    var checkedWhenNoted = 0

    init(limits: ExtractionLimits, emit: @escaping (ExtractedEntry) -> Void) {
        self.limits = limits
        self.emit = emit
    }

    /// Reads the input archive (depth 0) and records why reading stopped early, if it did.
    mutating func readInput(source: Source, rawName: String, zipFallback: Bool) {
        var source = source
        if case .file(let path, let observer) = source, GzipStream.isGzip(head: head(ofFileAt: path, count: 4)) {
            guard let stream = GzipStream(path: path, observer: observer) else {
                summary.failure = "cannot open: \(String(cString: strerror(errno)))"
                return
            }
            gunzip = stream
            source = .gunzip(stream)
        }
        if let failure = readContainer(source: source, depth: 0, prefix: "", rawName: rawName, zipFallback: zipFallback) {
            summary.failure = failure
        } else if summary.entries == 0 {
            summary.warnings.append("no entries: the input is empty or holds only folders")
        }
        if let gunzip {
            settleChecks(gunzip)
        } else if let failure = filterFailure, stopAll == nil || stoppedOnDamage, failure.inputLeft || damagedHeaders > 0, let from = firstHandedOn {
            // libarchive's filters check their data (xz's block check, bzip2's block CRC) only at a block's end, and
            // say nothing of where the blocks lie: every entry handed on is in doubt.
            withdraw(from: from, cause: "\(failure.filter) data", error: failure.inputLeft ? "it stopped with compressed data left unread" : "damaged tar headers")
        }
    }

    /// Records that the entries handed on whole from ordinal `from` on are to be withdrawn, and why, in the failure.
    private mutating func withdraw(from: Int, cause: String, error: String) {
        summary.withdrawFrom = from
        let found = "corrupt \(cause) (\(error))"
        let withdrawn = "every entry from ordinal \(from) on was read before the damage was found, may hold damaged bytes, and is withdrawn"
        if let failure = summary.failure, !failure.hasPrefix(found) {
            summary.failure = failure + "; the \(cause) is corrupt (\(error)): " + withdrawn
        } else {
            summary.failure = found + ", found after \(summary.entries) entries: " + withdrawn
        }
    }

    /// Whether the entries already handed on from a gzip input were inflated from damaged data. Only the end of a
    /// member tells: its trailer's CRC-32. When reading stopped early (a damaged tar header, which is what garbage
    /// inflated from damaged data looks like) the rest is inflated, within the archive's budget, to find out.
    private mutating func settleChecks(_ gunzip: GzipStream) {
        // Not after a limit: that stop is what keeps a bomb from being inflated.
        if stopAll == nil || stoppedOnDamage, gunzip.error == nil, !gunzip.truncated {
            gunzip.readToEnd(limit: max(0, limits.maxArchiveExpandedBytes - expandedSoFar))
        }
        if gunzip.verified != checkedWhenNoted { firstUnchecked = nil }
        // Garbage inflated from damaged data may run on to the end of the file, its trailer read as data: then the
        // data only seems cut short. A real cut leaves every tar header before it whole; garbage breaks the next one.
        let cause = gunzip.error ?? (gunzip.truncated && damagedHeaders > 0 ? "the data runs on past damaged tar headers to the file's end" : nil)
        guard let error = cause, let from = firstUnchecked else { return }
        withdraw(from: from, cause: "gzip data", error: error)
    }

    /// An entry handed on whole: whether its bytes are all inside gzip members already checked.
    private mutating func noteHandedOn(ordinal: Int) {
        firstHandedOn = min(firstHandedOn ?? ordinal, ordinal)
        guard let gunzip else { return }
        if gunzip.verified != checkedWhenNoted {
            // A member's trailer was checked after every byte inflated so far: everything before it is certain.
            checkedWhenNoted = gunzip.verified
            firstUnchecked = nil
        }
        if gunzip.produced > gunzip.verified { firstUnchecked = min(firstUnchecked ?? ordinal, ordinal) }
    }

    /// Reads one container (the input archive or a nested one); returns why it stopped before its end, or nil.
    /// A fatal error in a zip entry's data resumes after that entry, because zip entries are compressed one by
    /// one: one corrupt entry costs only itself.
    mutating func readContainer(source: Source, depth: Int, prefix: String, rawName: String, zipFallback: Bool) -> String? {
        var resumeAt = 0
        // An input that does not open with a zip header is read as a zip only from its start: the seekable reader finds
        // a zip by its directory at the file's end, so a PDF or a text with a zip appended (each viewer shows the PDF)
        // was read as that zip alone, the document itself never read.
        var mode = depth == 0 && !zipFallback ? ZipMode.streaming : ZipMode.seekable
        var attempts = 0
        while stopAll == nil {
            attempts += 1
            let outcome = withHandle(source: source, zipMode: mode) { handle, openStatus -> PassOutcome in
                if case .fatal(let message) = openStatus {
                    return .openFailed(message)
                }
                let outcome = readEntries(handle: handle, depth: depth, prefix: prefix, rawName: rawName, skipping: resumeAt)
                if depth == 0, case .fatal = outcome, case .file(let path, _) = source, archive_filter_count(handle) > 1 {
                    let name = archive_filter_name(handle, 0).map { String(cString: $0) } ?? "compressed"
                    filterFailure = (name, Int(archive_filter_bytes(handle, -1)) < fileSize(path))
                }
                return outcome
            }
            switch outcome {
            case .finished(let seen):
                if depth == 0 { gunzip?.readToEnd(limit: 16 << 20) }
                if depth == 0, let gunzip, gunzip.truncated || gunzip.error != nil {
                    // Every entry that arrived whole was read; whatever followed is lost, so the input is damaged.
                    let why = gunzip.error.map { "corrupt gzip data (\($0))" } ?? "the gzip data is cut short"
                    return "\(why) after \(summary.entries) entries: any entries after them are lost"
                }
                if seen == 0 && zipFallback && mode == .seekable {
                    // A garbled central directory lists nothing, without an error: walk the local headers.
                    mode = .streaming
                    summary.warnings.append(location(prefix) + "zip central directory lists no entries; read with the streaming zip reader")
                    continue
                }
                return nil
            case .openFailed(let message):
                return "cannot open: \(message)"
            case .notAsNamed(let message):
                return message
            case .fatal(let message, let failedIndex, let inHeader, let isZip):
                if inHeader && failedIndex == 0 && resumeAt == 0 && zipFallback && mode == .seekable {
                    mode = .streaming
                    summary.warnings.append(location(prefix) + "zip central directory unreadable (\(message)); read with the streaming zip reader")
                    continue
                }
                // Past a bad data stream a zip reader can seek to the next entry; past a bad header it cannot.
                if !inHeader && isZip && failedIndex + 1 > resumeAt && attempts <= 16 {
                    resumeAt = failedIndex + 1
                    summary.warnings.append(location(prefix) + "entry #\(failedIndex + 1) unreadable (\(message)); reading resumed after it")
                    continue
                }
                return location(prefix) + "reading stopped at entry #\(failedIndex + 1): \(message)"
            case .stopped:
                return stopAll
            }
        }
        return stopAll
    }

    private enum PassOutcome {
        case finished(entriesSeen: Int)
        case openFailed(String)
        /// The input is not the archive or compressed file its name says (`NamedFormat`): nothing of it is read.
        case notAsNamed(String)
        /// The entry (0-based, in this container) whose header or data failed, and whether the container is a zip.
        case fatal(String, failedIndex: Int, inHeader: Bool, isZip: Bool)
        case stopped
    }

    private func isEnd(_ status: CallStatus) -> Bool {
        if case .eof = status { return true }
        return false
    }

    /// Stops every level of the input archive with `reason`.
    private mutating func stop(_ reason: String) -> PassOutcome {
        stopAll = stopAll ?? reason
        return .stopped
    }

    /// One pass over an open handle: every header from `skipping` on.
    private mutating func readEntries(handle a: OpaquePointer, depth: Int, prefix: String, rawName: String, skipping: Int) -> PassOutcome {
        var index = 0
        var unreadableInARow = 0
        var entry: OpaquePointer?
        func isZip() -> Bool { archive_format(a) & ARCHIVE_FORMAT_BASE_MASK == ARCHIVE_FORMAT_ZIP }
        while true {
            let headerStatus = check(a, archive_read_next_header(a, &entry))
            updateCounters(a, depth: depth)
            if index == 0 && depth == 0 { recordFormat(a) }
            // Limits hold for every header, good or not, and for bytes libarchive decompressed on its own.
            if let reason = archiveLimitExceeded() { return stop(reason) }
            // At the end marker there is no entry more: an archive of exactly the limit is whole.
            if summary.entries >= limits.maxEntriesPerArchive, !isEnd(headerStatus) {
                return stop("more than \(limits.maxEntriesPerArchive) entries (max_entries_per_archive); reading stopped")
            }
            var headerWarnings: [String] = []
            switch headerStatus {
            case .eof:
                return .finished(entriesSeen: index)
            case .fatal(let message):
                deliver(path: prefix + "#\(index + 1)", .failure(EntryRejection(.quarantined, "unreadable entry header: \(message)")), bytesRead: 0, warnings: [])
                return .fatal(message, failedIndex: index, inHeader: true, isZip: isZip())
            case .failed(let message):
                // This header is unusable but the next one may be fine; a long run of them is a corrupt archive.
                if depth == 0 { damagedHeaders += 1 }
                if index >= skipping {
                    deliver(path: prefix + "#\(index + 1)", .failure(EntryRejection(.quarantined, "unreadable entry header: \(message)")), bytesRead: 0, warnings: [])
                }
                index += 1
                unreadableInARow += 1
                if unreadableInARow >= 64 {
                    let reason = "\(unreadableInARow) unreadable entry headers in a row: the archive is corrupt"
                    // A nested archive ends alone: the entries after it in the archive around it are read.
                    if depth > 0 { return .fatal(reason, failedIndex: index - 1, inHeader: true, isZip: isZip()) }
                    stoppedOnDamage = true
                    return stop(reason + "; reading stopped")
                }
                continue
            case .warn(let message):
                headerWarnings.append(message)
            case .ok:
                break
            }
            unreadableInARow = 0
            guard let entry else { return .fatal("libarchive returned no entry", failedIndex: index, inHeader: true, isZip: isZip()) }
            if depth == 0 && index == 0 && archive_format(a) == ARCHIVE_FORMAT_RAW, let named,
               let refusal = named.format.refusal(filters: summary.filters, head: named.head) {
                return .notAsNamed(refusal)
            }
            defer { index += 1 }
            let kind = CLibArchive_entryKind(entry)
            if index < skipping {
                // Read in an earlier pass of this zip (resuming happens in zips only): a zip reader skips an entry
                // by its stored size, without decompressing it, so a corrupt one is passed over.
                if case .fatal(let message, _) = skipStored(a) { return .fatal(message, failedIndex: index, inHeader: false, isZip: isZip()) }
                continue
            }
            if kind == 1 {
                // Directories hold nothing to read and are not listed, but a hostile one may carry data: it is
                // read and counted against the limits, never skipped unseen.
                switch drain(a, depth: depth) {
                case .complete: continue
                case .fatal(let message, _): return .fatal(message, failedIndex: index, inHeader: false, isZip: isZip())
                case .limitReached(let reason, _): return stop(reason)
                case .rejected: continue
                }
            }
            let isRaw = archive_format(a) == ARCHIVE_FORMAT_RAW
            let name = isRaw ? rawName : entryName(entry)
            let path = prefix + name

            if let rejection = rejectionBeforeReading(entry, kind: kind) ?? (isRaw ? nil : EntryName.unsafeReason(name).map { EntryRejection(.quarantined, $0) }) {
                deliver(path: path, .failure(rejection), bytesRead: 0, warnings: headerWarnings)
                // Encrypted data cannot be read without its passphrase: libarchive skips it by its stored size.
                let passed = archive_entry_is_encrypted(entry) != 0 ? skipStored(a) : drain(a, depth: depth)
                switch passed {
                case .fatal(let message, _): return .fatal(message, failedIndex: index, inHeader: false, isZip: isZip())
                case .limitReached(let reason, _): return stop(reason)
                case .complete, .rejected: continue
                }
            }

            switch readData(a, depth: depth, declaredSize: archive_entry_size_is_set(entry) != 0 ? Int(archive_entry_size(entry)) : nil) {
            case .complete(let bytes):
                if isRaw, depth == 0, let gunzip, gunzip.truncated || gunzip.error != nil {
                    // A single compressed file whose end is missing: what arrived is a part, never a whole report.
                    let why = gunzip.error.map { "corrupt gzip data (\($0))" } ?? "the gzip file is cut short"
                    deliver(path: path, .failure(EntryRejection(.quarantined, "\(why): only its first \(bytes.count) bytes could be read")), bytesRead: bytes.count, warnings: headerWarnings)
                    continue
                }
                // A raw entry without a decompression filter is the container's own bytes: never reopen it.
                let isContainerItself = isRaw && archive_filter_count(a) <= 1 && gunzip == nil
                if !isContainerItself, let office = OfficeDocumentKind.detect(head: bytes[...], tail: bytes[...], size: bytes.count) {
                    deliver(path: path, .failure(EntryRejection(.skipped, officeDocumentReason(office))), bytesRead: bytes.count, warnings: headerWarnings)
                    continue
                }
                guard !isContainerItself, let nested = nestedArchiveKind(bytes) else {
                    deliver(path: path, .success(bytes), bytesRead: bytes.count, warnings: headerWarnings)
                    continue
                }
                if depth + 1 > limits.maxNestingDepth {
                    deliver(path: path, .failure(EntryRejection(.quarantined, "\(nested.rawValue) archive nested deeper than \(limits.maxNestingDepth) levels (max_nesting_depth)")), bytesRead: bytes.count, warnings: headerWarnings)
                    continue
                }
                // A nested compressed archive is checked whole before its entries are read: inside it, as in an input,
                // only the end of the data tells damage from text, and here nothing may be handed on before that.
                if let damage = nestedDamage(nested, bytes) {
                    deliver(path: path, .failure(EntryRejection(.quarantined, "nested \(nested.rawValue) archive is damaged (\(damage)): its entries are not read, as any of them may hold damaged bytes")),
                            bytesRead: bytes.count, warnings: headerWarnings)
                    continue
                }
                // The container is listed before its entries, with what became of it once they are read.
                let ordinal = reserveOrdinal()
                let before = summary.entries
                let failure = readContainer(source: .memory(bytes), depth: depth + 1, prefix: path + nestedEntrySeparator,
                                            rawName: stripCompressionSuffix(lastPathComponent(path)), zipFallback: nested == .zip)
                let read = summary.entries - before
                let outcome: EntryRejection = if let failure, stopAll == nil {
                    EntryRejection(.quarantined, "nested \(nested.rawValue) archive unreadable after \(read) entries: \(failure)")
                } else {
                    EntryRejection(.skipped, "nested \(nested.rawValue) archive; its \(read) entries are listed as \(path)\(nestedEntrySeparator)…")
                }
                deliver(path: path, .failure(outcome), bytesRead: bytes.count, warnings: headerWarnings, ordinal: ordinal)
                if stopAll != nil { return .stopped }
            case .rejected(let rejection, let bytesRead):
                deliver(path: path, .failure(rejection), bytesRead: bytesRead, warnings: headerWarnings)
            case .fatal(let message, let bytesRead):
                deliver(path: path, .failure(EntryRejection(.quarantined, "unreadable data: \(message)")), bytesRead: bytesRead, warnings: headerWarnings)
                return .fatal(message, failedIndex: index, inHeader: false, isZip: isZip())
            case .limitReached(let reason, let bytesRead):
                deliver(path: path, .failure(EntryRejection(.quarantined, reason)), bytesRead: bytesRead, warnings: headerWarnings)
                return stop(reason)
            }
        }
    }

    /// Why a nested compressed archive's data is corrupt, if it is: gzip inflated by ISA-L, which checks every
    /// member's CRC-32 (a gzip cut short is no damage: its entries that arrived whole are read, as an input's are);
    /// xz and bzip2 decoded to their end by libarchive, whose decoders check their blocks.
    /// The check is decompression like any other: its bytes and time count against the archive's budgets.
    private mutating func nestedDamage(_ kind: NestedArchiveKind, _ bytes: [UInt8]) -> String? {
        let budget = max(0, limits.maxArchiveExpandedBytes - expandedSoFar)
        let started = DispatchTime.now().uptimeNanoseconds
        let secondsLeft = limits.maxArchiveSeconds - Double(decompressNanoseconds) / 1e9
        defer { decompressNanoseconds += DispatchTime.now().uptimeNanoseconds - started }
        let (damage, inflated): (String?, Int)
        switch kind {
        case .gzip: (damage, inflated) = GzipStream.damage(in: bytes, limit: budget)
        case .xz, .bzip2: (damage, inflated) = decoderFailure(in: bytes, limit: budget, seconds: secondsLeft)
        case .zip, .sevenZip, .tar: return nil  // zip and 7z check each entry; tar has no check
        }
        checkedBytes += inflated
        return damage
    }

    private mutating func reserveOrdinal() -> Int {
        nextOrdinal += 1
        return nextOrdinal - 1
    }

    private mutating func deliver(path: String, _ content: Result<[UInt8], EntryRejection>, bytesRead: Int, warnings: [String], ordinal: Int? = nil) {
        summary.entries += 1
        var entry = ExtractedEntry(path: path, ordinal: ordinal ?? reserveOrdinal(), content: content, bytesRead: bytesRead, warnings: warnings)
        entry.inputOffset = compressedBytes
        if case .success = content { noteHandedOn(ordinal: entry.ordinal) }
        emit(entry)
    }

    /// Compressed bytes consumed and stream bytes produced by the input archive's handle (depth 0 only:
    /// a nested archive's bytes are already counted as the outer entry's data).
    private mutating func updateCounters(_ a: OpaquePointer, depth: Int) {
        guard depth == 0 else { return }
        if let gunzip {
            // libarchive reads peel's inflated stream: the file's bytes are the inflater's.
            compressedBytes = gunzip.consumed
            streamBytes = max(streamBytes, Int(archive_filter_bytes(a, -1)))
            return
        }
        compressedBytes = Int(archive_filter_bytes(a, -1))
        if archive_filter_count(a) > 1 { streamBytes = Int(archive_filter_bytes(a, 0)) }
    }

    /// Compressed bytes consumed so far by the handle reading at `depth`.
    private func compressedConsumed(_ a: OpaquePointer, depth: Int) -> Int {
        if depth == 0, let gunzip { return gunzip.consumed }
        return Int(archive_filter_bytes(a, -1))
    }

    private mutating func recordFormat(_ a: OpaquePointer) {
        guard summary.format == nil else { return }
        if let name = archive_format_name(a) { summary.format = String(cString: name) }
        // The last filter is always "none", the client reader itself.
        let count = archive_filter_count(a)
        summary.filters = (gunzip == nil ? [] : ["gzip"]) + (0..<max(0, count - 1)).compactMap { index in
            archive_filter_name(a, index).map { String(cString: $0) }
        }
    }

    private func location(_ prefix: String) -> String {
        prefix.isEmpty ? "" : "\(prefix.dropLast(nestedEntrySeparator.count)): "
    }

    // MARK: Data

    private enum DataOutcome {
        case complete([UInt8])
        case rejected(EntryRejection, bytesRead: Int)
        case fatal(String, bytesRead: Int)
        /// An archive-wide limit: reading the archive stops here.
        case limitReached(String, bytesRead: Int)
    }

    /// Reads the current entry's data, counting every byte against the entry and archive limits.
    /// An entry over `maxEntryBytes`, or expanding past `maxCompressionRatio`, is quarantined and skipped: unread
    /// in a zip, drained (still counted against the archive's budgets) elsewhere; the entries after it are read.
    /// `declaredSize` is the size the entry's header gives, if any: room for that much is made at once (bounded by
    /// the limit, and trimmed if the header lied), so the bytes are copied once, from libarchive's own block.
    private mutating func readData(_ a: OpaquePointer, depth: Int, declaredSize: Int?) -> DataOutcome {
        var bytes: [UInt8] = []
        var total = 0
        /// Why the rest of the entry is drained unkept, once it is known to be quarantined.
        var skipping: String?
        var integrityProblem: String?
        let compressedAtStart = compressedConsumed(a, depth: depth)
        while true {
            let (status, block, offset) = timedBlock(a)
            // At the end no hole is added: archive_read_data, which this replaces, gives none there either.
            if status == ARCHIVE_EOF { break }
            if status != ARCHIVE_OK {
                switch check(a, status) {
                case .warn(let message):
                    // libarchive reports a bad CRC as a warning at the end of the data: the bytes are corrupt.
                    integrityProblem = message
                case .failed(let message):
                    return .rejected(EntryRejection(.quarantined, "unreadable data: \(message)"), bytesRead: total)
                case .fatal(let message):
                    return .fatal(message, bytesRead: total)
                case .ok, .eof:
                    break
                }
                break
            }
            // A sparse entry's holes (where a block starts past what was read) are zeros, as archive_read_data gives them.
            let hole = offset - total
            guard hole >= 0 else { return .fatal("data blocks out of order", bytesRead: total) }
            let n = hole + block.count
            total += n
            summary.expandedBytes += n
            updateCounters(a, depth: depth)
            if let reason = archiveLimitExceeded() {
                return .limitReached(reason, bytesRead: total)
            }
            if skipping == nil, let reason = entryLimitExceeded(total: total, compressed: compressedConsumed(a, depth: depth) - compressedAtStart) {
                // A zip entry can be skipped by its stored size without decompressing the rest: a bomb costs
                // only itself. Other formats must decompress what they skip, so that is read and counted.
                if archive_format(a) & ARCHIVE_FORMAT_BASE_MASK == ARCHIVE_FORMAT_ZIP {
                    if case .fatal(let message, _) = skipStored(a) { return .fatal(message, bytesRead: total) }
                    return .rejected(EntryRejection(.quarantined, reason + "; the rest was skipped unread"), bytesRead: total)
                }
                skipping = reason
                bytes = []
            }
            if skipping == nil {
                if bytes.capacity == 0 { bytes.reserveCapacity(min(limits.maxEntryBytes, max(declaredSize ?? 0, n))) }
                if hole > 0 { bytes.append(contentsOf: repeatElement(0, count: hole)) }
                bytes.append(contentsOf: block)
            }
        }
        if let skipping {
            return .rejected(EntryRejection(.quarantined, skipping + "; all \(total) bytes were inflated and dropped"), bytesRead: total)
        }
        if let integrityProblem {
            return .rejected(EntryRejection(.quarantined, "corrupt data: \(integrityProblem)"), bytesRead: total)
        }
        // Growth (or a header that promised more than came) can leave far more allocated than the entry's size;
        // entries wait in the queue, which counts their bytes, so they are handed on at their size (measured:
        // 227 MB held for a 64 MB queue without this).
        if bytes.capacity > bytes.count + bytes.count / 8 + 4096 {
            bytes = [UInt8](unsafeUninitializedCapacity: bytes.count) { target, initialized in
                initialized = bytes.withUnsafeBufferPointer { source in target.initialize(fromContentsOf: source) }
            }
        }
        return .complete(bytes)
    }

    /// Reads and counts an entry's data without keeping it (directories, rejected entries): what libarchive must
    /// decompress to pass it is still held to the archive's limits.
    private mutating func drain(_ a: OpaquePointer, depth: Int) -> DataOutcome {
        var total = 0
        while true {
            let (status, block, offset) = timedBlock(a)
            if status == ARCHIVE_EOF { return .complete([]) }
            if status != ARCHIVE_OK {
                switch check(a, status) {
                case .fatal(let message): return .fatal(message, bytesRead: total)
                case .failed(let message): return .rejected(EntryRejection(.quarantined, message), bytesRead: total)
                default: return .complete([])
                }
            }
            let n = max(0, offset + block.count - total)
            total += n
            summary.expandedBytes += n
            updateCounters(a, depth: depth)
            if let reason = archiveLimitExceeded() { return .limitReached(reason, bytesRead: total) }
        }
    }

    /// Skips an entry's stored bytes without decompressing them (for data that cannot be read).
    private mutating func skipStored(_ a: OpaquePointer) -> DataOutcome {
        if case .fatal(let message) = check(a, Int32(archive_read_data_skip(a))) { return .fatal(message, bytesRead: 0) }
        return .complete([])
    }

    /// The entry's next block of data, in libarchive's own buffer (valid until the next call), and where in the entry it
    /// starts; timed against `maxArchiveSeconds`, since decompressing happens here.
    private mutating func timedBlock(_ a: OpaquePointer) -> (status: Int32, block: UnsafeRawBufferPointer, offset: Int) {
        let started = DispatchTime.now().uptimeNanoseconds
        defer { decompressNanoseconds += DispatchTime.now().uptimeNanoseconds - started }
        var block: UnsafeRawPointer?
        var size = 0
        var offset: la_int64_t = 0
        let status = archive_read_data_block(a, &block, &size, &offset)
        return (status, UnsafeRawBufferPointer(start: block, count: block == nil ? 0 : size), Int(offset))
    }

    /// Budgets of the whole input archive: past them reading stops (the entries already read stand).
    /// Bytes the input archive expanded to so far: what was read or skipped, and what checks of nested ones inflated.
    private var expandedSoFar: Int { max(summary.expandedBytes + checkedBytes, streamBytes) }

    private func archiveLimitExceeded() -> String? {
        if expandedSoFar > limits.maxArchiveExpandedBytes {
            return "archive expands past \(limits.maxArchiveExpandedBytes) bytes (max_archive_expanded_bytes); reading stopped"
        }
        if Double(decompressNanoseconds) > limits.maxArchiveSeconds * 1e9 {
            return "archive took more than \(limits.maxArchiveSeconds) s to decompress (max_archive_seconds); reading stopped"
        }
        return nil
    }

    /// Why the entry being read is quarantined, once it is: too large, or a decompression bomb.
    private func entryLimitExceeded(total: Int, compressed: Int) -> String? {
        if total > limits.maxEntryBytes {
            return "entry expands past \(limits.maxEntryBytes) bytes (max_entry_bytes)"
        }
        if total > limits.ratioCheckAfterBytes {
            // Compressed bytes the entry consumed so far (libarchive reads ahead, so this errs on the large side).
            let ratio = Double(total) / Double(max(compressed, 1))
            if ratio > limits.maxCompressionRatio {
                return "entry expanded \(total) bytes from \(compressed) compressed bytes, over \(Int(limits.maxCompressionRatio)):1 (max_compression_ratio): a decompression bomb"
            }
        }
        return nil
    }

    // MARK: Entries that are never read

    private func rejectionBeforeReading(_ entry: OpaquePointer, kind: Int32) -> EntryRejection? {
        if let target = archive_entry_hardlink_utf8(entry) ?? archive_entry_hardlink(entry) {
            return EntryRejection(.skipped, "hard link to \(EntryName.display(cString: target)), not a regular file")
        }
        switch kind {
        case 0: break
        case 2:
            let target = (archive_entry_symlink_utf8(entry) ?? archive_entry_symlink(entry)).map(EntryName.display(cString:)) ?? "?"
            return EntryRejection(.skipped, "symbolic link to \(target), not a regular file")
        case 3: return EntryRejection(.skipped, "fifo, not a regular file")
        case 4: return EntryRejection(.skipped, "character device, not a regular file")
        case 5: return EntryRejection(.skipped, "block device, not a regular file")
        case 6: return EntryRejection(.skipped, "socket, not a regular file")
        default: return EntryRejection(.skipped, "not a regular file")
        }
        if archive_entry_is_encrypted(entry) != 0 {
            return EntryRejection(.quarantined, "encrypted entry (no passphrase is ever asked for)")
        }
        return nil
    }

    /// The entry's name for people. A name of printable ASCII is the same bytes in every form libarchive keeps, and
    /// is taken as it stands (asking for the UTF-8 form first cost a conversion through the locale's character set for
    /// every tar entry: most of the reader's work on a header after libarchive's own, callgrind). Any other name is
    /// read as UTF-8 where libarchive can give it (the C locale cannot convert non-ASCII names, so the
    /// locale-dependent `archive_entry_pathname` is only the fallback).
    private func entryName(_ entry: OpaquePointer) -> String {
        if let name = archive_entry_pathname(entry), let printable = EntryName.printableASCII(cString: name) {
            return printable
        }
        if let name = archive_entry_pathname_utf8(entry) ?? archive_entry_pathname(entry) {
            return EntryName.display(cString: name)
        }
        return "(unnamed entry)"
    }
}

// MARK: - Handles

/// libarchive converts entry names through the locale's character set (7-Zip keeps them as UTF-16, a zip may flag them
/// as UTF-8), which the C locale — every program's until it sets another — cannot do for a name that is not ASCII:
/// such entries had no name. So the character type is UTF-8's, whatever the environment, set once before the first
/// archive is opened (LC_CTYPE only: no number, date or message format changes).
private let utf8CharacterType: Void = {
    _ = setlocale(LC_CTYPE, "C.UTF-8")
}()

/// Opens a libarchive reader over `source`, runs `body`, and frees the handle whatever happens.
private func withHandle<T>(source: Source, zipMode: ZipMode, _ body: (OpaquePointer, CallStatus) -> T) -> T {
    utf8CharacterType
    guard let a = archive_read_new() else { fatalError("archive_read_new: out of memory") }
    defer { archive_read_free(a) }
    enableFormats(a, zipMode: zipMode)
    switch source {
    case .file(let path, nil):
        let status = check(a, archive_read_open_filename(a, path, 64 << 10))
        return body(a, status)
    case .file(let path, let observer?):
        let file = ObservedFile(path: path, observer: observer)
        if let failure = file.open() { return body(a, .fatal(failure)) }
        return withExtendedLifetime(file) {
            archive_read_set_callback_data(a, Unmanaged.passUnretained(file).toOpaque())
            archive_read_set_read_callback(a, readObserved)
            archive_read_set_seek_callback(a, seekObserved)
            archive_read_set_skip_callback(a, skipNone)
            return body(a, check(a, archive_read_open1(a)))
        }
    case .memory(let bytes):
        return bytes.withUnsafeBytes { raw in
            let status = check(a, archive_read_open_memory(a, raw.baseAddress, raw.count))
            return body(a, status)
        }
    case .gunzip(let stream):
        return withExtendedLifetime(stream) {
            let status = check(a, archive_read_open(a, Unmanaged.passUnretained(stream).toOpaque(), nil, readInflated, nil))
            return body(a, status)
        }
    }
}

/// Decodes compressed bytes to their end through libarchive's filters, as one raw entry, up to `limit` bytes out; the
/// decoder's error when it cannot. A nested stream cut short fails here too: libarchive does not say which of the two
/// it met, and a nested archive was stored whole by the archive around it.
private func decoderFailure(in bytes: [UInt8], limit: Int, seconds: Double) -> (failure: String?, decoded: Int) {
    let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(0, min(seconds, 1e6)) * 1e9)
    guard let a = archive_read_new() else { return (nil, 0) }
    defer { archive_read_free(a) }
    archive_read_support_format_raw(a)
    archive_read_support_filter_bzip2(a)
    archive_read_support_filter_xz(a)
    archive_read_support_filter_lzma(a)
    return bytes.withUnsafeBytes { raw -> (String?, Int) in
        func failure() -> String { libarchiveError(a) }
        guard archive_read_open_memory(a, raw.baseAddress, raw.count) == ARCHIVE_OK else { return (failure(), 0) }
        var entry: OpaquePointer?
        guard archive_read_next_header(a, &entry) == ARCHIVE_OK else { return (failure(), 0) }
        var block: UnsafeRawPointer?
        var size = 0
        var offset: la_int64_t = 0
        var total = 0
        // Past the budgets the check says nothing: the read that follows stops at them and says so.
        while total <= limit && DispatchTime.now().uptimeNanoseconds < deadline {
            let status = archive_read_data_block(a, &block, &size, &offset)
            if status == ARCHIVE_EOF { return (nil, total) }
            if status < ARCHIVE_WARN { return (failure(), total) }
            total += size
        }
        return (nil, total)
    }
}

/// libarchive's read callback over a `GzipStream`: the next inflated block, 0 at the end, fatal on corrupt data.
private func readInflated(_ archive: OpaquePointer?, _ client: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<UnsafeRawPointer?>?) -> la_ssize_t {
    let stream = Unmanaged<GzipStream>.fromOpaque(client!).takeUnretainedValue()
    let block = stream.next()
    buffer?.pointee = UnsafeRawPointer(block.baseAddress)
    if block.isEmpty, let error = stream.error, let archive {
        CLibArchive_setError(archive, "corrupt gzip data (\(error))")
        return la_ssize_t(ARCHIVE_FATAL)
    }
    return la_ssize_t(block.count)
}

/// libarchive's read callback over an `ObservedFile`.
private func readObserved(_ archive: OpaquePointer?, _ client: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<UnsafeRawPointer?>?) -> la_ssize_t {
    let file = Unmanaged<ObservedFile>.fromOpaque(client!).takeUnretainedValue()
    switch file.read() {
    case .success(let block):
        buffer?.pointee = block.baseAddress
        return la_ssize_t(block.count)
    case .failure(let failure):
        if let archive { CLibArchive_setError(archive, failure.reason) }
        return la_ssize_t(ARCHIVE_FATAL)
    }
}

/// libarchive's seek callback over an `ObservedFile` (zip's and 7z's readers seek).
private func seekObserved(_ archive: OpaquePointer?, _ client: UnsafeMutableRawPointer?, _ offset: la_int64_t, _ whence: Int32) -> la_int64_t {
    let file = Unmanaged<ObservedFile>.fromOpaque(client!).takeUnretainedValue()
    guard let position = file.seek(Int(offset), whence: whence) else {
        if let archive { CLibArchive_setError(archive, "Error seeking in '\(file.path)': \(String(cString: strerror(errno)))") }
        return la_int64_t(ARCHIVE_FATAL)
    }
    return la_int64_t(position)
}

/// libarchive's skip callback that skips nothing: libarchive then reads the bytes it skips, and the observer sees
/// them (a seek past them would leave them for `InputObserver.finish` to read again).
private func skipNone(_ archive: OpaquePointer?, _ client: UnsafeMutableRawPointer?, _ request: la_int64_t) -> la_int64_t { 0 }

private func enableFormats(_ a: OpaquePointer, zipMode: ZipMode) {
    switch zipMode {
    case .seekable: archive_read_support_format_zip(a)  // seekable first, streaming as fallback bidder
    case .streaming: archive_read_support_format_zip_streamable(a)
    }
    archive_read_support_format_tar(a)
    archive_read_support_format_gnutar(a)
    archive_read_support_format_7zip(a)
    archive_read_support_format_empty(a)
    archive_read_support_format_raw(a)  // bids last: anything that is no archive is one entry
    archive_read_support_filter_gzip(a)
    archive_read_support_filter_bzip2(a)
    archive_read_support_filter_xz(a)
    archive_read_support_filter_lzma(a)
}

/// libarchive's text for its last error, its line end trimmed ("… wrong size (read 87815, expected 87867)\n"); where
/// it gives none (a 7z archive cut before its header, read as entry data), an errno's text, or what is known.
private func libarchiveError(_ a: OpaquePointer) -> String {
    if let text = archive_error_string(a) {
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
        let kept = bytes.prefix(bytes.lastIndex { $0 > 0x20 }.map { $0 + 1 } ?? 0)
        if !kept.isEmpty { return String(decoding: kept, as: UTF8.self) }
    }
    let code = archive_errno(a)
    if code > 0, let text = strerror(code) { return String(cString: text) }
    return "libarchive gave no reason (the file may be cut short or damaged)"
}

/// The one place a libarchive status code becomes a Swift value, with the library's error text.
private func check(_ a: OpaquePointer, _ code: Int32) -> CallStatus {
    func message() -> String { libarchiveError(a) }
    switch code {
    case ARCHIVE_OK: return .ok
    case ARCHIVE_EOF: return .eof
    case ARCHIVE_WARN: return .warn(message())
    case ARCHIVE_RETRY, ARCHIVE_FAILED: return .failed(message())
    default: return .fatal(message())
    }
}

// MARK: - Names and signatures

private let zipLocalHeader: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

/// The file at `path` begins with `signature` (a file that cannot be read does not).
private func file(_ path: String, startsWith signature: [UInt8]) -> Bool {
    head(ofFileAt: path, count: signature.count) == signature
}

/// The size of the file at `path` (0 when it cannot be read).
private func fileSize(_ path: String) -> Int {
    var status = stat()
    return stat(path, &status) == 0 ? Int(status.st_size) : 0
}

/// The first `count` bytes of the file at `path`, or fewer (none when it cannot be read).
private func head(ofFileAt path: String, count: Int) -> [UInt8] {
    guard let file = fopen(path, "rb") else { return [] }
    defer { fclose(file) }
    var head = [UInt8](repeating: 0, count: count)
    head.removeSubrange(fread(&head, 1, count, file)...)
    return head
}

/// The Office document the file at `path` is, from its first bytes and its central directory, and its size.
private func officeDocument(atPath path: String) -> (OfficeDocumentKind, Int)? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var head = [UInt8](repeating: 0, count: 4096)
    head.removeSubrange(fread(&head, 1, head.count, file)...)
    guard fseeko(file, 0, SEEK_END) == 0 else { return nil }
    let size = Int(ftello(file))
    let tailLength = min(size, (64 << 10) + 22 + 4096)
    guard size > 0, fseeko(file, off_t(size - tailLength), SEEK_SET) == 0 else { return nil }
    var tail = [UInt8](repeating: 0, count: tailLength)
    guard fread(&tail, 1, tailLength, file) == tailLength else { return nil }
    return OfficeDocumentKind.detect(head: head[...], tail: tail[...], size: size).map { ($0, size) }
}

func lastPathComponent(_ path: String) -> String {
    path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
}

/// `report.txt.gz` → `report.txt`: the name of the one entry a compressed single file holds.
func stripCompressionSuffix(_ name: String) -> String {
    for suffix in [".gz", ".bz2", ".xz", ".lzma"] where name.count > suffix.count && name.lowercased().hasSuffix(suffix) {
        return String(name.dropLast(suffix.count))
    }
    return name
}
