import Foundation
import PeelReport
import PeelTestSupport
import PeelText
import Testing

/// Inputs that once crashed or stress the parser's edges (truncated structures, unterminated markup), and
/// every crash the fuzzer finds (Tests/Fuzz/run.sh): each must decode and parse without crashing.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = Fixtures.packageRoot + "/Tests/Fuzz/regressions"
    static var inputs: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() }

    @Test("each regression input parses without crashing, every value on a real line", arguments: inputs)
    func replay(name: String) throws {
        let bytes = readBytes(Self.folder + "/" + name)
        let source = try TextDecoder.decode(bytes)
        let text = HTMLText.textIfHTML(source) ?? source
        #expect(name.hasSuffix(".html") == (text.lines.count != source.lines.count), "\(name): HTML is read as its text, other text as it is")
        let report = ReportParser(forces: registry).parse(text)
        #expect(report.reportType != .other, "\(name) has a PEEL title page")
        #expect(report.figures.allSatisfy { (1...source.lines.count).contains($0.line) })
        #expect(report.judgments.allSatisfy { (1...source.lines.count).contains($0.line) })
        #expect(report.findings.allSatisfy { (1...source.lines.count).contains($0.line) })
    }

    @Test("there are regression inputs to replay")
    func present() {
        #expect(Self.inputs.count >= 10)
    }
}
