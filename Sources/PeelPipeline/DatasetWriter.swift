import Foundation
import Logging
import PeelEnrichment
import PeelParquet
import PeelReport
import PeelTables
import PeelValidation

/// What a parse worker hands on for one entry: its outcome, its cache record, and everything made from its report
/// (table rows, findings of the per-report rules), so that committing it is only appending.
struct EntryResult: Sendable {
    var outcome: EntryOutcome
    /// The outcome as the archive cache keeps it.
    let record: [UInt8]
    /// Rows of every table but validation, in `ReportTables.schemas` order; empty when there is no report.
    let batches: [RowBatch]
    /// The same rows as Parquet blocks, one per batch, when the run writes Parquet; empty otherwise.
    let parquet: [ParquetBatch]
    /// Findings of the rules about this report alone.
    let findings: [ValidationFinding]
    /// Its England and Wales figures, for the check across reports.
    let englandWales: EnglandWalesConsistency.ReportFigures?
    /// The entry's manifest record and its JSON (`Manifest.encodedEntry`), made on the worker: the commit only
    /// redoes them for a duplicate.
    let entry: Manifest.EntryRecord
    let entryJSON: [UInt8]
}

extension EntryResult: OrderedResult {
    var archiveIndex: Int { outcome.archiveIndex }
    var ordinal: Int { outcome.ordinal }

    /// The bytes of its rows (CSV, Parquet blocks, values kept for Parquet), cache record and manifest entry: what
    /// grows with the report. The text its strings share with them, and the findings, are small beside it.
    var heldBytes: Int {
        var bytes = record.count + entryJSON.count
        for batch in batches {
            bytes += batch.flat.count + batch.partitions.reduce(0) { $0 + $1.partitioned.count }
            bytes += (batch.values?.count ?? 0) * batch.schema.fields.count * MemoryLayout<Value>.stride
        }
        for block in parquet {
            bytes += (block.flat?.bufferedBytes ?? 0) + block.partitions.reduce(0) { $0 + $1.rows.bufferedBytes }
        }
        return bytes
    }
}

/// The dataset as it is written, entry by entry in (input, entry) order, into the staging folder. Everything that
/// grows with the input goes to disk as it comes (tables, the archive cache, manifest entries, validation findings,
/// force reports' grades for the cross-document check); what stays in memory is state bounded by the vocabulary
/// (statistics, one England and Wales figure per key, national grades) and the digests of the reports met.
final class DatasetWriter {
    private let staging: String
    private let logger: Logger
    private let inputs: [InputArchive]
    private let cacheKey: CacheKeys?
    private var tables: [TableOutput] = []
    /// The validation table is rule by rule, each rule's rows in report order, so a rule's rows wait for the rules
    /// before it. They are rendered as their findings are committed (counted and noted for the page then too), up
    /// to `validationBatchRows` a rule in memory, and the full batches spooled, one spool per rule, rendered: at the
    /// end of the run only their bytes are copied, in rule order. (Spooled as findings, decoded, noted and rendered
    /// at the end, they were most of the run's serial tail: 0.2 s of 1 GB.) cross_document_grades' rows are made at
    /// the end from `claims`, once every national table is in.
    private var ruleRows: [(spool: StagedFile, batch: RowBatch)] = []
    private static let validationBatchRows = 256
    /// Statistics of the spooled batches, which come back without them.
    private var validationStatistics = ColumnAccumulator(schema: ReportTables.validationSchema)
    private let claims: StagedFile
    private var englandWales = EnglandWalesConsistency()
    private var forceReports = ForceReportsAgree()
    private var crossDocument = CrossDocumentGrades()
    private var reasons = ReasonCounts()
    /// Skipped and quarantined entries by status and reason, most frequent first.
    var reasonCounts: [Manifest.ReasonCount] { reasons.sorted }
    /// First (archive, entry) of each report's bytes, for marking later copies as duplicates, and what it is, for its
    /// label on the page.
    private var firstSeen = FirstSeen()
    /// The cache records of the archive being committed, and which archive that is.
    private var cacheRecords: (archive: Int, file: StagedFile)?
    private var cacheRecordCount = 0
    /// Entries of the open archive quarantined for a reason that may pass (pdftotext missing, stopped): the archive is
    /// not cached, so the next run reads it again rather than repeat the failure.
    private var failuresThatMayPass = 0
    private var cacheOutputs: [Manifest.OutputRecord] = []
    /// The cache's files, synced as the run goes on: the last archive's records, fsynced as it was committed, held the
    /// run's end for 0.38 s of 1 GB (strace) before the tables' files began closing; now their fsyncs run together.
    private let cacheSyncs = BackgroundSyncs()

