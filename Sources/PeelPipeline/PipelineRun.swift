public import Logging
import Foundation
import PeelArchive
import PeelEnrichment
import PeelPDF
import PeelReport
import PeelValidation
public import PeelTables
import PeelRunReport

/// What a run is asked to do.
public struct RunOptions: Sendable {
    /// Files or folders to read (folders recursively).
    public var inputs: [String]
    public var output: String
    /// Parse workers; archive readers are at most this many too.
    public var jobs: Int
    /// nil: `Pipeline/pipeline.json` if it exists, else the built-in defaults.
    public var configurationPath: String?
    /// The validation severity that makes the run end with exit status 3 (nil: never).
    public var failOn: FailOn = .error
    /// Wait for another run's lock on the output folder instead of failing with exit 75.
    public var waitForLock = false
    /// Read every archive again, even those unchanged since the previous run (whose results are otherwise reused).
    public var full = false
    /// The program's identity in cache keys; nil: the executable's build ID. Tests set it to stand for two builds.
    public var programIdentity: String?
    /// Where pdftotext is looked for; nil: the environment's `PATH`. Tests set it to stand for a machine without it.
    var pdfSearchPath: String?
    /// A progress line on stderr (entries, MB/s, ETA): for terminals, never for cron or JSON logs.
    public var showProgress = false
    /// Return every entry's record in `RunResult.manifest.entries` (they are always in manifest.json). Off, a run
    /// keeps none of them in memory, which matters for inputs of many thousands of entries (the command line).
    public var entriesInResult = true
    /// The formats tables are written in: CSV (`<table>.csv`, `<table>/<field>=<value>/part-00000.csv`), Parquet
    /// (the same under `parquet/`, as `.parquet`), or both.
    public var formats: TableFormats = .csv

    /// `--format`'s value: "csv", "parquet", or both, comma-separated in any order; anything else is refused
    /// with the message to show.
    public static func formats(named text: String) -> Result<TableFormats, FormatError> {
        var formats: TableFormats = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
            let format: TableFormats
            switch name {
            case "csv": format = .csv
            case "parquet": format = .parquet
            default: return .failure(FormatError(message: "unknown format \"\(name)\" (csv, parquet, or csv,parquet)"))
            }
            // "csv,csv" is a slip (meant "csv,parquet"?), not a format.
            guard formats.insert(format).inserted else { return .failure(FormatError(message: "\"\(name)\" is named twice (csv, parquet, or csv,parquet)")) }
        }
        return .success(formats)
    }

    public struct FormatError: Error, Sendable { public let message: String }

    public init(inputs: [String] = ["Inputs"], output: String = "Outputs", jobs: Int = RunOptions.defaultJobs, configurationPath: String? = nil) {
        self.inputs = inputs
        self.output = output
        self.jobs = jobs
        self.configurationPath = configurationPath
    }

    /// Which validation findings make a run's exit status non-zero.
    public enum FailOn: String, Sendable, CaseIterable {
        case warning, error, never
    }

    public static let defaultConfigurationPath = "Pipeline/pipeline.json"
    /// One parse worker per core, at most `maxJobs`.
    public static var defaultJobs: Int { min(maxJobs, ProcessInfo.processInfo.activeProcessorCount) }
    /// Each job is a thread of its own (two with its reader); more than this only costs memory.
    public static let maxJobs = 64
}

public struct RunResult: Sendable {
    public let status: ExitStatus
    public let manifest: Manifest
}

