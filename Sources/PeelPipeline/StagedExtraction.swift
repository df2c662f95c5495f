import Crypto
import Dispatch
import Foundation
import Logging
import PeelArchive
import PeelEnrichment
import PeelPDF
import PeelReport
import PeelValidation

/// How one input archive was read.
struct ArchiveRecord: Sendable {
    let index: Int
    let path: String
    var bytes = 0
    var sha256: String?
    var summary = ArchiveSummary()
    var seconds = 0.0
    /// Its outcomes came from the previous run's cache.
    var cached = false
}

/// What stages 1–5 did, for the manifest; the rows themselves are already in the staging folder.
struct ExtractionResult: Sendable {
    var clock: StageClock
    var extractSeconds: Double
}

/// Stages 1–5 wired on Dispatch, streaming:
///
///     archive reader ─► BoundedQueue (bytes) ─► `jobs` workers ─► ordered commit ─► DatasetWriter (staging folder)
///
/// One reader takes the inputs in order: inflating one stream is serial anyway, and reading them in order lets
/// entries be committed in (input, entry) order as they finish, holding only those that finish early. Workers
/// decode, parse, validate, enrich and render each entry; the commit appends. So memory is bounded by the queue
/// and the few entries waiting for an earlier one, whatever the size of the input, and every output is the same
/// whatever the thread count or the order work finishes in.
enum StagedExtraction {
    /// Work for a parse worker.
    private enum Work: Sendable {
        case read(ExtractedEntry)
        /// An entry of an unchanged archive, from the previous run's cache; `fileName`, where the entry is named after
        /// the input file, its name now (the file may have been renamed since).
        case cached(record: [UInt8], ordinal: Int, fileName: String?)

        var ordinal: Int {
            switch self {
            case .read(let entry): entry.ordinal
            case .cached(_, let ordinal, _): ordinal
            }
        }
    }

    /// What an entry in flight holds besides its bytes (its path, outcome, cache record and rendered rows while it is
    /// worked on), counted against `queue_bytes` with them: counting bytes alone let 200,000 tiny entries all be in
    /// flight at once (1.1 GB resident). Results waiting for their turn are bounded by the ordered commit.
    static let entryOverheadBytes = 4096