    private(set) var archives: [ArchiveRecord] = []
    /// Every entry's manifest record, when kept for the caller (`RunOptions.entriesInResult`); the manifest file
    /// gets them from `entriesSpool`, so a run need not hold them.
    private(set) var entries: [Manifest.EntryRecord] = []
    private let keepEntries: Bool
    private let entriesSpool: StagedFile
    private(set) var totals = Manifest.Totals(archives: 0, archivesFailed: 0, entries: 0, parsed: 0, skipped: 0, quarantined: 0, reportsByType: [:], parseErrors: 0)
    private(set) var enrichedRows = 0
    /// What index.html shows beyond the manifest.
    let runReport: RunReportCollector
    /// The formats tables are written in (with Parquet the workers keep their rows' values for it).
    let formats: TableFormats
    /// Where every Parquet page of the run is assembled and compressed, one at a time.
    private let parquetBuffers: PageBuffers?
    /// The first write failure; later commits only count, so the readers and workers can drain.
    private(set) var failure: (any Error)?

    static let spoolFolder = ".spool"

    init(staging: String, inputs: [InputArchive], cacheKey: CacheKeys?, keepEntries: Bool, forces: ForceRegistry, formats: TableFormats = .csv,
         logger: Logger) throws {
        self.staging = staging
        self.formats = formats
        parquetBuffers = formats.contains(.parquet) ? PageBuffers() : nil
        runReport = RunReportCollector(forces: forces)
        self.keepEntries = keepEntries
        entriesSpool = try StagedFile(root: staging, path: "\(Self.spoolFolder)/entries.json", checksummed: false)
        self.inputs = inputs
        self.cacheKey = cacheKey
        self.logger = logger
        for schema in ReportTables.schemas.dropLast() { tables.append(try TableOutput(schema: schema, root: staging, csv: formats.contains(.csv), parquet: parquetBuffers)) }
        for rule in RuleName.allCases {
            ruleRows.append((try StagedFile(root: staging, path: "\(Self.spoolFolder)/rule-\(rule.rawValue).records", checksummed: false),
                             RowBatch(schema: ReportTables.validationSchema, formats: formats)))
        }
        claims = try StagedFile(root: staging, path: "\(Self.spoolFolder)/grade-claims.records", checksummed: false)
    }

    /// One entry, in order.
    func commit(_ result: EntryResult) {
        var outcome = result.outcome
        let archivePath = inputs[outcome.archiveIndex].path
        if cacheKey != nil {
            cacheRecordCount += 1
            if outcome.mayPass { failuresThatMayPass += 1 }
            attempt { try cacheFile(for: outcome.archiveIndex).writeRecord(result.record) }
        }
        // The same bytes met twice are one report: every later copy is skipped, naming the first.
        var duplicate = false
        if let document = outcome.document, let sha = outcome.sha256 {
            if let first = firstSeen.first(sha256: sha, archive: outcome.archiveIndex, path: outcome.path, subject: runReport.subject(of: document.report)) {
                duplicate = true
                outcome.status = .skipped
                outcome.reason = "duplicate of \(inputs[first.archive].path) entry \(first.path) (same sha256)"
                outcome.document = nil
            }
        }
        if let report = outcome.document?.report, let id = outcome.sha256 {
            let item = IdentifiedReport(id: id, report: report)
            runReport.note(report, id: id, pages: outcome.document?.pages)
            attempt {
                for (index, batch) in result.batches.enumerated() {
                    try tables[index].append(batch, parquet: result.parquet.isEmpty ? nil : result.parquet[index])
                }
                for finding in result.findings { try spool(finding) }
                if let figures = result.englandWales {
                    for finding in englandWales.check(figures) { try spool(finding) }
                }
                for finding in forceReports.check(item) { try spool(finding) }
                crossDocument.noteNational(item)
                for claim in CrossDocumentGrades.claims(item) {
                    // Its key and grade first: at the end only a claim that disagrees is read whole.
                    var out = RecordWriter()
                    out.string(CrossDocumentGrades.key(of: claim))
                    out.raw(claim.judgment.grade)
                    claim.write(to: &out)
                    try claims.writeRecord(out.bytes)
                }
            }
            enrichedRows += result.batches.last?.rows ?? 0
            totals.reportsByType[report.reportType.rawValue, default: 0] += 1
            totals.parseErrors += report.problems.filter { $0.severity == .error }.count
        }
        count(outcome, archivePath: archivePath)
        let entry = duplicate ? Self.entryRecord(outcome, archivePath: archivePath) : result.entry
        if keepEntries { entries.append(entry) }
        let json = duplicate ? Manifest.encodedEntry(entry) : result.entryJSON
        attempt { try entriesSpool.write(totals.entries == 1 ? json : Array(",\n".utf8) + json) }
    }