/// One run: lock → read inputs (stages 1–3, concurrent) → tables → manifest → publish atomically.
public enum PipelineRun {
    public static func execute(_ options: RunOptions, logger: Logger) throws(RunFailure) -> RunResult {
        let startedAt = Date()
        let runId = UUID().uuidString.lowercased()
        let configurationPath: String
        if let given = options.configurationPath { configurationPath = given } else { configurationPath = try ShippedConfiguration.locate() }
        let loaded: LoadedConfiguration
        do { loaded = try Configuration.load(path: configurationPath) } catch {
            throw RunFailure(.configuration, error.description)
        }

        // Reference tables sit beside the configuration file.
        let referenceFolder = ({ $0.isEmpty ? "." : $0 })((configurationPath as NSString).deletingLastPathComponent)
        let reference = try ReferenceData.load(folder: referenceFolder, policy: loaded.configuration.population)
        let parser = ReportParser(forces: reference.forces)

        let output = try OutputFolder(path: options.output)
        try InputDiscovery.checkSeparate(inputs: options.inputs, output: output.target, outputAsGiven: options.output)
        // The inputs are found before anything is written: a run refused for its inputs (66) leaves no trace, not even
        // the output folder's parents or its lock.
        let discovered = try InputDiscovery.archives(in: options.inputs)
        let inputs = discovered.archives
        for dataset in discovered.datasetsPassedOver {
            logger.warning("input folder passed over: it is a peel dataset", metadata: ["folder": .string(dataset)])
        }
        for item in discovered.passedOver {
            logger.warning("input passed over", metadata: ["path": .string(item.path), "reason": .string(item.reason)])
        }
        // Asked before the lock is taken too, so that a run refused for its output folder (a file, a folder of the
        // user's, the root, a mount point) leaves no lock file beside it; and again with the lock held.
        try output.checkReplaceable()
        try output.lock(wait: options.waitForLock)
        defer { output.unlock() }
        try output.checkReplaceable()
        try output.sweepLeftovers()
        let foreign = output.foreignFiles(tables: ReportTables.schemas.map(\.name))
        if !foreign.isEmpty {
            logger.warning("files peel did not write will go with the previous dataset", metadata: [
                "output": .string(options.output), "count": .stringConvertible(foreign.count),
                "files": .string(foreign.prefix(20).joined(separator: ", ") + (foreign.count > 20 ? ", …" : "")),
            ])
        }

        logger.info("run started", metadata: [
            "run_id": .string(runId), "archives": .stringConvertible(inputs.count), "jobs": .stringConvertible(options.jobs),
        ])
        // Incremental: an archive unchanged since the previous run, read by the same program with the same
        // configuration and reference data, is not read again; its outcomes come from the dataset's cache.
        let program = ProgramInfo.current()
        // One pdftotext for the run: it reads the PDFs, and its release is part of every archive's cache key (a re-run
        // after poppler was upgraded reads the archives again, as a full run would). Asked for its version now, on
        // another thread, so that no archive waits for it.
        let pdf = PDFTextExtractor(settings: loaded.configuration.pdf, maxTextBytes: loaded.configuration.limits.maxEntryBytes,
                                   searchPath: options.pdfSearchPath)
        DispatchQueue.global().async { _ = pdf.extractor }
        let referenceSHA = sha256Hex(Array(reference.files.map(\.sha256).joined(separator: ",").utf8))
        let cacheKey = (options.programIdentity ?? program.cacheIdentity).map { identity in
            CacheKeys(program: identity, configurationSHA256: loaded.sha256, referenceSHA256: referenceSHA,
                      pdfTool: { pdf.extractor ?? "no pdftotext" })
        }
        let cache = options.full || cacheKey == nil ? ArchiveCache.empty : ArchiveCache.load(outputFolder: output.target)
        let inputBytes = inputs.reduce(0) { $0 + fileSize($1.path) }
        let jobs = min(max(1, options.jobs), RunOptions.maxJobs)

        DispatchQueue.global().async { RunReportPage.prepare() }

        // Stages 1–5 stream into the staging folder; only the validation table and the small files are left after.
        var staging = try output.beginStaging(runId: runId)
        /// A step that writes into the staging folder: if it fails, the run ends with exit 74 and the folder goes.
        func staged<T>(_ step: () throws -> T) throws(RunFailure) -> T {
            do { return try step() } catch {
                output.discard(staging: staging)
                throw RunFailure(.ioError, "writing the dataset: \(error)")
            }
        }
        // Entries are committed as they are read, but a compressed stream's damage may be found only at its end (a
        // gzip member's CRC-32), after entries inflated from it were committed. Their rows cannot be picked out of
        // everything built from them (tables, checks across reports, the run page), so the run is made again
        // without them: a cost only a damaged input pays.
        /// The first withdrawn ordinal of each input that has one.
        var withdrawals: [Int: Int] = [:]
        var writer: DatasetWriter
        var extraction: ExtractionResult
        var passes = 0
        while true {
            passes += 1
            writer = try staged { try DatasetWriter(staging: staging, inputs: inputs, cacheKey: cacheKey, keepEntries: options.entriesInResult,
                                                    forces: reference.forces, formats: options.formats, logger: logger) }
            let progress = options.showProgress ? RunProgress(totalInputBytes: inputBytes) : nil
            progress?.start()
            extraction = StagedExtraction.run(archives: inputs, configuration: loaded.configuration, parser: parser, reference: reference,
                                              jobs: jobs, cache: cache, cacheKey: cacheKey, writer: writer, withdrawals: withdrawals,
                                              progress: progress, pdf: pdf, logger: logger)
            progress?.stop()
            let found = Withdrawal.newlyFound(in: writer.archives, applied: withdrawals)
            if found.isEmpty { break }
            // Each pass reads the same bytes and finds the same damage; a file that keeps changing under the run ends it.
            guard passes < 3 else {
                output.discard(staging: staging)
                throw RunFailure(.ioError, "\(inputs[found[0].index].path): its damaged entries changed from one reading to the next; run again once it is complete")
            }
            for (index, fromOrdinal) in found {
                withdrawals[index] = fromOrdinal
                logger.warning("entries withdrawn: the input's compressed data was found corrupt after they were read; the run starts again without them", metadata: [
                    "archive": .string(inputs[index].path), "from_ordinal": .stringConvertible(fromOrdinal),
                ])
            }
            output.discard(staging: staging)
            staging = try output.beginStaging(runId: runId)
        }

        // Inputs that hold nothing at all (an empty archive, as an empty folder) are no dataset: the one in the output
        // folder, if any, stays as it was (a cron job pointed at an emptied download replaced it with an empty one).
        if writer.totals.entries == 0 && writer.totals.archivesFailed == 0 {
            output.discard(staging: staging)
            throw RunFailure(.noInput, "\(inputs.count == 1 ? inputs[0].path + " holds" : "the inputs hold") no entries (an empty archive?): nothing was written, and the output folder \(options.output) is as it was")
        }
        // Inputs that hold no PEEL report and nothing that failed (a folder of other documents, the wrong folder) do not
        // replace a dataset that holds reports: an empty one in its place lost it, exit 0.
        if writer.totals.parsed == 0 && writer.totals.quarantined == 0 && writer.totals.archivesFailed == 0,
           let held = reportsInDataset(output.target), held > 0 {
            output.discard(staging: staging)
            let reasons = writer.reasonCounts.map { "\($0.entries) \($0.reason)" }.joined(separator: ", ")
            throw RunFailure(.noInput, "\(inputs.count == 1 ? inputs[0].path + " holds" : "the inputs hold") no PEEL report (\(writer.totals.entries) \(writer.totals.entries == 1 ? "entry" : "entries") skipped: \(reasons)): nothing was written, and the dataset in \(options.output), which holds \(held) \(held == 1 ? "report" : "reports"), is as it was")
        }
        if writer.totals.parsed == 0 {
            logger.warning("no report was read from the inputs: the dataset written holds none", metadata: [
                "entries": .stringConvertible(writer.totals.entries), "output": .string(options.output),
            ])
        }
        let writeStarted = DispatchTime.now().uptimeNanoseconds
        let finished = try staged { try writer.finish() }
        var totals = writer.totals
        totals.reasons = writer.reasonCounts
        let validation = finished.validation
        let failing: Bool
        switch options.failOn {
        case .never: failing = false
        case .error: failing = (validation.bySeverity[Severity.error.rawValue] ?? 0) > 0
        case .warning: failing = (validation.bySeverity[Severity.error.rawValue] ?? 0) + (validation.bySeverity[Severity.warning.rawValue] ?? 0) > 0
        }
        // Input failures outrank validation findings: they mean some data was not even read.
        let status: ExitStatus = totals.quarantined > 0 || totals.archivesFailed > 0 ? .inputQuarantined : failing ? .validationErrors : .success

        let validationFile = options.formats.flatPath(ReportTables.validationSchema.name)
        let explanation = RunExplanation.text(status: status, totals: totals, validation: validation, failOn: options.failOn, output: options.output,
                                              validationFile: validationFile)
        let readme = DatasetReadme.text(archives: writer.archives, totals: totals, validation: validation, status: status,
                                        formats: options.formats, validationFile: validationFile)
        // The page sits inside the dataset: it names the dataset's files relative to itself.
        let pageWhy = RunExplanation.text(status: status, totals: totals, validation: validation, failOn: options.failOn, output: ".",
                                         validationFile: validationFile)
        let page = RunReportPage.render(RunReportBuilder.report(
            runId: runId, startedAt: ManifestBuilder.timestamp(startedAt), status: status, why: pageWhy, archives: writer.archives,
            totals: totals, stages: ManifestBuilder.stages(totals: totals, extraction: extraction, findings: finished.findings,
                                                           enrichedRows: writer.enrichedRows, writeItems: finished.tableFiles.count,
                                                           writeSeconds: secondsSince(writeStarted)),
            collector: writer.runReport, tables: finished.tables, denominators: reference.denominators,
            formats: options.formats))
        let package = DataPackage.render(ReportTables.schemas, title: "PEEL inspection reports as data",
            description: "Judgments, figures and findings of HMIC/HMICFRS PEEL reports, with population denominators and validation findings. Written by peel \(ProgramInfo.version).",
            formats: options.formats)
        let small = try output.write([RenderedFile(path: "datapackage.json", contents: package, rows: nil),
                                      RenderedFile(path: DatasetReadme.path, contents: Array(readme.utf8), rows: nil),
                                      RenderedFile(path: RunReportBuilder.path, contents: Array(page.utf8), rows: nil)], staging: staging)
        let outputs = try staged { try finished.tableFiles.records() } + small + staged { try finished.cacheSyncs.wait(); return finished.cacheOutputs }
        let writeSeconds = secondsSince(writeStarted)
        var manifest = ManifestBuilder.manifest(
            runId: runId, startedAt: startedAt, program: program, options: options, configuration: loaded, reference: reference.files,
            archives: writer.archives, extraction: extraction,
            outputs: outputs, totals: totals, status: status, writeSeconds: writeSeconds, findings: finished.findings, enrichedRows: writer.enrichedRows)
        manifest.validation = validation
        manifest.tables = finished.tables

        let publishStarted = DispatchTime.now().uptimeNanoseconds
        manifest.finishedAt = ManifestBuilder.timestamp(Date())
        try staged { try writer.writeManifest(manifest) }
        try output.publish(staging: staging, runId: runId)
        manifest.entries = writer.entries
        logger.notice("dataset written", metadata: [
            "output": .string(options.output), "parsed": .stringConvertible(totals.parsed),
            "skipped": .stringConvertible(totals.skipped), "quarantined": .stringConvertible(totals.quarantined),
        ])
        // The last line of every run, at the default level: how it ended and why, so a cron mail says it all.
        logger.log(level: status == .success ? .notice : .warning, "run finished", metadata: [
            "run_id": .string(runId), "entries": .stringConvertible(totals.entries), "parsed": .stringConvertible(totals.parsed),
            "skipped": .stringConvertible(totals.skipped), "quarantined": .stringConvertible(totals.quarantined),
            "archives_failed": .stringConvertible(totals.archivesFailed),
            "validation_errors": .stringConvertible(validation.bySeverity["error"] ?? 0),
            "validation_warnings": .stringConvertible(validation.bySeverity["warning"] ?? 0),
            "publish_seconds": .stringConvertible((secondsSince(publishStarted) * 1000).rounded() / 1000),
            "exit_status": .stringConvertible(Int(status.rawValue)), "status": .string(status.name), "why": .string(explanation),
        ])
        return RunResult(status: status, manifest: manifest)
    }
}

