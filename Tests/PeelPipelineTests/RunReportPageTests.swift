import Foundation
import Logging
import PeelPipeline
import PeelTestSupport
import Testing

private let quiet = Logger(label: "peel-test") { _ in SwiftLogNoOpLogHandler() }

/// index.html: what a person sees of a run, checked as text and in a real browser.
@Suite("The run's page")
struct RunReportPageTests {
    /// The embedded input, run with `jobs` workers into `folder/out-<jobs>`.
    private func run(in folder: String, jobs: Int) throws -> (RunResult, String) {
        try copyPipelineFiles(to: folder)
        let output = folder + "/out-\(jobs)"
        let result = try PipelineRun.execute(
            RunOptions(inputs: [Fixtures.defaultInput], output: output, jobs: jobs, configurationPath: folder + "/pipeline.json"), logger: quiet)
        return (result, String(decoding: readBytes(output + "/index.html"), as: UTF8.self))
    }

    @Test("the embedded input's page: the Gwent error, the 2015 matrix of 43 forces, listed in the manifest, the same whatever --jobs")
    func samplePage() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (result, page) = try run(in: folder, jobs: 1)
        let (_, again) = try run(in: folder, jobs: 2)
        #expect(page != again, "the run's own id differs")
        #expect(withoutRunSpecificParts(page) == withoutRunSpecificParts(again))
        #expect(!withoutRunSpecificParts(page).contains(result.manifest.runId))