    /// The manifest's record of an entry as it ends up.
    static func entryRecord(_ outcome: EntryOutcome, archivePath: String) -> Manifest.EntryRecord {
        let problems = outcome.document?.report.problems ?? []
        return Manifest.EntryRecord(
            archive: archivePath, path: outcome.path, ordinal: outcome.ordinal,
            bytes: outcome.bytes, sha256: outcome.sha256, status: outcome.status, reason: outcome.reason,
            reportType: outcome.document?.report.reportType.rawValue,
            warnings: outcome.warnings.isEmpty ? nil : outcome.warnings,
            problems: problems.isEmpty ? nil : problems.map { "\($0.severity.rawValue): line \($0.line.map(String.init) ?? "?"): \($0.message)" },
            pdf: outcome.pdf)
    }

    private func count(_ outcome: EntryOutcome, archivePath: String) {
        totals.entries += 1
        switch outcome.status {
        case .parsed: totals.parsed += 1
        case .skipped: totals.skipped += 1
        case .quarantined: totals.quarantined += 1
        }
        if outcome.status != .parsed { reasons.count(status: outcome.status, reason: outcome.reason ?? "") }
        let metadata: Logger.Metadata = ["archive": .string(archivePath), "entry": .string(outcome.path)]
        if outcome.status == .quarantined {
            runReport.noteProblem(archive: archivePath, entry: outcome.path, reason: outcome.reason ?? "")
            logger.warning("entry quarantined", metadata: metadata.merging(["reason": .string(outcome.reason ?? "")]) { $1 })
        }
        for problem in outcome.document?.report.problems ?? [] where problem.severity == .error {
            logger.warning("parse error", metadata: metadata.merging([
                "line": .stringConvertible(problem.line ?? 0), "reason": .string(problem.message),
            ]) { $1 })
        }
    }

    /// A finding of a rule checked as reports are committed: counted, noted for the page, and its row rendered.
    private func spool(_ finding: ValidationFinding) throws {
        note(finding)
        // Every rule has its rows: they are made from the same registry the finding's rule is a case of.
        let rule = Self.ruleIndex[finding.rule]!
        ruleRows[rule].batch.row { ReportTables.validationRow(finding, into: &$0) }
        guard ruleRows[rule].batch.rows >= Self.validationBatchRows else { return }
        validationStatistics.merge(ruleRows[rule].batch.statistics)
        var out = RecordWriter(capacity: ruleRows[rule].batch.flat.count * 2 + 64)
        ruleRows[rule].batch.write(to: &out)
        try ruleRows[rule].spool.writeRecord(out.bytes)
        ruleRows[rule].batch = RowBatch(schema: ReportTables.validationSchema, formats: formats)
    }

    /// Where each rule's rows are in `ruleRows`: in the registry's order.
    private static let ruleIndex = Dictionary(uniqueKeysWithValues: RuleName.allCases.enumerated().map { ($1, $0) })

    /// A finding counted for the manifest and noted for the page.
    private func note(_ finding: ValidationFinding) {
        runReport.note(finding) { reportID in
            firstSeen.place(of: reportID).map { (source: "\(inputs[$0.archive].path): \($0.path)", subject: $0.subject) }
        }
    }

