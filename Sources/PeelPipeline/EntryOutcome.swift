import Foundation
import PeelArchive
import PeelPDF
import PeelReport
import PeelTables
import PeelText
import PeelValidation

/// What became of one entry.
public enum EntryStatus: String, Sendable, Codable {
    case parsed, skipped, quarantined
}

/// A text entry's decoded form and the report read from it.
struct ParsedDocument: Sendable {
    let encoding: TextEncoding
    let format: TextFormat
    let report: Report
    /// For text extracted from a PDF: the page each line is printed on.
    var pages: PageMap? = nil
}

/// One entry after decode and parse: the unit the workers hand to the ordered collector.
struct EntryOutcome: Sendable {
    var archiveIndex: Int
    let ordinal: Int
    let path: String
    let bytes: Int
    var sha256: String?
    var status: EntryStatus
    var reason: String?
    var warnings: [String]
    var document: ParsedDocument?
    /// How a PDF entry's text was made.
    var pdf: PDFExtraction? = nil
    /// Quarantined for a reason that may pass (`PDFFailure.mayPass`): its archive's results are not cached.
    var mayPass = false
    /// Its PDF's pdftotext was ended by a stop signal from outside peel: a sign that the run itself may be stopping.
    var stoppedFromOutside = false
}

extension EntryOutcome {
    /// This outcome with its path's first part, the input file's name, made `fileName` (an archive found inside such
    /// a file keeps its entries' paths after the separator).
    func named(afterFile fileName: String) -> EntryOutcome {
        let inside = path.range(of: nestedEntrySeparator).map { path[$0.lowerBound...] } ?? ""
        return EntryOutcome(archiveIndex: archiveIndex, ordinal: ordinal, path: fileName + inside, bytes: bytes, sha256: sha256, status: status,
                            reason: reason, warnings: warnings, document: document, pdf: pdf, mayPass: mayPass,
                            stoppedFromOutside: stoppedFromOutside)
    }
}

/// Stages 2 and 3 for one entry: identify (sha256), decode, classify. Pure apart from timing and a PDF's child process.
enum EntryProcessing {
    /// An entry nothing is made from: skipped or quarantined, with the reason (the reader's, or a withdrawal's).
    static func rejected(_ entry: ExtractedEntry, archiveIndex: Int, _ rejection: EntryRejection) -> EntryOutcome {
        EntryOutcome(
            archiveIndex: archiveIndex, ordinal: entry.ordinal, path: entry.path, bytes: entry.bytesRead, sha256: nil,
            status: rejection.disposition == .skipped ? .skipped : .quarantined, reason: rejection.reason, warnings: entry.warnings, document: nil)
    }

