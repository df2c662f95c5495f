import Dispatch
import Foundation
@testable import PeelPDF
import PeelTestSupport
import PeelText
import Testing

private let gwent = Fixtures.extractionsFolder + "/peel-effectiveness-2017-gwent.pdf"

private func extractor(_ change: (inout PDFSettings) -> Void = { _ in }, maxTextBytes: Int = 32 << 20) -> PDFTextExtractor {
    var settings = PDFSettings()
    change(&settings)
    return PDFTextExtractor(settings: settings, maxTextBytes: maxTextBytes)
}

private func reason(_ result: Result<ExtractedPDFText, PDFFailure>) -> String? {
    if case .failure(let failure) = result { return failure.reason }
    return nil
}

@Suite("PDF recognised by its bytes")
struct PDFSignatureTests {
    @Test("a PDF header at the start, or after junk within the first kilobyte; nothing else")
    func signature() {
        #expect(PDFTextExtractor.isPDF(readBytes(gwent)))
        #expect(PDFTextExtractor.isPDF(Array("%PDF-2.0\n".utf8)))
        #expect(PDFTextExtractor.isPDF(Array("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n".utf8)))
        #expect(!PDFTextExtractor.isPDF(Array(repeating: 0x20, count: 1100) + Array("%PDF-1.4".utf8)))
        #expect(!PDFTextExtractor.isPDF(Array("PEEL: Police effectiveness 2017\nsaved as %PDF-x".utf8)))
        #expect(!PDFTextExtractor.isPDF(Array("<!DOCTYPE html><title>report.pdf</title>".utf8)))
        #expect(!PDFTextExtractor.isPDF([]))
    }
}