    /// `cacheKey` gives an archive's cache key from its checksum (nil: read everything).
    static func run(archives inputs: [InputArchive], configuration: Configuration, parser: ReportParser, reference: ReferenceData, jobs: Int,
                    cache: ArchiveCache, cacheKey: CacheKeys?, writer: DatasetWriter, withdrawals: [Int: Int] = [:], progress: RunProgress? = nil,
                    pdf: PDFTextExtractor, logger: Logger) -> ExtractionResult {
        let jobs = max(1, jobs)
        let queue = BoundedQueue<(archiveIndex: Int, work: Work)>(capacityBytes: configuration.queueBytes)
        // Results that finish before their turn wait in order; a quarter of the queue's budget bounds the bytes they
        // hold, as the budget bounds the text in flight.
        let commit = OrderedCommit<EntryResult>(workers: jobs, maxWaitingBytes: max(configuration.queueBytes / 4, 1 << 20),
                                                commit: writer.commit, finishArchive: writer.finishArchive)
        let clocks = ClockTotal()
        let archiveReader = ArchiveReader(limits: configuration.limits)
        let started = DispatchTime.now().uptimeNanoseconds
        let formats = writer.formats

        // Each worker runs on a serial queue of its own. Such queues get a thread of their own when they need one
        // (libdispatch makes them "overcommit"), so a reader blocked on the full queue can never keep a worker from
        // starting, as it can on the width-limited global queue.
        let workers = DispatchGroup()
        for worker in 0..<jobs {
            DispatchQueue(label: "peel.parse.\(worker)", qos: .userInitiated).async(group: workers) {
                var clock = StageClock()
                while let (item, cost) = queue.pop() {
                    commit.started(worker: worker, archiveIndex: item.archiveIndex, ordinal: item.work.ordinal)
                    let archivePath = inputs[item.archiveIndex].path
                    var outcome: EntryOutcome
                    var record: [UInt8]?
                    switch item.work {
                    case .read(let entry):
                        if let from = withdrawals[item.archiveIndex], entry.ordinal >= from, case .success = entry.content {
                            outcome = EntryProcessing.rejected(entry, archiveIndex: item.archiveIndex, Withdrawal.rejection)
                        } else {
                            outcome = EntryProcessing.process(
                                entry, archiveIndex: item.archiveIndex, parser: parser, pdf: pdf, maxLines: configuration.limits.maxEntryLines, clock: &clock)
                            // Ctrl-C reaches the terminal's every process, children first as often as not: the run's
                            // own stop is given its moment, and ends the process before a false "crashed" is said.
                            if outcome.stoppedFromOutside { RunStop.awaitStop(seconds: 2) }
                        }
                        record = nil
                        progress?.entryDone(archive: item.archiveIndex, bytes: entry.bytesRead, inputOffset: entry.inputOffset)
                    case .cached(let bytes, let ordinal, let fileName):
                        outcome = (try? EntryOutcome(record: bytes, archiveIndex: item.archiveIndex)) ?? EntryOutcome(
                            archiveIndex: item.archiveIndex, ordinal: ordinal, path: "?", bytes: 0, sha256: nil, status: .quarantined,
                            reason: "its record in the cache is unreadable; run with --full", warnings: [], document: nil)
                        record = bytes
                        // A file renamed since: its entry takes the new name (and the cache is written with it).
                        if let fileName, case let renamed = outcome.named(afterFile: fileName), renamed.path != outcome.path {
                            outcome = renamed
                            record = nil
                        }
                    }
                    let result = EntryProcessing.finish(outcome, record: record, archivePath: archivePath, reference: reference,
                                                        settings: configuration.validation, keepRecord: cacheKey != nil,
                                                        formats: formats, clock: &clock)
                    // Budget goes back once the entry's text is done with; the result is small beside it.
                    queue.release(cost)
                    commit.submit(result, worker: worker)
                }
                clocks.add(clock)
            }
        }

        DispatchQueue(label: "peel.read", qos: .userInitiated).async(group: workers) {
            for (index, input) in inputs.enumerated() {
                var emitted = 0
                var record = readArchive(input, index: index, reader: archiveReader, cache: cache, cacheKey: cacheKey, logger: logger) { work, cost in
                    emitted += 1
                    queue.push((index, work), cost: cost + Self.entryOverheadBytes)
                }
                if record.cached { progress?.archiveDone(index, bytes: record.bytes) }
                record.summary.entries = max(record.summary.entries, emitted)
                commit.endArchive(index, entries: emitted, record: record)
            }
            queue.close()
        }
        workers.wait()
        let extractSeconds = secondsSince(started)
        return ExtractionResult(clock: clocks.total, extractSeconds: extractSeconds)
    }

