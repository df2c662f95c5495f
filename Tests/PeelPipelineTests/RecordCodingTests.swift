import Foundation
@testable import PeelArchive
import PeelPDF
@testable import PeelPipeline
import PeelReport
import PeelTables
import PeelTestSupport
import Testing

private let registry = try! ForceRegistry(csv: String(decoding: readBytes(Fixtures.packageRoot + "/Pipeline/forces.csv"), as: UTF8.self))

/// max_entry_lines (a small limit here): the lines an entry's text has as the parser would see them, whatever the
/// encoding, counted from the bytes before decoding only where that is exact, and never taking the place of a sharper
/// reason (a review found HTML's `<br>` lines uncounted and UTF-16's bytes counted as lines).
@Suite("The line limit")
struct LineLimitTests {
    private func reason(_ bytes: [UInt8], name: String = "entry.txt", limit: Int = 1000) -> String? {
        let entry = ExtractedEntry(path: name, ordinal: 0, content: .success(bytes), bytesRead: bytes.count, warnings: [])
        var clock = StageClock()
        let pdf = PDFTextExtractor(settings: PDFSettings(), maxTextBytes: 32 << 20)
        return EntryProcessing.process(entry, archiveIndex: 0, parser: ReportParser(forces: registry), pdf: pdf, maxLines: limit, clock: &clock).reason
    }

    private func utf16LE(_ text: String) -> [UInt8] { [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
    private func utf16BE(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }

    @Test("over the limit in any encoding or markup it is quarantined; at it, or with bytes that only look like line ends, it is read")
    func lines() {
        let over = "more than 1000 lines (max_entry_lines)"
        #expect(reason(Array(String(repeating: "x\n", count: 1001).utf8)) == over)
        #expect(reason(Array(String(repeating: "x\r", count: 1001).utf8)) == over)
        #expect(reason(Array(String(repeating: "x\r\n", count: 1001).utf8)) == over)
        #expect(reason(Array(String(repeating: "x\n", count: 1000).utf8)) != over)
        #expect(reason(utf16LE(String(repeating: "x\r\n", count: 1001))) == over)
        #expect(reason(utf16BE(String(repeating: "x\n", count: 1001))) == over)
        // UTF-16's CR LF is four bytes and "č" holds a 0x0D byte: lines, not bytes, are counted.
        #expect(reason(utf16LE(String(repeating: "x\r\n", count: 900))) != over)
        #expect(reason(utf16LE(String(repeating: "čččč\n", count: 900))) != over)
        // A page's lines made by its tags, with no line end in its bytes.
        let page = "<html><body><p>" + String(repeating: "x<br>", count: 1001) + "</p></body></html>"
        #expect(reason(Array(page.utf8), name: "page.html") == over)
        // Binary data is refused as such, whatever line feeds it holds.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + Array(repeating: 0x0A, count: 2000)
        #expect(reason(png)?.hasPrefix("not text: PNG") == true, "\(reason(png) ?? "nil")")
    }
}

@Suite("Cache records")
struct RecordCodingTests {
    @Test("every sample's outcome comes back from its record exactly, and re-encodes to the same bytes")
    func roundTrip() throws {
        let parser = ReportParser(forces: registry)
        let pdf = PDFTextExtractor(settings: PDFSettings(), maxTextBytes: 32 << 20)
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: Fixtures.extractionsFolder).filter { $0.hasSuffix(".pdf") }.sorted()
        let inputs = Fixtures.sampleNames.map { ($0, Fixtures.sample($0)) } + pdfs.map { ($0, readBytes(Fixtures.extractionsFolder + "/" + $0)) }
        for (ordinal, (name, bytes)) in inputs.enumerated() {
            let entry = ExtractedEntry(path: "dir/\(name)", ordinal: ordinal, content: .success(bytes), bytesRead: bytes.count, warnings: ["a warning"])
            var clock = StageClock()
            let outcome = EntryProcessing.process(entry, archiveIndex: 3, parser: parser, pdf: pdf, maxLines: 1_000_000, clock: &clock)
            // A PDF's extraction and page map go into its record; a text entry has neither.
            #expect((outcome.pdf != nil) == name.hasSuffix(".pdf") && (outcome.document?.pages != nil) == name.hasSuffix(".pdf"), "\(name)")
            let record = outcome.record()
            let back = try EntryOutcome(record: record, archiveIndex: 3)
            #expect(back.document?.report == outcome.document?.report, "\(name)")
            if back.document?.report.reportType == .force {
                #expect(back.document?.report.figures.isEmpty == false, "\(name) has figures, so the test covers them")
            }
            #expect(back.document?.encoding == outcome.document?.encoding)
            #expect((back.ordinal, back.path, back.bytes, back.sha256, back.status, back.reason)
                == (outcome.ordinal, outcome.path, outcome.bytes, outcome.sha256, outcome.status, outcome.reason))
            #expect(back.warnings == outcome.warnings)
            #expect(back.pdf == outcome.pdf && back.document?.pages == outcome.document?.pages)
            #expect(back.record() == record)
            // A torn record is an error, never a report with parts missing.
            #expect(throws: RecordReader.RecordError.self) { try EntryOutcome(record: Array(record.dropLast(7)), archiveIndex: 3) }
        }
    }