/// Why a run ended as it did, in one sentence for the log's last line.
enum RunExplanation {
    /// `validationFile`: the validation table's file in the dataset (its CSV, or its Parquet file without CSV).
    static func text(status: ExitStatus, totals: Manifest.Totals, validation: Manifest.ValidationTotals, failOn: RunOptions.FailOn, output: String,
                     validationFile: String) -> String {
        func count(_ number: Int, _ noun: String, _ plural: String? = nil) -> String {
            "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
        }
        let errors = validation.bySeverity[Severity.error.rawValue] ?? 0
        let warnings = validation.bySeverity[Severity.warning.rawValue] ?? 0
        func rules(_ severity: Severity) -> String {
            let names = validation.byRule.filter { ($0.value[severity.rawValue] ?? 0) > 0 }.keys.sorted()
            return names.isEmpty ? "" : " (\(names.joined(separator: ", ")))"
        }
        let findings = "\(count(errors, "validation error"))\(rules(.error)), \(count(warnings, "warning"))\(rules(.warning))"
        switch status {
        case .success:
            return "\(count(totals.parsed, "report")) parsed, \(totals.skipped) skipped, nothing quarantined; \(findings)"
        case .validationErrors:
            return "validation findings fail the run under --fail-on \(failOn.rawValue): \(findings); see \(output)/\(validationFile)"
        case .inputQuarantined:
            var parts: [String] = []
            if totals.quarantined > 0 { parts.append("\(count(totals.quarantined, "entry", "entries")) quarantined") }
            if totals.archivesFailed > 0 { parts.append("\(count(totals.archivesFailed, "input")) not read to its end") }
            return parts.joined(separator: ", ") + ": see the reasons in \(output)/manifest.json (entries[].reason, inputs[].error); \(findings)"
        default:
            return status.name
        }
    }
}

