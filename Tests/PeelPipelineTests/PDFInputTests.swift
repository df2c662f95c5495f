import Foundation
import Logging
import PeelPipeline
import PeelTestSupport
import Testing

private let quiet = Logger(label: "peel-test") { _ in SwiftLogNoOpLogHandler() }

private func run(_ inputs: [String], output: String, configuration: String, jobs: Int = 2) throws -> RunResult {
    try PipelineRun.execute(RunOptions(inputs: inputs, output: output, jobs: jobs, configurationPath: configuration), logger: quiet)
}

/// A configuration in `folder`: the shipped one with `pdf` settings replaced, and the reference tables beside it.
private func configuration(in folder: String, pdf: String? = nil) throws -> String {
    try copyPipelineFiles(to: folder)
    guard let pdf else { return folder + "/pipeline.json" }
    var object = try JSONSerialization.jsonObject(with: Data(readBytes(folder + "/pipeline.json"))) as! [String: Any]
    object["pdf"] = try JSONSerialization.jsonObject(with: Data(pdf.utf8))
    try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: folder + "/pdf.json"))
    return folder + "/pdf.json"
}

/// The values a dataset holds, keyed by what they are (not by report id or line, which differ between a text and a
/// PDF of the same report): "table | report | key" → value.
private func values(in dataset: String) -> [String: String] {
    var reports: [String: String] = [:]
    for row in readCSV(dataset + "/reports.csv") {
        reports[row["report_id"]!] = "\(row["report_type"]!) \(row["year"]!) \(row["force_id"]!)"
    }
    var values: [String: String] = [:]
    func add(_ table: String, _ row: [String: String], key: [String], value: String) {
        let name = "\(table) | \(reports[row["report_id"]!]!) | " + key.map { row[$0]! }.joined(separator: " ")
        // A key seen twice keeps both values, so that a duplicate can never hide a difference.
        values[name] = values[name].map { $0 + " / " + row[value]! } ?? row[value]!
    }
    for row in readCSV(dataset + "/judgments.csv") { add("judgments", row, key: ["force_id", "question"], value: "grade") }
    for row in readCSV(dataset + "/grade_distributions.csv") { add("grade_distributions", row, key: ["question", "grade"], value: "forces") }
    for row in readCSV(dataset + "/figures.csv") {
        add("figures", row, key: ["area", "metric", "qualifier", "period_start", "period_end", "as_at", "source"], value: "value")
    }
    for row in readCSV(dataset + "/findings.csv") { add("findings", row, key: ["question", "kind", "ordinal"], value: "text") }
    return values
}

@Suite("PDF input")
struct PDFInputTests {
    @Test("pdftohtml's HTML of the sample PDFs gives the samples' values, each row naming the line of the HTML it stands on")
    func samplesAsHTML() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try configuration(in: folder)
        try shell("mkdir html && cp '\(Fixtures.extractionsFolder)'/*.pdftohtml.html html/", in: folder)
        let fromHTML = try run([folder + "/html"], output: folder + "/html-out", configuration: config)
        let fromText = try run([Fixtures.samplesFolder], output: folder + "/text", configuration: config)
        #expect(fromHTML.manifest.entries.count == 5)
        #expect(fromHTML.manifest.entries.allSatisfy { $0.status == .parsed })
        #expect(readCSV(folder + "/html-out/reports.csv").map { $0["text_format"]! } == Array(repeating: "html", count: 5))

        let expected = values(in: folder + "/text"), got = values(in: folder + "/html-out")
        let differ = expected.filter { got[$0.key] != nil && got[$0.key] != $0.value }
        #expect(expected.count > 450)
        #expect(differ.isEmpty, "\(differ.prefix(5).map { "\($0.key): \($0.value) ≠ \(got[$0.key]!)" })")
        #expect(expected.allSatisfy { got[$0.key] == $0.value }, "\(expected.filter { got[$0.key] == nil }.prefix(5))")

