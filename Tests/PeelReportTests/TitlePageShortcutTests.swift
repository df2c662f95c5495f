import PeelReport
import PeelTestSupport
import PeelText
import Testing

/// `parse(DecodedText)` cleans lines a block at a time and stops at the title page of a document that is not a
/// PEEL report. Whatever it reads, it must give exactly the report of cleaning the whole text first.
struct TitlePageShortcutTests {
    private let parser = ReportParser(forces: registry)

    private func expectSame(_ bytes: [UInt8], _ comment: Comment? = nil) throws -> Report {
        let decoded = try TextDecoder.decode(bytes)
        let report = parser.parse(decoded)
        #expect(report == parser.parse(NormalisedText(decoded), decoded: decoded), comment)
        return report
    }

    @Test("every sample reads the same as from its whole cleaned text", arguments: Fixtures.sampleNames)
    func samples(name: String) throws {
        let report = try expectSame(Fixtures.sample(name))
        #expect(report.reportType != .other)
    }

    @Test("a sample without its PEEL title is no report, either way", arguments: Fixtures.sampleNames)
    func untitled(name: String) throws {
        let text = String(decoding: Fixtures.sample(name), as: UTF8.self)
        let bytes = Array(text.replacing("PEEL", with: "PEAL").utf8)
        #expect(try expectSame(bytes).reportType == .other)
    }

    @Test("a title page behind many lines that clean to nothing is still found")
    func titleBehindBlankLines() throws {
        let filler = Array(repeating: "<sup>1</sup>\n\n", count: 200).joined()
        let sample = String(decoding: Fixtures.sample(dyfedPowys), as: UTF8.self)
        #expect(try expectSame(Array((filler + sample).utf8)).reportType == .force)
    }

    @Test("page numbers removed by page breaks after a block's end", arguments: [150, 155, 158, 159, 160, 161, 170, 300])
    func pageBreaksAcrossBlocks(fillerLines: Int) throws {
        let sample = String(decoding: Fixtures.sample(dyfedPowys), as: UTF8.self)
        let title = sample.split(separator: "\n", omittingEmptySubsequences: false).prefix(40).joined(separator: "\n")
        let rest = sample.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(40).joined(separator: "\n")
        // 78 prose lines, then page numbers on their own lines, each taken away by a form feed that follows.
        let prose = (1...78).map { "Line \($0) of a document." }
        let numbers = (1...(fillerLines - 78)).map { String($0 % 1000) }
        let breaks = Array(repeating: "\u{0C}", count: numbers.count)
        for document in [prose + numbers + breaks, prose + numbers + breaks + [title, rest], prose + numbers + ["x"] + breaks] {
            _ = try expectSame(Array(document.joined(separator: "\n").utf8), "\(fillerLines)")
        }
    }
}