    @Test("integers and strings are written in the bytes earlier runs' caches hold (zigzag varints, length-prefixed UTF-8)")
    func bytesAsCached() {
        var out = RecordWriter()
        out.int(0); out.int(-1); out.int(63); out.int(-64); out.int(64); out.int(300); out.int(Int.min); out.int(Int.max)
        out.string("é,"); out.string(String(repeating: "a", count: 70))
        let expected: [UInt8] = [0x00, 0x01, 0x7E, 0x7F, 0x80, 0x01, 0xD8, 0x04]
            + Array(repeating: 0xFF, count: 9) + [0x01]
            + [0xFE] + Array(repeating: 0xFF, count: 8) + [0x01]
            + [0x06, 0xC3, 0xA9, 0x2C] + [0x8C, 0x01] + Array(repeating: 0x61, count: 70)
        #expect(out.bytes == expected)
    }

    @Test("integers of every size, negative ones, optionals and days keep their value")
    func integers() throws {
        var out = RecordWriter()
        let values = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int(Int32.max), Int.max, Int.min]
        for value in values { out.int(value) }
        out.int(nil as Int?)
        out.int(42 as Int?)
        out.double(-0.05)
        out.day(Day(iso: "2016-02-29"))
        out.day(nil)
        var input = RecordReader(out.bytes)
        for value in values { #expect(try input.int() == value) }
        #expect(try input.optionalInt() == nil)
        #expect(try input.optionalInt() == 42)
        #expect(try input.double() == -0.05)
        #expect(try input.optionalDay()?.description == "2016-02-29")
        #expect(try input.optionalDay() == nil)
        #expect(input.atEnd)
        // A day that does not exist is a broken record, not a date.
        var wrong = RecordWriter()
        wrong.bool(true)
        for part in [2015, 2, 29] { wrong.int(part) }
        var broken = RecordReader(wrong.bytes)
        #expect(throws: RecordReader.RecordError.self) { try broken.optionalDay() }
    }

    @Test("a spooled batch of rows comes back with the same bytes, partitions and values, in every format; a torn one is an error",
          arguments: [TableFormats.csv, .parquet, [.csv, .parquet]])
    func spooledBatch(formats: TableFormats) throws {
        // A table with a partition column in the middle, and cells of every kind: quotes, commas, line breaks,
        // non-ASCII text, empty text (null in the file, a distinct value), integers, numbers, nulls.
        let schema = TableSchema(name: "t", fields: [
            Field("text", .string, "a text"), Field("year", .integer, "the partition"), Field("number", .number, "a number"),
        ], partitionField: "year")
        var batch = RowBatch(schema: schema, formats: formats)
        let texts = ["plain", "a \"quoted\", comma", "two\nlines", "Ynys Môn ½", "", "x"]
        for index in 0..<300 {
            batch.row { row in
                row.text(index % 7 == 6 ? nil : texts[index % texts.count])
                row.integer(index % 5 == 4 ? nil : 2014 + index % 3)
                row.number(index % 11 == 0 ? nil : Double(index) * -0.37)
            }
        }
        var out = RecordWriter()
        batch.write(to: &out)
        var input = RecordReader(out.bytes)
        let back = try RowBatch(from: &input, schema: schema, formats: formats)
        #expect(input.atEnd)
        #expect(back.rows == batch.rows)
        #expect(back.flat == batch.flat)
        #expect(back.partitions.map(\.key) == batch.partitions.map(\.key))
        #expect(back.partitions.map(\.partitioned) == batch.partitions.map(\.partitioned))
        #expect(back.partitions.map(\.rows) == batch.partitions.map(\.rows))
        #expect(back.values == batch.values)
        #expect(batch.partitions.count == 4 && (formats.contains(.parquet) ? batch.values?.count == 300 : batch.values == nil))
        var torn = RecordReader(Array(out.bytes.dropLast()))
        #expect(throws: RecordReader.RecordError.self) { try RowBatch(from: &torn, schema: schema, formats: formats) }
    }

