import Dispatch
import Foundation
import Logging
import PeelArchive
import PeelReport

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

/// Everything stages 1–3 produced, in deterministic order.
struct ExtractionResult: Sendable {
    var archives: [ArchiveRecord]
    /// Sorted by (archive, ordinal), duplicates already marked.
    var outcomes: [EntryOutcome]
    /// The same, before duplicates were marked: what the cache keeps for each archive.
    var unmarked: [EntryOutcome]
    var clock: StageClock
    var extractSeconds: Double
}

/// Stages 1–3 wired on Dispatch:
///
///     archive readers (≤ jobs, one archive each at a time) ─► BoundedQueue (bytes) ─► `jobs` workers ─► collector
///
/// Readers block on libarchive, so they run on their own Dispatch work items, never on Swift concurrency's
/// cooperative pool. Each entry carries (archive index, ordinal); the collector sorts by them, so the outcome
/// order — and every output — is the same whatever the thread count or the order work finishes in.
enum StagedExtraction {
    /// `cacheKey` gives an archive's cache key from its checksum (nil: read everything).
    static func run(archives inputs: [InputArchive], configuration: Configuration, parser: ReportParser, jobs: Int,
                    cache: ArchiveCache, cacheKey: CacheKeys?, progress: RunProgress? = nil, logger: Logger) -> ExtractionResult {
        let jobs = max(1, jobs)
        let queue = BoundedQueue<(archiveIndex: Int, entry: ExtractedEntry)>(capacityBytes: configuration.queueBytes)
        let collected = Collector()
        let archiveReader = ArchiveReader(limits: configuration.limits)
        let started = DispatchTime.now().uptimeNanoseconds

        // Each worker and reader runs on a serial queue of its own. Such queues get a thread of their own when
        // they need one (libdispatch makes them "overcommit"), so a reader blocked on the full queue can never
        // keep a worker from starting, as it can on the width-limited global queue. Workers start first.
        let workers = DispatchGroup()
        for worker in 0..<jobs {
            DispatchQueue(label: "peel.parse.\(worker)", qos: .userInitiated).async(group: workers) {
                var clock = StageClock()
                var outcomes: [EntryOutcome] = []
                while let (item, cost) = queue.pop() {
                    // Budget goes back however processing ends.
                    defer { queue.release(cost) }
                    outcomes.append(EntryProcessing.process(item.entry, archiveIndex: item.archiveIndex, parser: parser, clock: &clock))
                    // Progress counts entries done with, not read: readers run ahead by up to the queue's size.
                    progress?.entryDone(archive: item.archiveIndex, bytes: item.entry.bytesRead, inputOffset: item.entry.inputOffset)
                }
                collected.add(outcomes, clock: clock)
            }
        }
        let readers = DispatchGroup()
        let nextArchive = Counter()
        for reader in 0..<min(jobs, inputs.count) {
            DispatchQueue(label: "peel.read.\(reader)", qos: .userInitiated).async(group: readers) {
                while let index = nextArchive.next(below: inputs.count) {
                    let record = readArchive(inputs[index], index: index, reader: archiveReader, logger: logger, reuse: { sha in
                        // An unchanged archive: its outcomes go straight to the collector, unread.
                        guard let key = cacheKey?.key(for: sha), let cached = cache.lookup(key) else { return nil }
                        collected.add(cached.outcomes.map { outcome in
                            var outcome = outcome
                            outcome.archiveIndex = index
                            return outcome
                        }, clock: StageClock())
                        return cached.summary
                    }) { entry in
                        queue.push((index, entry), cost: max(entry.bytesRead, 1))
                    }
                    if record.cached { progress?.archiveDone(index, bytes: record.bytes) }
                    collected.add(record)
                }
            }
        }

        readers.wait()
        let extractSeconds = secondsSince(started)
        queue.close()
        workers.wait()

        var result = collected.result(extractSeconds: extractSeconds)
        result.unmarked = result.outcomes
        markDuplicates(&result)
        for outcome in result.outcomes {
            let metadata: Logger.Metadata = ["archive": .string(inputs[outcome.archiveIndex].path), "entry": .string(outcome.path)]
            if outcome.status == .quarantined {
                logger.warning("entry quarantined", metadata: metadata.merging(["reason": .string(outcome.reason ?? "")]) { $1 })
            }
            for problem in outcome.document?.report.problems ?? [] where problem.severity == .error {
                logger.warning("parse error", metadata: metadata.merging([
                    "line": .stringConvertible(problem.line ?? 0), "reason": .string(problem.message),
                ]) { $1 })
            }
        }
        return result
    }

    private static func readArchive(
        _ input: InputArchive, index: Int, reader: ArchiveReader, logger: Logger,
        reuse: (String) -> ArchiveSummary?, emit: (ExtractedEntry) -> Void
    ) -> ArchiveRecord {
        let started = DispatchTime.now().uptimeNanoseconds
        var record = ArchiveRecord(index: index, path: input.path)
        do {
            (record.sha256, record.bytes) = try sha256Hex(fileAt: input.path)
        } catch {
            record.summary.failure = "cannot read: \(error.localizedDescription)"
            logger.error("archive unreadable", metadata: ["archive": .string(input.path), "reason": .string(record.summary.failure!)])
            return record
        }
        if let sha = record.sha256, let summary = reuse(sha) {
            record.summary = summary
            record.cached = true
            record.seconds = secondsSince(started)
            logger.info("archive unchanged, previous results reused", metadata: ["archive": .string(input.path)])
            return record
        }
        record.summary = reader.read(fileAt: input.path, emit: emit)
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

    /// The same bytes met twice are one report: every later copy is skipped, naming the first.
    /// "First" is in (archive path, entry order), never in arrival order.
    private static func markDuplicates(_ result: inout ExtractionResult) {
        var firstSeen: [String: (archive: Int, path: String)] = [:]
        for index in result.outcomes.indices {
            let outcome = result.outcomes[index]
            guard outcome.document != nil, let sha = outcome.sha256 else { continue }
            if let first = firstSeen[sha] {
                let archive = result.archives[first.archive].path
                result.outcomes[index].status = .skipped
                result.outcomes[index].reason = "duplicate of \(archive) entry \(first.path) (same sha256)"
                result.outcomes[index].document = nil
            } else {
                firstSeen[sha] = (outcome.archiveIndex, outcome.path)
            }
        }
    }
}

/// Hands out archive indices to readers.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// Gathers what readers and workers produce; only touched through its lock.
private final class Collector: @unchecked Sendable {
    private let lock = NSLock()
    private var archives: [ArchiveRecord] = []
    private var outcomes: [EntryOutcome] = []
    private var clock = StageClock()

    func add(_ record: ArchiveRecord) {
        lock.lock()
        archives.append(record)
        lock.unlock()
    }

    func add(_ batch: [EntryOutcome], clock other: StageClock) {
        lock.lock()
        outcomes.append(contentsOf: batch)
        clock.add(other)
        lock.unlock()
    }

    func result(extractSeconds: Double) -> ExtractionResult {
        lock.lock()
        defer { lock.unlock() }
        return ExtractionResult(
            archives: archives.sorted { $0.index < $1.index },
            outcomes: outcomes.sorted { ($0.archiveIndex, $0.ordinal) < ($1.archiveIndex, $1.ordinal) }, unmarked: [],
            clock: clock, extractSeconds: extractSeconds)
    }
}