@Suite("pdftotext in a child process")
struct PDFTextExtractorTests {
    @Test("a sample PDF: its text, its page count as pdfinfo gives it, the tool's version")
    func samplePDF() throws {
        let result = extractor().extract(readBytes(gwent))
        let extracted = try result.get()
        let info = try shell("pdfinfo '\(gwent)'", in: NSTemporaryDirectory())
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last!) }
        #expect(extracted.extraction.pages == pages)
        #expect(extracted.extraction.pages == 20)
        #expect(extracted.extraction.extractor.hasPrefix("pdftotext "))
        #expect(extracted.extraction.extractor != "pdftotext (version unknown)")
        #expect(extracted.extraction.mode == .layout)
        #expect(extracted.warnings.isEmpty)
        // The same bytes pdftotext writes to a file (the committed layout extraction was made so).
        let fromFile = try shell("pdftotext -enc UTF-8 -eol unix -layout '\(gwent)' -", in: NSTemporaryDirectory())
        #expect(extracted.text == Array(fromFile.utf8))
    }

    @Test("reading order is plain pdftotext")
    func readingOrder() throws {
        let extracted = try extractor { $0.mode = .readingOrder }.extract(readBytes(gwent)).get()
        let plain = try shell("pdftotext -enc UTF-8 -eol unix '\(gwent)' -", in: NSTemporaryDirectory())
        #expect(extracted.text == Array(plain.utf8))
        #expect(extracted.extraction.mode == .readingOrder)
    }

    @Test("each line's page: the page pdftotext prints it on when asked for that page alone")
    func pageMap() throws {
        let extracted = try extractor().extract(readBytes(gwent)).get()
        let text = try TextDecoder.decode(extracted.text)
        let pages = PageMap(text)
        #expect(pages.pageStarts.count == 20)  // pages 2…20, and the empty one after the last form feed
        var checked = Set<Int>()
        for probe in ["Overall effectiveness", "Force in numbers", "Areas for improvement", "Annex A", "Gwent Police"] {
            let lines = text.lines.filter { text.string($0).contains(probe) }
            #expect(!lines.isEmpty, "no line with \(probe)")
            for line in lines {
                let page = pages.page(ofLine: line.number)
                checked.insert(page)
                let alone = try shell("pdftotext -enc UTF-8 -layout -f \(page) -l \(page) '\(gwent)' -", in: NSTemporaryDirectory())
                #expect(alone.contains(text.string(line).replacingOccurrences(of: "\u{0C}", with: "")), "\(probe) on page \(page)")
            }
        }
        #expect(checked.count >= 10, "the probes reach most pages (the running header names the force on every one)")
        #expect(pages.page(ofLine: 1) == 1)
        #expect(PageMap(pageStarts: [5, 5, 9]).page(ofLine: 4) == 1)
        #expect(PageMap(pageStarts: [5, 5, 9]).page(ofLine: 5) == 3)
        #expect(PageMap(pageStarts: [5, 5, 9]).page(ofLine: 9) == 4)
    }

    @Test("an empty user password opens; a real one is quarantined as encrypted")
    func encrypted() throws {
        let open = try extractor().extract(readBytes(Fixtures.documentsFolder + "/empty-user-password.pdf")).get()
        #expect(String(decoding: open.text, as: UTF8.self).contains("PEEL: Police effectiveness 2017 – West Mercia Police"))
        #expect(reason(extractor().extract(readBytes(Fixtures.documentsFolder + "/password-protected.pdf"))) == "encrypted PDF: it needs a password to open")
    }

    @Test("a scan has no text layer; a truncated PDF gives poppler's own reason")
    func damaged() {
        #expect(reason(extractor().extract(readBytes(Fixtures.documentsFolder + "/scanned.pdf")))
            == "no text layer: its 2 pages hold no text (a scanned document needs OCR first)")
        let truncated = reason(extractor().extract(readBytes(Fixtures.documentsFolder + "/truncated.pdf"))) ?? ""
        #expect(truncated.hasPrefix("pdftotext could not read the PDF (exit status 1): Syntax Error"), "\(truncated)")
        #expect(truncated.contains("trailer"))
    }

    @Test("a PDF header over noise: poppler prints a thousand errors or more, and the reason names the first three different ones (seeded)")
    func noise() {
        // As the benchmark corpus makes its damaged PDFs; poppler's messages fill the 64 KiB of them kept.
        let seed: UInt64 = 0x9DF
        var generator = SplitMix(seed: seed)
        let bytes = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8) + (0..<60_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let failure = reason(extractor().extract(bytes)) ?? ""
        #expect(failure.hasPrefix("pdftotext could not read the PDF"), "seed \(seed): \(failure)")
        let errors = failure.components(separatedBy: ": ").dropFirst().joined(separator: ": ").components(separatedBy: "; ")
        #expect(errors.count == 3 && Set(errors).count == 3 && errors.allSatisfy { $0.contains("Error") }, "seed \(seed): \(failure)")
    }

    @Test("limits: pages, wall-clock seconds, memory and output size each stop the child with their own reason")
    func limits() {
        let many = readBytes(Fixtures.documentsFolder + "/3000-pages.pdf")
        #expect(reason(extractor().extract(many)) == "the PDF has more than 2000 pages (max_pdf_pages)")
        #expect(reason(extractor { $0.maxPages = 19 }.extract(readBytes(gwent))) == "the PDF has more than 19 pages (max_pdf_pages)")
        let started = Date()
        #expect(reason(extractor { $0.maxPages = 5000; $0.maxSeconds = 0.5 }.extract(many)) == "pdftotext took longer than 0.5 s (max_pdf_seconds) and was stopped")
        #expect(Date().timeIntervalSince(started) < 20)  // stopped, not run to its end (about 4 s)
        #expect(reason(extractor { $0.maxMemoryBytes = 192 << 20 }.extract(readBytes(Fixtures.documentsFolder + "/memory-bomb.pdf")))
            == "pdftotext needed more than 201326592 bytes of memory (max_pdf_memory_bytes)")
        #expect(reason(extractor(maxTextBytes: 1000).extract(readBytes(gwent))) == "the PDF's text is larger than 1000 bytes (max_entry_bytes)")
    }

    @Test("without pdftotext a PDF is quarantined with what to install")
    func notInstalled() {
        let missing = PDFTextExtractor(settings: PDFSettings(), maxTextBytes: 1 << 20, searchPath: "/nonexistent:relative/bin")
        #expect(missing.executable == nil)
        #expect(reason(missing.extract(readBytes(gwent))) == "PDF not read: pdftotext is not installed (Debian: apt-get install poppler-utils)")
    }

    /// Before: a pdftotext the system would not start (out of file descriptors or processes: `ulimit -n`, `ulimit -u`)
    /// was taken for none, and every PDF quarantined as "pdftotext is not installed", with the advice to install it.
    /// (The system's refusal cannot be had in a test process that shares its limits with the tests beside it; the
    /// probe's reading of it is asked directly.)
    @Test("a pdftotext the system does not start is not one that is not installed")
    func notStarted() {
        #expect(PDFTextExtractor.answer(ChildOutcome(termination: .notStarted("Too many open files"))) == .notStarted("Too many open files"))
        #expect(PDFTextExtractor.answer(ChildOutcome(termination: .timedOut)) == .version(nil))
    }

    @Test("pdftotext's version is asked once, when first needed, and never by a run that meets no PDF")
    func versionAskedOnce() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A stand-in pdftotext that notes each run as a folder (a child may write no file) and answers -v as
        // poppler does, on stderr.
        let runs = folder + "/runs"
        try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
        let script = "#!/bin/sh\nmkdir '\(runs)'/run-$$-\"$1\"\necho 'pdftotext version 9.8.7' >&2\necho 'Copyright 2005-2022 The Poppler Developers' >&2\n"
        try script.write(toFile: folder + "/pdftotext", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/pdftotext")
        func started() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: runs) }
        let tool = PDFTextExtractor(settings: PDFSettings(), maxTextBytes: 1 << 20, searchPath: folder)
        #expect(tool.executable == folder + "/pdftotext")
        #expect(try started().isEmpty, "found, not started")
        let copy = tool
        #expect(tool.extractor == "pdftotext 9.8.7")
        #expect(copy.extractor == "pdftotext 9.8.7")
        let runsSeen = try started()
        #expect(runsSeen.count == 1 && runsSeen.allSatisfy { $0.hasSuffix("--v") }, "started once, for its version, shared by copies: \(runsSeen)")
    }

    /// Ctrl-C reaches pdftotext as it reaches peel: a child ended by a stop signal is not a PDF that crashed it, and is
    /// marked so, for the run to say nothing if it is stopping (RobustRunTests, test_crash.py).
    @Test("a pdftotext ended by a stop signal is marked stopped from outside, a crash is not")
    func stoppedFromOutside() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        func standIn(endingWith signal: String) throws -> PDFTextExtractor {
            let script = "#!/bin/sh\ncase \"$1\" in -v) echo 'pdftotext version 9.8.7' >&2; exit 0;; esac\ncat >/dev/null\nkill -\(signal) $$\nsleep 5\n"
            try script.write(toFile: folder + "/pdftotext", atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/pdftotext")
            return PDFTextExtractor(settings: PDFSettings(), maxTextBytes: 1 << 20, searchPath: folder)
        }
        let pdf = readBytes(gwent)
        for (signal, name) in [("INT", "signal 2, SIGINT"), ("TERM", "signal 15, SIGTERM"), ("HUP", "signal 1, SIGHUP")] {
            guard case .failure(let failure) = try standIn(endingWith: signal).extract(pdf) else {
                Issue.record("SIG\(signal): read as text")
                continue
            }
            #expect(failure == PDFFailure(reason: "pdftotext was stopped from outside peel (\(name))", mayPass: true, stoppedFromOutside: true))
        }
        guard case .failure(let crash) = try standIn(endingWith: "SEGV").extract(pdf) else {
            Issue.record("SIGSEGV: read as text")
            return
        }
        #expect(crash.reason == "pdftotext crashed on the PDF (signal 11, SIGSEGV)" && crash.mayPass && !crash.stoppedFromOutside)

        // The version probe is the first child a run starts, so Ctrl-C often meets it: it was read as pdftotext not
        // installed, for every PDF of the run. Now it is stopped from outside, and not kept: the next PDF asks again.
        let probeStopped = "#!/bin/sh\ncase \"$1\" in -v) kill -INT $$; sleep 5;; esac\ncat >/dev/null\n"
        try probeStopped.write(toFile: folder + "/pdftotext", atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder + "/pdftotext")
        let tool = PDFTextExtractor(settings: PDFSettings(), maxTextBytes: 1 << 20, searchPath: folder)
        guard case .failure(let probe) = tool.extract(pdf) else {
            Issue.record("probe stopped: read as text")
            return
        }
        #expect(probe == PDFFailure(reason: "pdftotext was stopped from outside peel (signal 2, SIGINT)", mayPass: true, stoppedFromOutside: true))
        _ = try standIn(endingWith: "SEGV")
        #expect(tool.extractor == "pdftotext 9.8.7")
    }

    @Test("many at once: the same text each time, and no descriptors left open")
    func concurrent() throws {
        let pdf = readBytes(gwent)
        let tool = extractor()
        let expected = try tool.extract(pdf).get().text
        let before = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
        let results = Locked<[(Int, Result<ExtractedPDFText, PDFFailure>)]>([])
        // Tests beside this one open files too, so a leak shows as growth in proportion to the children run:
        // one descriptor kept per child would be 48 more.
        DispatchQueue.concurrentPerform(iterations: 48) { index in
            // Every third child fails fast, so pipes close while others are still being written.
            let input = index % 3 == 0 ? Array(pdf.prefix(5000)) : pdf
            let result = tool.extract(input)
            results.update { $0.append((index, result)) }
        }
        for (index, result) in results.current {
            if index % 3 == 0 {
                #expect(reason(result) != nil)
            } else {
                #expect((try? result.get().text) == expected)
            }
        }
        let after = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
        #expect(after - before < 24, "\(before) descriptors open before, \(after) after")
    }
}