    /// The file an archive's records go to as they are committed, opened with its first (archives come one after
    /// another); it is named by the archive's checksum when the archive is done.
    private func cacheFile(for archive: Int) throws -> StagedFile {
        if let open = cacheRecords, open.archive == archive { return open.file }
        let file = try StagedFile(root: staging, path: "\(Self.spoolFolder)/archive-\(archive).records")
        cacheRecords = (archive, file)
        return file
    }

    /// An archive's entries are all committed.
    func finishArchive(_ record: ArchiveRecord) {
        archives.append(record)
        totals.archives += 1
        if let failure = record.summary.failure {
            totals.archivesFailed += 1
            runReport.noteProblem(archive: record.path, entry: "(the input itself)", reason: failure)
        }
        guard cacheKey != nil else { return }
        defer {
            cacheRecords = nil
            cacheRecordCount = 0
            failuresThatMayPass = 0
        }
        attempt {
            // An archive with no entries still gets its (empty) records, so an unchanged one is not read again.
            let records = try cacheFile(for: record.index)
            // An archive that could not be read has no checksum and no cache.
            guard let key = cacheKey, let sha = record.sha256 else { return try records.closeScratch() }
            guard failuresThatMayPass == 0 else {
                logger.warning("archive not cached: the next run reads it again", metadata: [
                    "archive": .string(record.path),
                    "reason": .string("\(failuresThatMayPass) of its entries failed for a reason that may pass (pdftotext missing or stopped)"),
                ])
                return try records.closeScratch()
            }
            let output = try records.seal(movingTo: ArchiveCache.recordsPath(sha))
            cacheOutputs.append(output)
            let index = ArchiveCache.index(for: CachedArchive(
                key: key.key(for: sha), archiveBytes: record.bytes, summary: record.summary, records: cacheRecordCount, recordsSHA256: output.sha256))
            // Small: written whole, with its checksum, beside the records.
            let file = try StagedFile(root: staging, path: index.path)
            try file.write(index.contents)
            cacheOutputs.append(try file.seal())
            cacheSyncs.close([records, file])
        }
    }

    private func attempt(_ work: () throws -> Void) {
        guard failure == nil else { return }
        do { try work() } catch { failure = error }
    }

    /// What `finish` leaves: the tables' files as they close (their records in `schemas` order) and the cache's
    /// records, per-table statistics, and the validation findings counted.
    struct Finished {
        var tableFiles = ClosingFiles([])
        /// The cache's records, final once `cacheSyncs` is waited for.
        var cacheOutputs: [Manifest.OutputRecord] = []
        var cacheSyncs = BackgroundSyncs()
        var tables: [Manifest.TableRecord] = []
        var validation = Manifest.ValidationTotals(bySeverity: [:], byRule: [:])
        var findings: Int { validation.bySeverity.values.reduce(0, +) }
    }

    /// Writes `manifest.json` into the staging folder, durably: `manifest` (without entries) with every entry's
    /// record from the spool in its place. Call after `finish` has closed the tables; removes the spools.
    func writeManifest(_ manifest: Manifest) throws {
        let (head, tail) = manifest.encodedAroundEntries()
        try entriesSpool.closeScratch()
        let file = try StagedFile(root: staging, path: "manifest.json", checksummed: false)
        try file.write(head)
        if totals.entries > 0 {
            try FileBlocks.forEach(inFileAt: staging + "/" + entriesSpool.path) { try file.write(Array($0)) }
        }
        try file.write(tail)
        _ = try file.close()
        try FileManager.default.removeItem(atPath: staging + "/" + Self.spoolFolder)
    }