        // The real error of the samples, at the top of its rule, open.
        #expect(page.contains(#"<details id="rule-count_rate_population" open>"#))
        #expect(page.contains("Gwent Police 2017"))
        #expect(page.contains("the stated rate is 10× the implied one"))
        #expect(page.contains("Exit status 3 (validation_errors)"))
        // The 2015 matrix: all 43 forces, from the national overview's table, on the four-point scale.
        let matrix = try #require(section(of: page, from: #"id="grades-2015""#, to: "</table>"))
        #expect(matrix.components(separatedBy: "<tr><td>").count - 1 == 43)
        #expect(matrix.contains("four-point scale"))
        #expect(!matrix.contains("g-5-"))
        #expect(matrix.contains("Wiltshire Police"))
        // The force figure the validator finds 7.3 times below England and Wales (Dyfed-Powys' 48 calls for assistance
        // per 1,000) is its chart's one outlier, marked on the chart; the samples' other two are on charts not drawn.
        #expect(page.components(separatedBy: #"class="dot outlier""#).count - 1 == 1)
        #expect(page.contains(">48 !</text>"))
        // Every chart has its table, and nothing is fetched from anywhere.
        #expect(page.components(separatedBy: "<svg").count == page.components(separatedBy: "<summary>as a table</summary>").count)
        #expect(!page.contains("http://") && !page.contains("https://") && !page.contains("<script"))
        let listed = try #require(result.manifest.outputs.first { $0.path == "index.html" })
        #expect(listed.sha256 == sha256Hex(Array(page.utf8)))
    }

    @Test("what an input names is text on the page, never markup: a quarantined entry named like HTML is escaped")
    func namesEscaped() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try copyPipelineFiles(to: folder)
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        let name = #"<img src=x onerror="alert(1)">&'.txt"#
        try writeBytes([0x50, 0x45, 0x45, 0x4C, 0x00, 0x00, 0x01], to: folder + "/in/" + name)
        // A "<" that a combining mark follows is one Character with it: escaping Character by Character misses it.
        let combined = "<\u{301}svg onload=alert(2)>.txt"
        try writeBytes([0x50, 0x45, 0x45, 0x4C, 0x00, 0x00, 0x01], to: folder + "/in/" + combined)
        _ = try? FileManager.default.copyItem(atPath: Fixtures.defaultInput, toPath: folder + "/in/samples.tar.gz")
        let result = try PipelineRun.execute(
            RunOptions(inputs: [folder + "/in"], output: folder + "/out", jobs: 2, configurationPath: folder + "/pipeline.json"), logger: quiet)
        #expect(result.manifest.totals.quarantined == 2)
        let page = String(decoding: readBytes(folder + "/out/index.html"), as: UTF8.self)
        #expect(!page.contains("<img"))
        #expect(page.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;"))
        #expect(Array(page.utf8).firstRange(of: Array("<\u{301}svg".utf8)) == nil)
        #expect(Array(page.utf8).firstRange(of: Array("&lt;\u{301}svg onload=alert(2)&gt;".utf8)) != nil)
        #expect(page.contains("not text: contains NUL bytes"))
    }

    @Test("a finding about a report read from a PDF names the page its line is on")
    func pageOfFinding() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try copyPipelineFiles(to: folder)
        try FileManager.default.createDirectory(atPath: folder + "/in", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.extractionsFolder + "/peel-effectiveness-2017-gwent.pdf", toPath: folder + "/in/gwent.pdf")
        _ = try PipelineRun.execute(
            RunOptions(inputs: [folder + "/in"], output: folder + "/out", jobs: 1, configurationPath: folder + "/pipeline.json"), logger: quiet)
        let page = String(decoding: readBytes(folder + "/out/index.html"), as: UTF8.self)
        // The place-of-safety rate is printed on page 7 of the PDF (checked by hand with pdftotext -f 7 -l 7).
        let rule = try #require(section(of: page, from: #"id="rule-count_rate_population""#, to: "</details>"))
        #expect(rule.contains("gwent.pdf, page 7"))
    }

    @Test("the page in headless Chromium, offline: the DOM has the Gwent error and the 43 forces, the screenshot is not blank, the console is quiet")
    func inBrowser() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try run(in: folder, jobs: 2)
        try writeBytes(Array("<!DOCTYPE html><title>blank</title>".utf8), to: folder + "/blank.html")
        // No network: a namespace without interfaces where the kernel allows it, and dead proxy and resolver either way.
        let offline = (try? shell("unshare -n true", in: folder)) != nil ? "unshare -n " : ""
        let chromium = offline + "chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir=\(folder)/profile"
            + " --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>' --host-resolver-rules='MAP * ~NOTFOUND'"
            + " --disable-background-networking --disable-component-update --hide-scrollbars --force-device-scale-factor=1"
            + " --enable-logging=stderr --v=0"
        let page = "file://\(folder)/out-2/index.html"
        _ = try shell("\(chromium) --dump-dom '\(page)' > dom.html 2> dom.log", in: folder)
        _ = try shell("\(chromium) --window-size=1280,2400 --screenshot=\(folder)/page.png '\(page)' > /dev/null 2> shot.log", in: folder)
        _ = try shell("\(chromium) --window-size=1280,2400 --screenshot=\(folder)/blank.png 'file://\(folder)/blank.html' > /dev/null 2> blank.log", in: folder)

        let dom = String(decoding: readBytes(folder + "/dom.html"), as: UTF8.self)
        #expect(dom.contains("the stated rate is 10× the implied one"))
        let matrix = try #require(section(of: dom, from: #"id="grades-2015""#, to: "</table>"))
        #expect(matrix.components(separatedBy: "<tr><td>").count - 1 == 43)
        // Console messages of the page itself (Chromium's own pages log some of theirs, with chrome:// sources).
        for log in ["dom.log", "shot.log"] {
            let lines = String(decoding: readBytes(folder + "/" + log), as: UTF8.self).split(separator: "\n")
            let page = lines.filter { $0.contains("CONSOLE") && $0.contains("file://") }
            #expect(page.isEmpty, "\(log): \(page)")
        }
        let shot = readBytes(folder + "/page.png"), blank = readBytes(folder + "/blank.png")
        #expect(pngSize(shot)?.width == 1280 && pngSize(shot)?.height == 2400)
        // A blank page of that size compresses to a few kilobytes; the report's tables, colours and text do not.
        #expect(shot.count > 20 * blank.count, "screenshot \(shot.count) bytes, blank page \(blank.count)")
    }

    private func section(of text: String, from start: String, to end: String) -> Substring? {
        guard let from = text.range(of: start), let to = text.range(of: end, range: from.upperBound..<text.endIndex) else { return nil }
        return text[from.lowerBound..<to.upperBound]
    }

    /// Width and height from a PNG's IHDR chunk.
    private func pngSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard bytes.count > 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func word(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }
}