func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}

enum ManifestBuilder {
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    static func manifest(
        runId: String, startedAt: Date, program: ProgramInfo, options: RunOptions, configuration loaded: LoadedConfiguration, reference: [Manifest.ReferenceRecord],
        archives: [ArchiveRecord], extraction: ExtractionResult, outputs: [Manifest.OutputRecord],
        totals: Manifest.Totals, status: ExitStatus, writeSeconds: Double, findings: Int, enrichedRows: Int
    ) -> Manifest {
        let configuration = loaded.configuration
        let limits = configuration.limits
        let inputs = archives.map { archive in
            Manifest.InputRecord(
                path: archive.path, bytes: archive.bytes, sha256: archive.sha256, cached: archive.cached,
                status: archive.summary.failure == nil ? "read" : "failed", error: archive.summary.failure,
                format: archive.summary.format, filters: archive.summary.filters, entries: archive.summary.entries,
                expandedBytes: archive.summary.expandedBytes, seconds: rounded(archive.seconds), warnings: archive.summary.warnings)
        }
        let stages = stages(totals: totals, extraction: extraction, findings: findings, enrichedRows: enrichedRows, writeItems: outputs.count,
                            writeSeconds: writeSeconds)
        return Manifest(
            runId: runId, startedAt: timestamp(startedAt), finishedAt: timestamp(Date()), program: program,
            configuration: Manifest.ConfigurationRecord(
                path: loaded.path, sha256: loaded.sha256, maxEntryBytes: limits.maxEntryBytes,
                maxArchiveExpandedBytes: limits.maxArchiveExpandedBytes, maxCompressionRatio: limits.maxCompressionRatio,
                ratioCheckAfterBytes: limits.ratioCheckAfterBytes, maxNestingDepth: limits.maxNestingDepth,
                maxEntriesPerArchive: limits.maxEntriesPerArchive, maxArchiveSeconds: limits.maxArchiveSeconds,
                maxEntryLines: limits.maxEntryLines, queueBytes: configuration.queueBytes,
                pdfExtraction: configuration.pdf.mode, maxPdfPages: configuration.pdf.maxPages,
                maxPdfSeconds: configuration.pdf.maxSeconds, maxPdfMemoryBytes: configuration.pdf.maxMemoryBytes),
            reference: reference,
            options: Manifest.OptionsRecord(inputs: options.inputs, output: options.output, jobs: options.jobs,
                                            formats: [(TableFormats.csv, "csv"), (.parquet, "parquet")].filter { options.formats.contains($0.0) }.map(\.1)),
            // Entries are written to manifest.json from their spool (`DatasetWriter.writeManifest`).
            inputs: inputs, entries: [], stages: stages, outputs: outputs, totals: totals,
            exitStatus: Manifest.ExitRecord(code: status.rawValue, name: status.name))
    }

    /// Extract and write are wall clocks; the rest is time the workers spent on each stage, summed over workers.
    static func stages(totals: Manifest.Totals, extraction: ExtractionResult, findings: Int, enrichedRows: Int, writeItems: Int,
                       writeSeconds: Double) -> [Manifest.StageRecord] {
        let clock = extraction.clock
        var stages = [Manifest.StageRecord(name: "extract", items: totals.entries, seconds: rounded(extraction.extractSeconds), clock: "wall")]
        for stage in TimedStage.allCases {
            // Validate and enrich count what they made (findings, enriched figures), not entries.
            let items = stage == .validate ? findings : stage == .enrich ? enrichedRows : clock.items[stage] ?? 0
            stages.append(Manifest.StageRecord(name: stage.rawValue, items: items, seconds: rounded(clock.seconds[stage] ?? 0), clock: "worker_busy"))
        }
        stages.append(Manifest.StageRecord(name: "write", items: writeItems, seconds: rounded(writeSeconds), clock: "wall"))
        return stages
    }

    static func rounded(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
}