    /// The validation table from the spools (rule by rule, each in report order), then every table closed. The
    /// tables read from reports are complete already: their files are fsynced on another thread while the validation
    /// table is made, and its own while the caller goes on (the run page); `Finished.tableFiles` waits for them.
    /// Closed after the validation table, they kept the disk waiting on one thread and the CPU on the other (0.26 s
    /// and 0.35 s of the 0.8 s after the last entry of 1 GB, perf).
    func finish() throws -> Finished {
        if let failure { throw failure }
        var finished = Finished()
        var reportFiles: [StagedFile] = []
        for table in tables {
            let (tableFiles, columns) = try table.finish()
            reportFiles += tableFiles
            finished.tables.append(Manifest.TableRecord(name: table.schema.name, rows: table.rows, columns: columns))
        }
        let closingReportFiles = ClosingFiles(reportFiles)
        // The files are the closer's now: on a failure below, it finishes before the staging folder goes.
        do {
            let (validationFiles, columns, rows) = try finishValidation(&finished)
            finished.tables.append(Manifest.TableRecord(name: ReportTables.validationSchema.name, rows: rows, columns: columns))
            finished.tableFiles = ClosingFiles(validationFiles, after: closingReportFiles)
        } catch {
            _ = try? closingReportFiles.records()
            throw error
        }
        finished.cacheOutputs = cacheOutputs
        finished.cacheSyncs = cacheSyncs
        return finished
    }

    /// The validation table, rule by rule: each rule's spooled batches and the rows still in memory, and
    /// cross_document_grades' findings, made now from the claims. Its files (not yet closed), statistics and rows.
    private func finishValidation(_ finished: inout Finished) throws -> (files: [StagedFile], columns: [ColumnStatistics], rows: Int) {
        let schema = ReportTables.validationSchema
        // Written whole here, after the last entry, on one core: its flat file is written on the other.
        let validation = try TableOutput(schema: schema, root: staging, csv: formats.contains(.csv), parquet: parquetBuffers, flatInBackground: true)
        var parquetRows = ParquetChunks(schema: schema, writes: formats.contains(.parquet))
        func append(_ batch: RowBatch) throws {
            try validation.appendSkippingParquet(batch)
            try parquetRows.add(batch.values, to: validation)
        }
        try claims.closeScratch()
        for rows in ruleRows { try rows.spool.closeScratch() }
        for rule in RuleName.allCases {
            if rule == CrossDocumentGrades.name {
                // Every force report's grades against the national tables, now that all of those are in. Most claims
                // agree, or have no national grade: a claim is read whole (and its finding made) only when it disagrees.
                guard crossDocument.hasNationalTables else { continue }
                var batch = RowBatch(schema: schema, formats: formats)
                try RecordFile.forEach(inFileAt: staging + "/" + claims.path) { bytes in
                    var input = RecordReader(bytes)
                    guard crossDocument.disagrees(key: try input.string(), grade: try input.raw(Grade.self)),
                          let finding = crossDocument.check(try GradeClaim(from: &input)) else { return }
                    note(finding)
                    batch.row { ReportTables.validationRow(finding, into: &$0) }
                    if batch.rows >= Self.validationBatchRows {
                        try append(batch)
                        batch = RowBatch(schema: schema, formats: formats)
                    }
                }
                try append(batch)
            } else {
                let rows = ruleRows[Self.ruleIndex[rule]!]
                try RecordFile.forEach(inFileAt: staging + "/" + rows.spool.path) { bytes in
                    var input = RecordReader(bytes)
                    try append(try RowBatch(from: &input, schema: schema, formats: formats))
                }
                try append(rows.batch)
            }
        }
        try parquetRows.flush(to: validation)
        validation.merge(statistics: validationStatistics)
        // Counted by the run page's collector as findings were noted: two dictionaries keyed by strings, updated for
        // every finding, were most of noting one (callgrind), at the end of a run where one thread works alone.
        finished.validation = runReport.findingTotals
        let (files, columns) = try validation.finish()
        return (files, columns, validation.rows)
    }

    /// The validation table's Parquet rows in batches of `rows`, across rules, as the table has always been cut:
    /// its files' row groups close between the batches they are given, so the cut decides their bytes.
    private struct ParquetChunks {
        let schema: TableSchema
        let writes: Bool
        /// Made as any batch is: its partitions in `RowBatch`'s order decide the files' bytes too.
        private var batch: RowBatch
        static let rows = 1024

        init(schema: TableSchema, writes: Bool) {
            self.schema = schema
            self.writes = writes
            batch = RowBatch(schema: schema, formats: .parquet)
        }

        mutating func add(_ values: [[Value]]?, to output: TableOutput) throws {
            guard writes, let values else { return }
            for row in values {
                batch.append(row)
                if batch.rows == Self.rows { try flush(to: output) }
            }
        }