    static func process(
        _ entry: ExtractedEntry, archiveIndex: Int, parser: ReportParser, pdf: PDFTextExtractor, maxLines: Int,
        clock: inout StageClock
    ) -> EntryOutcome {
        var outcome = EntryOutcome(
            archiveIndex: archiveIndex, ordinal: entry.ordinal, path: entry.path, bytes: entry.bytesRead,
            sha256: nil, status: .quarantined, reason: nil, warnings: entry.warnings, document: nil)
        var bytes: [UInt8]
        switch entry.content {
        case .failure(let rejection):
            return rejected(entry, archiveIndex: archiveIndex, rejection)
        case .success(let content):
            bytes = content
        }
        outcome.sha256 = clock.time(.identify) { sha256Hex(bytes) }
        if bytes.isEmpty {
            outcome.status = .skipped
            outcome.reason = "empty entry (0 bytes)"
            return outcome
        }
        if PDFTextExtractor.isPDF(bytes) {
            // The report's identity stays the PDF's checksum; from here on its text goes the way of any text entry.
            switch clock.time(.convert, { pdf.extract(bytes) }) {
            case .failure(let failure):
                outcome.reason = failure.reason
                outcome.mayPass = failure.mayPass
                outcome.stoppedFromOutside = failure.stoppedFromOutside
                return outcome
            case .success(let extracted):
                bytes = extracted.text
                outcome.pdf = extracted.extraction
                outcome.warnings += extracted.warnings
            }
        }
        // Only an entry of more bytes than the limit can hold more lines than it. Counted before decoding where it is
        // 8-bit text (so the lines are never made), and after in every case: UTF-16's lines are not its bytes', and an
        // HTML page's tags make lines of their own.
        let tooManyLines = "more than \(maxLines) lines (max_entry_lines)"
        if bytes.count > maxLines, TextDecoder.isEightBit(bytes), TextDecoder.lineCount(bytes) > maxLines {
            outcome.reason = tooManyLines
            return outcome
        }
        let decoded = clock.time(.decode) { () -> Result<DecodedText, NotText> in
            do throws(NotText) { return .success(try TextDecoder.decode(bytes)) } catch { return .failure(error) }
        }
        var text: DecodedText
        switch decoded {
        case .failure(let notText):
            outcome.reason = notText.reason
            return outcome
        case .success(let value):
            text = value
        }
        let shown = clock.time(.decode) { HTMLText.textIfHTML(text) }
        let isHTML = shown != nil
        if let shown { text = shown }
        if text.lines.count > maxLines {
            outcome.reason = tooManyLines
            return outcome
        }
        let (report, format) = clock.time(.parse) { (parser.parse(text), isHTML ? .html : TextFormat.detect(text)) }
        outcome.document = ParsedDocument(encoding: text.encoding, format: format, report: report, pages: outcome.pdf.map { _ in PageMap(text) })
        if report.reportType == .other {
            if outcome.pdf == nil && entry.path.lowercased().hasSuffix(".pdf") {
                // Bytes decide what an entry is; the name only says what was expected. A ".pdf" holding text that
                // is no report is most often an error page saved in the PDF's place: a lost report, not a stray file.
                outcome.status = .quarantined
                outcome.document = nil
                let kind = isHTML ? "an HTML page (its text starts" : "text (it starts"
                outcome.reason = "named .pdf but not a PDF: its bytes are \(kind) \(firstWords(of: text))), not a PEEL report; an error page saved in the report's place?"
                return outcome
            }
            outcome.status = .skipped
            outcome.reason = "not a PEEL report: no \"PEEL: Police <pillar> <year>\" title with an inspection or overview subtitle on its first page"
        } else {
            outcome.status = .parsed
            // A PEEL report in a layout the parser does not know is recorded, with the reason, never guessed at.
            outcome.reason = report.problems.first { $0.message.hasPrefix("unsupported layout") }?.message
        }
        return outcome
    }

    /// The text's first non-blank line, shortened and quoted: what a person would see opening it.
    private static func firstWords(of text: DecodedText) -> String {
        let line = text.lines.lazy.map { text.string($0).trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty } ?? ""
        let printable = String(line.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
        return "\"" + (printable.count > 60 ? printable.prefix(60) + "…" : printable) + "\""
    }

    /// Stages 4 and 5 for one entry, and its rows: everything a worker can do so that committing it is appending.
    static func finish(_ outcome: EntryOutcome, record: [UInt8]?, archivePath: String, reference: ReferenceData,
                       settings: ValidationSettings, keepRecord: Bool, formats: TableFormats = .csv, clock: inout StageClock) -> EntryResult {
        // The cache record only when there is a cache to write it to (a build with uncommitted changes has none).
        let record = record ?? (keepRecord ? outcome.record() : [])
        let entry = DatasetWriter.entryRecord(outcome, archivePath: archivePath)
        let entryJSON = Manifest.encodedEntry(entry)
        guard let document = outcome.document, let id = outcome.sha256 else {
            return EntryResult(outcome: outcome, record: record, batches: [], parquet: [], findings: [], englandWales: nil, entry: entry,
                               entryJSON: entryJSON)
        }
        let item = IdentifiedReport(id: id, report: document.report)
        let (findings, englandWales) = clock.time(.validate) {
            (Validator.checkReport(item, denominators: reference.denominators, settings: settings), EnglandWalesConsistency.figures(item))
        }
        let (batches, parquet) = clock.time(.enrich) {
            var batches = ReportTables.batches(document, id: id, outcome: outcome, archivePath: archivePath, denominators: reference.denominators,
                                               formats: formats)
            guard formats.contains(.parquet) else { return (batches, [ParquetBatch]()) }
            // Encoded here, in parallel, so that the ordered commit only copies Parquet bytes as it copies CSV bytes.
            let parquet = batches.map(ParquetBatch.init)
            for index in batches.indices where !parquet[index].needsValues { batches[index].dropValues() }
            return (batches, parquet)
        }
        return EntryResult(outcome: outcome, record: record, batches: batches, parquet: parquet, findings: findings, englandWales: englandWales,
                           entry: entry, entryJSON: entryJSON)
    }
}
