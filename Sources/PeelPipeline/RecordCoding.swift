import PeelPDF
import PeelReport
import PeelTables
import PeelText
import PeelValidation

/// A compact binary form for what a run keeps on disk between stages and runs (the archive cache, the
/// validation spools). Hand-written rather than Codable + JSONEncoder: encoding every parsed report as JSON
/// cost a third as much as parsing it (measured with perf), and these records never leave peel.
/// Integers are little-endian varints; strings and byte runs are length-prefixed; optionals carry a flag.
struct RecordWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func int(_ value: Int) {
        // Zigzag, so small negative numbers stay short.
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> 63)))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func int(_ value: Int?) {
        bool(value != nil)
        if let value { int(value) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func day(_ value: Day?) {
        bool(value != nil)
        guard let value else { return }
        int(value.year)
        int(value.month)
        int(value.day)
    }

    mutating func string(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func byteRun(_ value: [UInt8]) {
        int(value.count)
        bytes.append(contentsOf: value)
    }

    /// An enum by its raw value: stable across versions of the program as long as the vocabulary is.
    mutating func raw<T: RawRepresentable<String>>(_ value: T) { string(value.rawValue) }

    mutating func raw<T: RawRepresentable<String>>(_ value: T?) { string(value?.rawValue) }
}

/// Reads what `RecordWriter` wrote; any inconsistency is `RecordError` (a cache file from elsewhere, a torn write).
struct RecordReader {
    struct RecordError: Error {}

    private let bytes: [UInt8]
    private(set) var position: Int

    init(_ bytes: [UInt8], from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var atEnd: Bool { position >= bytes.count }

    mutating func byte() throws(RecordError) -> UInt8 {
        guard position < bytes.count else { throw RecordError() }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func int() throws(RecordError) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw RecordError() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1))))
    }

    mutating func optionalInt() throws(RecordError) -> Int? { try bool() ? try int() : nil }

    mutating func bool() throws(RecordError) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw RecordError()
        }
    }

    mutating func double() throws(RecordError) -> Double {
        guard position + 8 <= bytes.count else { throw RecordError() }
        var pattern: UInt64 = 0
        for index in 0..<8 { pattern |= UInt64(bytes[position + index]) << (8 * UInt64(index)) }
        position += 8
        return Double(bitPattern: pattern)
    }

    mutating func string() throws(RecordError) -> String {
        let count = try int()
        guard count >= 0, position + count <= bytes.count else { throw RecordError() }
        defer { position += count }
        return String(decoding: bytes[position..<position + count], as: UTF8.self)
    }

    mutating func optionalString() throws(RecordError) -> String? { try bool() ? try string() : nil }

    mutating func optionalDay() throws(RecordError) -> Day? {
        guard try bool() else { return nil }
        let year = try int(), month = try int(), day = try int()
        guard let found = Day(year: year, month: month, day: day) else { throw RecordError() }
        return found
    }

    mutating func byteRun() throws(RecordError) -> [UInt8] {
        let count = try int()
        guard count >= 0, position + count <= bytes.count else { throw RecordError() }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    mutating func strings() throws(RecordError) -> [String] {
        let count = try int()
        guard count >= 0, count <= bytes.count else { throw RecordError() }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func raw<T: RawRepresentable<String>>(_: T.Type) throws(RecordError) -> T {
        guard let value = T(rawValue: try string()) else { throw RecordError() }
        return value
    }

    mutating func optionalRaw<T: RawRepresentable<String>>(_: T.Type) throws(RecordError) -> T? {
        try bool() ? try raw(T.self) : nil
    }

    /// `count` items read by `item`, with a sanity bound so a corrupt count fails instead of allocating.
    mutating func array<T>(_ item: (inout RecordReader) throws(RecordError) -> T) throws(RecordError) -> [T] {
        let count = try int()
        guard count >= 0, count <= bytes.count - position else { throw RecordError() }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try item(&self)) }
        return values
    }
}

// MARK: - Entry outcomes (the archive cache)

