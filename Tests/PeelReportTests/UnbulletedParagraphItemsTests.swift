import PeelReport
import PeelTestSupport
import Testing

/// Areas for improvement whose glyphs a converter dropped, each item a paragraph of its own ("The force should …",
/// a blank line, "The force should …"). A fifth audit found all but the first lost without a word.
@Suite("Unbulleted items, a paragraph each")
struct UnbulletedParagraphItemsTests {
    /// Wiltshire's investigating-crime areas for improvement, bulleted, one a line.
    private static let opening = "- The force should ensure that all those carrying out investigations"

    /// The sample's lines with that list's glyphs dropped and a blank line after each item; `after` stands after the list.
    private func variant(after: String? = nil) throws -> (report: Report, items: [String]) {
        let text = String(decoding: try Fixtures.sample(wiltshire), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.firstIndex { $0.hasPrefix(Self.opening) })
        var last = first
        while last + 1 < lines.count, lines[last + 1].hasPrefix("- ") { last += 1 }
        let items = lines[first...last].map { String($0.dropFirst(2)) }
        var replaced = Array(items.map { [$0, ""] }.joined().dropLast())
        if let after { replaced += ["", after] }
        lines.replaceSubrange(first...last, with: replaced)
        return (try parse(Array(lines.joined(separator: "\n").utf8)), items)
    }

    private func investigating(_ report: Report) -> [String] {
        report.findings.filter { $0.kind == .areaForImprovement && $0.question == .investigatingCrime }.map(\.text)
    }

    @Test("every item read, as the bulleted list's")
    func read() throws {
        let (report, items) = try variant()
        #expect(items.count == 5)
        #expect(investigating(report) == items)
        #expect(investigating(try parseSample(wiltshire)) == items)
    }

    @Test("a paragraph after them that opens otherwise is no item")
    func endsAtOtherParagraph() throws {
        let (report, items) = try variant(after: "Overall, HMIC found that the force has made progress since its last inspection.")
        #expect(investigating(report) == items)
    }
}