    /// Reads one archive, or replays its entries from the cache when it is unchanged.
    private static func readArchive(
        _ input: InputArchive, index: Int, reader: ArchiveReader, cache: ArchiveCache, cacheKey: CacheKeys?, logger: Logger,
        emit: (Work, Int) -> Void
    ) -> ArchiveRecord {
        let started = DispatchTime.now().uptimeNanoseconds
        var record = ArchiveRecord(index: index, path: input.path)
        if let reason = input.unreadable {
            record.summary.failure = reason
            logger.error("archive unreadable", metadata: ["archive": .string(input.path), "reason": .string(reason)])
            return record
        }
        let file: OpenInput
        do { file = try OpenInput(path: input.path) } catch {
            record.summary.failure = "cannot read: \(error.description)"
            logger.error("archive unreadable", metadata: ["archive": .string(input.path), "reason": .string(record.summary.failure!)])
            return record
        }
        // The checksum is the cache key and the input's identity in the manifest. Computing it first costs a pass over
        // the whole file before any entry is read (0.6 s a GB, with every worker idle), so unless the cache may hold
        // this archive it is made from the reader's own reads of the file. Either way it is of the file that is read:
        // the one held open.
        let checksum = InputChecksum(file, first: cacheKey != nil && cache.mayHold(archiveBytes: file.bytes))
        if checksum.first {
            guard checksum.wait(into: &record, logger: logger) else { return record }
        }
        if let sha = record.sha256, let key = cacheKey?.key(for: sha), let cached = cache.lookup(key) {
            // An unchanged archive: its entries come from the cache, unread and unparsed.
            var replayed = 0
            let fileName = cached.archive.summary.entriesNamedAfterFile ? ArchiveReader.entryName(ofFileNamed: input.path) : nil
            do {
                try RecordFile.forEach(inFileAt: cached.recordsPath) { bytes in
                    var header = RecordReader(bytes)
                    emit(.cached(record: bytes, ordinal: (try? header.int()) ?? replayed, fileName: fileName), bytes.count)
                    replayed += 1
                }
                record.summary = cached.archive.summary
                record.cached = true
                record.seconds = secondsSince(started)
                logger.info("archive unchanged, previous results reused", metadata: ["archive": .string(input.path)])
                return record
            } catch {
                // The records matched their checksum a moment ago: the file changed under the run. Entries already
                // handed on cannot be taken back, so the archive is reported as failed rather than read twice.
                if replayed > 0 {
                    record.summary = cached.archive.summary
                    record.summary.failure = "the previous run's cache of this archive became unreadable after \(replayed) entries (\(error)); run again, or with --full"
                    logger.error("archive read failed", metadata: ["archive": .string(input.path), "reason": .string(record.summary.failure!)])
                    return record
                }
            }
        }
        record.summary = reader.read(fileAt: file.reopenablePath, named: input.path, observer: checksum.observer) { entry in
            emit(.read(entry), entry.bytesRead)
        }
        if !checksum.first {
            let failure = record.summary.failure
            guard checksum.wait(into: &record, logger: logger) else {
                record.summary.failure = failure ?? record.summary.failure
                return record
            }
        }
        if file.changedSinceOpened {
            // Written to while it was read: what was parsed and what was checksummed may be two versions. Its rows
            // stand for this run, but nothing is cached, and the run says so.
            record.summary.failure = "the file changed while it was read (its size, modification time or status change time); run again once it is complete"
            record.sha256 = nil
        }
        record.seconds = secondsSince(started)
        var metadata: Logger.Metadata = [
            "archive": .string(input.path), "entries": .stringConvertible(record.summary.entries),
            "expanded_bytes": .stringConvertible(record.summary.expandedBytes),
        ]
        if let failure = record.summary.failure {
            metadata["reason"] = .string(failure)
            logger.error("archive read failed", metadata: metadata)
        } else {
            logger.info("archive read", metadata: metadata)
        }
        return record
    }
}

/// Sums the workers' clocks as they finish.
private final class ClockTotal: @unchecked Sendable {
    private let lock = NSLock()
    private var clock = StageClock()

    func add(_ other: StageClock) {
        lock.lock()
        clock.add(other)
        lock.unlock()
    }

    var total: StageClock {
        lock.lock()
        defer { lock.unlock() }
        return clock
    }
}

/// An input's sha256 and size: computed at once when `first`, otherwise from the bytes the archive reader reads
/// (its `observer`), so that the file is read once.
private final class InputChecksum {
    let first: Bool
    private var hasher = SHA256()
    private(set) var observer: InputObserver?
    private var result: Result<(sha256: String, bytes: Int), SystemCallError> = .failure(SystemCallError(description: "not computed"))

    init(_ file: OpenInput, first: Bool) {
        self.first = first
        if first {
            do { result = .success(try file.sha256()) } catch { result = .failure(error) }
        } else {
            observer = InputObserver { [unowned self] bytes in self.hasher.update(bufferPointer: bytes) }
        }
    }

    /// Puts the checksum in `record` once the reader is done; false (with the reason in the record) when the file
    /// could not be read.
    func wait(into record: inout ArchiveRecord, logger: Logger) -> Bool {
        if let observer {
            if observer.complete {
                result = .success((hexDigest(hasher.finalize()), observer.bytes))
            } else {
                result = .failure(SystemCallError(description: observer.readError ?? "not read to its end"))
            }
            self.observer = nil
        }
        switch result {
        case .success(let value):
            (record.sha256, record.bytes) = value
            return true
        case .failure(let error):
            record.summary.failure = "cannot read: \(error.description)"
            logger.error("archive unreadable", metadata: ["archive": .string(record.path), "reason": .string(record.summary.failure!)])
            return false
        }
    }
}