extension EntryOutcome {
    /// The cache record of this outcome (its archive index is not part of it: that depends on the run's inputs).
    func record() -> [UInt8] {
        var out = RecordWriter(capacity: 4096)
        out.int(ordinal)
        out.string(path)
        out.int(bytes)
        out.string(sha256)
        out.raw(status)
        out.string(reason)
        out.strings(warnings)
        out.bool(pdf != nil)
        if let pdf {
            out.string(pdf.extractor)
            out.raw(pdf.mode)
            out.int(pdf.pages)
            out.double(pdf.seconds)
        }
        out.bool(document != nil)
        if let document {
            out.raw(document.encoding)
            out.raw(document.format)
            document.report.write(to: &out)
            out.bool(document.pages != nil)
            if let pages = document.pages {
                out.int(pages.pageStarts.count)
                for start in pages.pageStarts { out.int(start) }
            }
        }
        return out.bytes
    }

    init(record: [UInt8], archiveIndex: Int) throws(RecordReader.RecordError) {
        var input = RecordReader(record)
        self.archiveIndex = archiveIndex
        ordinal = try input.int()
        path = try input.string()
        bytes = try input.int()
        sha256 = try input.optionalString()
        status = try input.raw(EntryStatus.self)
        reason = try input.optionalString()
        warnings = try input.strings()
        if try input.bool() {
            pdf = PDFExtraction(extractor: try input.string(), mode: try input.raw(PDFTextMode.self), pages: try input.int(), seconds: try input.double())
        }
        if try input.bool() {
            let encoding = try input.raw(TextEncoding.self)
            let format = try input.raw(TextFormat.self)
            let report = try Report(from: &input)
            var pages: PageMap?
            if try input.bool() {
                let count = try input.int()
                guard count >= 0 && count <= 1 << 24 else { throw RecordReader.RecordError() }
                pages = PageMap(pageStarts: try (0..<count).map { _ throws(RecordReader.RecordError) in try input.int() })
            }
            document = ParsedDocument(encoding: encoding, format: format, report: report, pages: pages)
        } else {
            document = nil
        }
        guard input.atEnd else { throw RecordReader.RecordError() }
    }
}

extension Report {
    func write(to out: inout RecordWriter) {
        out.raw(reportType)
        out.raw(pillar)
        out.int(year)
        out.string(title)
        out.int(titleLine)
        out.string(published)
        out.string(inspectorate)
        out.string(isbn)
        out.string(forceID)
        out.int(judgments.count)
        for judgment in judgments { judgment.write(to: &out) }
        out.int(gradeDistributions.count)
        for row in gradeDistributions {
            out.raw(row.question)
            out.raw(row.grade)
            out.int(row.forces)
            out.int(row.line)
        }
        out.int(figures.count)
        for figure in figures {
            out.raw(figure.area)
            out.raw(figure.metric)
            out.raw(figure.qualifier)
            out.double(figure.value)
            out.int(figure.decimals)
            out.raw(figure.unit)
            out.day(figure.period.start)
            out.day(figure.period.end)
            out.day(figure.period.asAt)
            out.raw(figure.source)
            out.int(figure.line)
        }
        out.int(findings.count)
        for finding in findings {
            out.raw(finding.question)
            out.raw(finding.kind)
            out.int(finding.ordinal)
            out.string(finding.text)
            out.int(finding.line)
        }
        out.int(problems.count)
        for problem in problems {
            out.raw(problem.severity)
            out.int(problem.line)
            out.string(problem.message)
        }
    }

    init(from input: inout RecordReader) throws(RecordReader.RecordError) {
        self.init(reportType: try input.raw(ReportType.self), pillar: try input.optionalRaw(Pillar.self), year: try input.optionalInt(),
                  title: try input.optionalString(), titleLine: try input.optionalInt())
        published = try input.optionalString()
        inspectorate = try input.optionalString()
        isbn = try input.optionalString()
        forceID = try input.optionalString()
        judgments = try input.array { input throws(RecordReader.RecordError) in try Judgment(from: &input) }
        gradeDistributions = try input.array { input throws(RecordReader.RecordError) in
            GradeDistribution(question: try input.raw(Question.self), grade: try input.raw(Grade.self), forces: try input.int(), line: try input.int())
        }
        figures = try input.array { input throws(RecordReader.RecordError) in
            Figure(area: try input.raw(Area.self), metric: try input.raw(Metric.self), qualifier: try input.optionalRaw(OutcomeType.self), value: try input.double(),
                   decimals: try input.int(), unit: try input.raw(MetricUnit.self),
                   period: Period(start: try input.optionalDay(), end: try input.optionalDay(), asAt: try input.optionalDay()),
                   source: try input.raw(FigureSource.self), line: try input.int())
        }
        findings = try input.array { input throws(RecordReader.RecordError) in
            Finding(question: try input.optionalRaw(Question.self), kind: try input.raw(Finding.Kind.self), ordinal: try input.int(),
                    text: try input.string(), line: try input.int())
        }
        problems = try input.array { input throws(RecordReader.RecordError) in
            ParseProblem(try input.raw(ParseProblem.Severity.self), line: try input.optionalInt(), try input.string())
        }
    }
}