        // Each figure names the line of the HTML file its value is printed on (as pdftohtml writes it: "31.9", "1,161"), or
        // for a table's row, where its label is: pdftohtml sets each cell apart, the row's values on the lines after it.
        var files: [String: [Substring]] = [:]
        let entries = Dictionary(uniqueKeysWithValues: readCSV(folder + "/html-out/reports.csv").map { ($0["report_id"]!, $0["source_entry"]!) })
        let figures = readCSV(folder + "/html-out/figures.csv")
        for row in figures {
            let entry = entries[row["report_id"]!]!
            let lines = try files[entry] ?? String(decoding: readBytes(folder + "/html/" + entry), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            files[entry] = lines
            let number = Int(row["source_line"]!)!
            let line = lines[(number - 1)..<min(lines.count, number + 8)].joined(separator: "\n").replacingOccurrences(of: ",", with: "")
            let value = abs(Double(row["value"]!)!)  // a fall "by 17 percent" is -17
            let printed = [String(format: "%.0f", value), String(format: "%.1f", value), String(format: "%.2f", value)]
            #expect(printed.contains { line.contains($0) }, "\(entry) line \(row["source_line"]!): \(row["value"]!) not in \(line.prefix(160))")
        }
        #expect(figures.count > 150)
    }

    @Test("the sample PDFs in a zip give the samples' values, each row with the page it is printed on")
    func samplesAsPDF() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try configuration(in: folder)
        try shell("mkdir pdfs && cp '\(Fixtures.extractionsFolder)'/*.pdf pdfs/ && cd pdfs && zip -q ../reports.zip *.pdf", in: folder)
        let fromPDF = try run([folder + "/reports.zip"], output: folder + "/pdf", configuration: config)
        let fromText = try run([Fixtures.samplesFolder], output: folder + "/text", configuration: config)
        #expect(fromText.manifest.entries.map { $0.pdf } == [nil, nil, nil, nil, nil])
        #expect(fromPDF.manifest.entries.count == 5)
        #expect(fromPDF.manifest.entries.allSatisfy { $0.status == .parsed && $0.pdf?.mode == .layout && $0.pdf?.extractor.hasPrefix("pdftotext ") == true })
        for entry in fromPDF.manifest.entries {
            let info = try shell("pdfinfo '\(Fixtures.extractionsFolder)/\(entry.path)'", in: folder)
            let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) }
            #expect(entry.pdf?.pages == pages, "\(entry.path)")
        }

        let expected = values(in: folder + "/text"), got = values(in: folder + "/pdf")
        let same = expected.filter { got[$0.key] == $0.value }.count
        let differ = expected.filter { got[$0.key] != nil && got[$0.key] != $0.value }
        print("sample PDFs: \(same) of \(expected.count) values the same, \(differ.count) differ, \(got.count - same - differ.count) more")
        #expect(expected.count > 450)
        #expect(differ.isEmpty, "\(differ.prefix(5).map { "\($0.key): \($0.value) ≠ \(got[$0.key]!)" })")
        #expect(Double(same) >= 0.99 * Double(expected.count))

        // The reports as texts and as PDFs in one run: each force report is read twice (its bytes differ, so it is no
        // sha256 duplicate), and force_reports_agree names each second reading, its grades the same as the first's.
        _ = try run([Fixtures.samplesFolder, folder + "/reports.zip"], output: folder + "/both", configuration: config)
        let twice = readCSV(folder + "/both/validation.csv").filter { $0["rule"] == "force_reports_agree" }
        #expect(twice.map { $0["severity"]! } == ["info", "info", "info", "info"])
        // Whichever input is read first, each finding is on one reading and names the other.
        let pdfIDs = Set(fromPDF.manifest.entries.filter { $0.reportType == "force" }.compactMap(\.sha256))
        let textIDs = Set(fromText.manifest.entries.filter { $0.reportType == "force" }.compactMap(\.sha256))
        let named = Set(twice.map { $0["report_id"]! })
        #expect(pdfIDs.count == 4 && (named == pdfIDs || named == textIDs))
        let firsts = named == pdfIDs ? textIDs : pdfIDs
        #expect(twice.allSatisfy { row in firsts.contains { row["message"]!.contains("from force report \($0.prefix(12)), its") } }, "\(twice)")

        // Pages checked by hand against the PDFs (pdftotext -f N -l N).
        func page(_ table: String, _ match: [String: String]) -> [String] {
            readCSV(folder + "/pdf/\(table).csv").filter { row in match.allSatisfy { row[$0.key] == $0.value } }.map { $0["source_page"]! }
        }
        #expect(page("judgments", ["force_id": "gwent", "question": "overall", "year": "2017"]) == ["4"])
        #expect(page("figures", ["force_id": "gwent", "area": "force", "metric": "custody_place_of_safety_per_100000"]) == ["7"])
        #expect(page("enriched_figures", ["force_id": "gwent", "metric": "custody_place_of_safety_per_100000"]) == ["7"])
        #expect(page("findings", ["force_id": "gwent", "question": "protecting_vulnerable", "ordinal": "1"]) == ["9"])
        #expect(page("findings", ["force_id": "wiltshire", "question": "preventing_crime", "ordinal": "1"]) == ["14"])
        #expect(page("grade_distributions", ["question": "preventing_crime", "grade": "outstanding"]) == ["4"])
        // Durham's row of the national all-force table, and Durham's own overall grade nowhere else.
        #expect(page("judgments", ["force_id": "durham", "question": "overall"]) == ["68"])
        // Every row read from a PDF names a page; none read from text does.
        for table in ["judgments", "grade_distributions", "figures", "findings", "enriched_figures"] {
            #expect(readCSV(folder + "/pdf/\(table).csv").allSatisfy { Int($0["source_page"]!) != nil }, "\(table)")
            #expect(readCSV(folder + "/text/\(table).csv").allSatisfy { $0["source_page"] == "" }, "\(table)")
        }
        let package = String(decoding: readBytes(folder + "/pdf/datapackage.json"), as: UTF8.self)
        #expect(package.components(separatedBy: "\"source_page\"").count - 1 == 5)
    }

    @Test("good PDFs and text beside broken, hostile and Office files: no good report lost, each bad one says why, within the limits")
    func mixed() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Limits a test can wait for: the 3000-page PDF takes pdftotext about 4 s, the memory bomb half a minute.
        let config = try configuration(in: folder, pdf: #"{"max_pdf_pages": 5000, "max_pdf_seconds": 2, "max_pdf_memory_bytes": 134217728}"#)
        let documents = Fixtures.documentsFolder, extractions = Fixtures.extractionsFolder
        try shell("""
            mkdir in && cd in
            cp '\(extractions)/peel-effectiveness-2017-gwent.pdf' '\(extractions)/peel-effectiveness-2015-wiltshire.pdf' .
            cp '\(Fixtures.samplesFolder)/peel-effectiveness-2015-dyfed-powys.txt' .
            cp '\(documents)'/* .
            mv 3000-pages.pdf hangs.pdf
            printf '<!DOCTYPE html>\\n<html><body><h1>404 Not Found</h1></body></html>\\n' > moved.pdf
            zip -q ../mixed.zip *
            """, in: folder)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let started = Date()
        let result = try run([folder + "/mixed.zip"], output: folder + "/out", configuration: config)
        let seconds = Date().timeIntervalSince(started)
        let outcome = Dictionary(uniqueKeysWithValues: result.manifest.entries.map { ($0.path, ($0.status, $0.reason ?? "")) })
        let expected: [String: (EntryStatus, String)] = [
            "peel-effectiveness-2017-gwent.pdf": (.parsed, ""),
            "peel-effectiveness-2015-wiltshire.pdf": (.parsed, ""),
            "peel-effectiveness-2015-dyfed-powys.txt": (.parsed, ""),
            "empty-user-password.pdf": (.parsed, ""),
            "password-protected.pdf": (.quarantined, "encrypted PDF: it needs a password to open"),
            "scanned.pdf": (.quarantined, "no text layer: its 2 pages hold no text (a scanned document needs OCR first)"),
            "truncated.pdf": (.quarantined, "pdftotext could not read the PDF (exit status 1): Syntax Error"),
            "hangs.pdf": (.quarantined, "pdftotext took longer than 2 s (max_pdf_seconds) and was stopped"),
            "memory-bomb.pdf": (.quarantined, "pdftotext needed more than 134217728 bytes of memory (max_pdf_memory_bytes)"),
            "moved.pdf": (.quarantined, "named .pdf but not a PDF: its bytes are an HTML page (its text starts \"404 Not Found\"), not a PEEL report"),
            "report.docx": (.skipped, "Office document (docx), not read"),
            "report.odt": (.skipped, "Office document (odt), not read"),
        ]
        #expect(Set(outcome.keys) == Set(expected.keys))
        for (path, (status, reason)) in expected {
            #expect(outcome[path]?.0 == status, "\(path): \(outcome[path].map { "\($0)" } ?? "missing")")
            // On a loaded machine the memory bomb may reach the wall-clock limit before the memory limit: either
            // stops it (PeelPDFTests holds each limit to its own reason).
            let accepted = path == "memory-bomb.pdf" ? [reason, "pdftotext took longer than 2 s (max_pdf_seconds)"] : [reason]
            #expect(accepted.contains { outcome[path]?.1.hasPrefix($0) == true }, "\(path): \(outcome[path]?.1 ?? "")")
        }
        #expect(seconds < 60, "ended within the limits: \(seconds) s")
        // The good ones come out as they do alone.
        let reports = readCSV(folder + "/out/reports.csv")
        #expect(Set(reports.map { "\($0["force_id"]!) \($0["year"]!)" }) == ["gwent 2017", "wiltshire 2015", "dyfed-powys 2015", "west-mercia 2017"])
        // Nothing outside the output folder (and its lock beside it): no core file, no temporary file.
        let after = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(after == (before + ["out", ".out.lock"]).sorted(), "\(after) after, \(before) before")
        let written = Set(result.manifest.outputs.map { $0.path.split(separator: "/").first.map(String.init)! })
        let inside = try FileManager.default.contentsOfDirectory(atPath: folder + "/out").filter { !$0.hasPrefix(".") }
        #expect(Set(inside).subtracting(written) == ["manifest.json"], "\(inside)")

        // The same tables whatever the number of workers.
        let one = try run([folder + "/mixed.zip"], output: folder + "/one", configuration: config, jobs: 1)
        #expect(one.manifest.entries.map(\.status) == result.manifest.entries.map(\.status))
        for table in ["reports", "judgments", "figures", "findings", "enriched_figures", "validation"] {
            #expect(readBytes(folder + "/one/\(table).csv") == readBytes(folder + "/out/\(table).csv"), "\(table)")
        }
    }

    @Test("an Office document given as the input is one skipped entry, not a zip of XML parts")
    func officeInput() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try configuration(in: folder)
        let result = try run([Fixtures.documentsFolder + "/report.docx"], output: folder + "/out", configuration: config)
        #expect(result.manifest.entries.map(\.path) == ["report.docx"])
        #expect(result.manifest.entries.first?.status == .skipped)
        #expect(result.manifest.entries.first?.reason == "Office document (docx), not read: peel reads PEEL reports as PDF or text; save it as PDF")
    }

    /// Before: a zip that held a document's unpacked parts beside reports was taken for the document, and skipped whole.
    @Test("a zip of reports that also holds an Office document's parts is read as an archive")
    func reportsBesideDocumentParts() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try configuration(in: folder)
        try shell("mkdir parts && cd parts && unzip -q '\(Fixtures.documentsFolder)/report.docx' && cp '\(Fixtures.samplesFolder)/peel-effectiveness-2015-wiltshire.txt' . "
                  + "&& zip -q -r ../bundle.zip . && unzip -l ../bundle.zip | grep -q 'word/document.xml'", in: folder)
        let result = try run([folder + "/bundle.zip"], output: folder + "/out", configuration: config)
        #expect(result.manifest.entries.first { $0.path == "peel-effectiveness-2015-wiltshire.txt" }?.status == .parsed)
        #expect(result.manifest.entries.count > 5)
        #expect(!result.manifest.entries.contains { $0.reason?.hasPrefix("Office document") == true })
    }

    @Test("pdf settings: a wrong value is refused with the key named")
    func settings() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (pdf, message) in [
            (#"{"extraction": "ocr"}"#, #""pdf.extraction" must be "layout" or "reading_order""#),
            (#"{"max_pdf_pages": 0}"#, #""pdf.max_pdf_pages" must be a positive whole number"#),
            (#"{"max_pdf_seconds": "60"}"#, #""pdf.max_pdf_seconds" must be a number of seconds"#),
            (#"{"max_pdf_memory_bytes": 1000}"#, #""pdf.max_pdf_memory_bytes" must be at least 67108864"#),
            (#"{"max_pdf_page": 10}"#, #"unknown key "pdf.max_pdf_page""#),
        ] {
            let path = try configuration(in: folder, pdf: pdf)
            #expect(throws: (any Error).self) { try Configuration.load(path: path) }
            do {
                _ = try Configuration.load(path: path)
            } catch {
                #expect("\(error)".contains(message), "\(error)")
            }
        }
        let path = try configuration(in: folder, pdf: #"{"extraction": "reading_order", "max_pdf_seconds": 2.5}"#)
        let loaded = try Configuration.load(path: path).configuration
        #expect(loaded.pdf.mode == .readingOrder && loaded.pdf.maxSeconds == 2.5 && loaded.pdf.maxPages == 2000)
    }
}