        mutating func flush(to output: TableOutput) throws {
            try output.appendParquet(batch)
            batch = RowBatch(schema: schema, formats: .parquet)
        }
    }
}

/// Where each distinct report's bytes were first met, with no object per entry: digests as four words in one
/// hash table, paths in one byte buffer. A dictionary of strings kept one small allocation per entry alive among
/// the parse workers' short-lived ones, and the heap fragmented with the input's size (peak RSS 1.24x at 4x the
/// input; 1.01x without it).
/// Entries counted by status and reason, for the manifest's totals. Bounded: reasons that name a path (duplicates,
/// damaged data) can be as many as the entries, so past `limit` distinct ones the rest are counted together.
struct ReasonCounts {
    private var counts: [String: (status: EntryStatus, reason: String, entries: Int)] = [:]
    private var others: [EntryStatus: Int] = [:]
    private let limit = 100

    mutating func count(status: EntryStatus, reason: String) {
        let key = status.rawValue + "\u{0}" + reason
        if counts[key] != nil {
            counts[key]!.entries += 1
        } else if counts.count < limit {
            counts[key] = (status, reason, 1)
        } else {
            others[status, default: 0] += 1
        }
    }

    /// Most frequent first, then by status and reason, so the order is the same on every run.
    var sorted: [Manifest.ReasonCount] {
        let listed = counts.values.map { Manifest.ReasonCount(status: $0.status, reason: $0.reason, entries: $0.entries) }
        let rest = others.map { Manifest.ReasonCount(status: $0.key, reason: "(other reasons, beyond the first \(limit))", entries: $0.value) }
        return (listed.sorted { ($1.entries, $0.status.rawValue, $0.reason) < ($0.entries, $1.status.rawValue, $1.reason) }
            + rest.sorted { $0.status.rawValue < $1.status.rawValue })
    }
}

struct FirstSeen {
    private struct Digest: Hashable {
        let words: (UInt64, UInt64, UInt64, UInt64)

        static func == (a: Digest, b: Digest) -> Bool { a.words == b.words }
        func hash(into hasher: inout Hasher) {
            hasher.combine(words.0)
            hasher.combine(words.1)
        }

        /// From 64 lowercase hex digits; nil for anything else (never from `sha256Hex`).
        init?(hex: String) {
            var words: [UInt64] = [0, 0, 0, 0]
            var count = 0
            for byte in hex.utf8 {
                let nibble: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
                default: return nil
                }
                guard count < 64 else { return nil }
                words[count / 16] = words[count / 16] << 4 | UInt64(nibble)
                count += 1
            }
            guard count == 64 else { return nil }
            self.words = (words[0], words[1], words[2], words[3])
        }
    }

    private var index: [Digest: Int32] = [:]
    private var archives: [Int32] = []
    private var subjects: [ReportSubject] = []
    private var pathEnds: [Int] = []
    private var pathBytes: [UInt8] = []

    /// The archive and entry where these bytes were first met, or nil (and they are noted as met here).
    mutating func first(sha256: String, archive: Int, path: String, subject: ReportSubject) -> (archive: Int, path: String)? {
        guard let digest = Digest(hex: sha256) else { return nil }
        if let seen = index[digest] {
            let first = place(Int(seen))
            return (first.archive, first.path)
        }
        index[digest] = Int32(archives.count)
        archives.append(Int32(archive))
        subjects.append(subject)
        pathBytes.append(contentsOf: path.utf8)
        pathEnds.append(pathBytes.count)
        return nil
    }

    /// Where the bytes with this checksum were first met, and what they are; nil if never.
    func place(of sha256: String) -> (archive: Int, path: String, subject: ReportSubject)? {
        guard let digest = Digest(hex: sha256), let seen = index[digest] else { return nil }
        return place(Int(seen))
    }

    private func place(_ number: Int) -> (archive: Int, path: String, subject: ReportSubject) {
        let start = number == 0 ? 0 : pathEnds[number - 1]
        return (Int(archives[number]), String(decoding: pathBytes[start..<pathEnds[number]], as: UTF8.self), subjects[number])
    }
}