extension Judgment {
    func write(to out: inout RecordWriter) {
        out.string(forceID)
        out.raw(question)
        out.raw(grade)
        out.raw(scale)
        out.int(lastInspected)
        out.int(line)
    }

    init(from input: inout RecordReader) throws(RecordReader.RecordError) {
        self.init(forceID: try input.optionalString(), question: try input.raw(Question.self), grade: try input.raw(Grade.self),
                  scale: try input.raw(GradeScale.self), lastInspected: try input.optionalInt(), line: try input.int())
    }
}

// MARK: - Validation spools

extension ValidationFinding {
    func write(to out: inout RecordWriter) {
        out.string(reportID)
        out.int(year)
        out.raw(rule)
        out.raw(severity)
        out.string(subject)
        out.string(message)
    }

    init(from input: inout RecordReader) throws(RecordReader.RecordError) {
        self.init(reportID: try input.string(), year: try input.optionalInt(), rule: try input.raw(RuleName.self), severity: try input.raw(Severity.self),
                  subject: try input.string(), message: try input.string())
    }
}

extension GradeClaim {
    func write(to out: inout RecordWriter) {
        out.string(reportID)
        out.int(year)
        out.raw(pillar)
        judgment.write(to: &out)
    }

    init(from input: inout RecordReader) throws(RecordReader.RecordError) {
        self.init(reportID: try input.string(), year: try input.optionalInt(), pillar: try input.optionalRaw(Pillar.self),
                  judgment: try Judgment(from: &input))
    }
}

// MARK: - Validation rows kept aside (rendered, waiting for their rule's turn in the table)

extension Value {
    func write(to out: inout RecordWriter) {
        switch self {
        case .null: out.int(0)
        case .text(let text): out.int(1); out.string(text)
        case .integer(let integer): out.int(2); out.int(integer)
        case .number(let number): out.int(3); out.double(number)
        }
    }

    init(from input: inout RecordReader) throws(RecordReader.RecordError) {
        switch try input.int() {
        case 0: self = .null
        case 1: self = .text(try input.string())
        case 2: self = .integer(try input.int())
        case 3: self = .number(try input.double())
        default: throw RecordReader.RecordError()
        }
    }
}

extension RowBatch {
    /// Its rows as rendered (and their values, when kept for Parquet), without its statistics: whoever spools a batch
    /// merges those itself.
    func write(to out: inout RecordWriter) {
        out.int(rows)
        out.byteRun(flat)
        out.int(partitions.count)
        for partition in partitions {
            partition.key.write(to: &out)
            out.byteRun(partition.partitioned)
            out.int(partition.rows)
        }
        out.bool(values != nil)
        if let values {
            out.int(values.count)
            for row in values {
                out.int(row.count)
                for value in row { value.write(to: &out) }
            }
        }
    }

    init(from input: inout RecordReader, schema: TableSchema, formats: TableFormats) throws(RecordReader.RecordError) {
        let rows = try input.int()
        let flat = try input.byteRun()
        let partitions = try input.array { input throws(RecordReader.RecordError) in
            RowBatch.Partition(key: try Value(from: &input), partitioned: try input.byteRun(), rows: try input.int())
        }
        let values = try input.bool() ? try input.array { input throws(RecordReader.RecordError) in
            try input.array { input throws(RecordReader.RecordError) in try Value(from: &input) }
        } : nil
        self.init(schema: schema, formats: formats, flat: flat, partitions: partitions, rows: rows, values: values)
    }
}