    @Test("records framed in a file come back in order, across read blocks; a torn file is an error")
    func recordFile() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Records larger than the 1 MiB read block and many small ones.
        let records: [[UInt8]] = [Array(repeating: 7, count: 1_500_000), [], [1, 2, 3]] + (0..<5_000).map { [UInt8(truncatingIfNeeded: $0), 9] }
        let file = try StagedFile(root: folder, path: "r.records", checksummed: false)
        for record in records { try file.writeRecord(record) }
        try file.closeScratch()
        var back: [[UInt8]] = []
        try RecordFile.forEach(inFileAt: folder + "/r.records") { back.append($0) }
        #expect(back == records)
        try writeBytes(Array(readBytes(folder + "/r.records").dropLast()), to: folder + "/torn.records")
        #expect(throws: SystemCallError.self) { try RecordFile.forEach(inFileAt: folder + "/torn.records") { _ in } }
    }
}

@Suite("Manifest entries written by hand")
struct EncodedEntryTests {
    @Test("every kind of entry record gives exactly JSONEncoder's bytes")
    func sameAsEncoder() {
        var generator = seededGenerator("manifest entry encoding", standard: 20_261_205)
        let alphabet: [String] = (0..<128).map { String(Character(Unicode.Scalar(UInt8($0)))) } + ["é", "€", "😀", "\u{2028}", "\u{FEFF}", "!/", "\\\\", "\"\""]
        func text() -> String {
            String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined())
        }
        func maybe<T>(_ make: () -> T) -> T? { Bool.random(using: &generator) ? make() : nil }
        let encoder = Manifest.encoder()
        for _ in 0..<3_000 {
            let entry = Manifest.EntryRecord(
                archive: text(), path: text(), ordinal: Int.random(in: 0...1_000_000, using: &generator),
                bytes: Int.random(in: 0...Int(Int32.max), using: &generator), sha256: maybe(text),
                status: [EntryStatus.parsed, .skipped, .quarantined].randomElement(using: &generator)!, reason: maybe(text),
                reportType: maybe(text), warnings: maybe { (0..<Int.random(in: 0...3, using: &generator)).map { _ in text() } },
                problems: maybe { (0..<Int.random(in: 0...3, using: &generator)).map { _ in text() } },
                pdf: maybe {
                    PDFExtraction(extractor: text(), mode: Bool.random(using: &generator) ? .layout : .readingOrder,
                                  pages: Int.random(in: 0...5000, using: &generator),
                                  seconds: [0, 1, 0.1, 12.345, 7200.5, Double.random(in: 0...100, using: &generator)].randomElement(using: &generator)!)
                })
            let byHand = Manifest.encodedEntry(entry)
            let reference = Manifest.encodedEntry(entry, with: encoder)
            #expect(byHand == reference, "\(String(decoding: byHand, as: UTF8.self)) vs \(String(decoding: reference, as: UTF8.self))")
            if byHand != reference { break }
        }
    }

    @Test("a manifest number that JSON cannot hold (NaN, infinity) is written as text, never a crash")
    func nonFiniteNumbers() throws {
        let stage = Manifest.StageRecord(name: "extract", items: 0, seconds: .nan, clock: "wall")
        let json = String(decoding: try Manifest.encoder().encode(stage), as: UTF8.self)
        #expect(json.contains("\"seconds\" : \"NaN\""), "\(json)")
        #expect(PDFExtraction(extractor: "pdftotext", mode: .layout, pages: 1, seconds: .infinity).seconds == 0)
    }

    @Test("skipped and quarantined entries are counted by reason, most frequent first, with a bound on distinct reasons")
    func reasonCounts() {
        var counts = ReasonCounts()
        for _ in 0..<3 { counts.count(status: .skipped, reason: "not a PEEL report") }
        counts.count(status: .quarantined, reason: "not text: PNG image signature")
        counts.count(status: .skipped, reason: "empty entry (0 bytes)")
        #expect(counts.sorted.map { "\($0.entries) \($0.status.rawValue) \($0.reason)" } == [
            "3 skipped not a PEEL report", "1 quarantined not text: PNG image signature", "1 skipped empty entry (0 bytes)",
        ])
        for index in 0..<150 { counts.count(status: .skipped, reason: "duplicate of a.zip entry \(index).txt (same sha256)") }
        #expect(counts.sorted.count == 101)
        #expect(counts.sorted.last?.reason.hasPrefix("(other reasons") == true && counts.sorted.last?.entries == 53)
        #expect(counts.sorted.reduce(0) { $0 + $1.entries } == 155)
    }
}
