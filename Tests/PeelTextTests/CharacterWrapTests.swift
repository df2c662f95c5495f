import Foundation
import PeelTestSupport
@testable import PeelText
import Testing

/// The samples `fold -w N` broke (Tests/Fixtures/make-folded-samples.sh): every sample at every width, paired.
private let foldedSamples: [(sample: String, width: Int)] = Fixtures.sampleNames.flatMap { name in [40, 60, 80, 120].map { (name, $0) } }

private func folded(_ sample: String, _ width: Int) -> [UInt8] {
    readBytes(Fixtures.extractionsFolder + "/" + (sample as NSString).deletingPathExtension + ".fold\(width).txt")
}

@Suite("Text fold broke mid-word (character wrap)")
struct CharacterWrapTests {
    @Test("gives back all but a few of the sample's lines whole, each numbered as the folded line it starts on", arguments: foldedSamples)
    func unfoldsSample(sample: String, width: Int) throws {
        let bytes = folded(sample, width)
        try #require(!bytes.isEmpty, "run Tests/Fixtures/make-folded-samples.sh")
        let original = try TextDecoder.decode(Fixtures.sample(sample))
        let text = try TextDecoder.decode(bytes)
        // fold broke characters of more than one byte apart in some: joined again, the text is UTF-8.
        #expect(text.encoding == .utf8)
        let lines = text.lines.map(text.string), expected = original.lines.map(original.string)
        // The sample's own lines of exactly the width (or a multiple) that end where a break could are joined to the
        // next, and a break before a list item, a heading or a capital after a sentence's end is taken for the text's
        // own line end: they cannot be told apart. So all but a few of the sample's lines come back whole.
        let read = Set(lines)
        let lost = expected.filter { !$0.isEmpty && !read.contains($0) }
        #expect(lost.count * 100 <= expected.count, "\(lost.count) of \(expected.count) lines not given back: \(lost.prefix(3))")
        #expect(abs(lines.count - expected.count) * 100 <= expected.count)
        // Each line's number is that of the folded line it starts on.
        let physical = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        for line in text.lines {
            let first = physical[line.number - 1]
            #expect(text.utf8[line.range].starts(with: first), "line \(line.number)")
        }
    }

    @Test("text wrapped at words, or padded to one width, is left as it is")
    func leavesOtherText() throws {
        // A paragraph wrapped at 60 columns at its spaces: its lines fill the width now and then, not as a rule.
        let words = (0..<2_000).map { ["the", "force", "should", "ensure", "that", "crimes", "are", "recorded", "accurately,", "and", "in", "full."][$0 % 12] }
        var wrapped: [String] = [], line = ""
        for word in words {
            if line.isEmpty { line = word } else if line.count + 1 + word.count <= 60 { line += " " + word } else { wrapped.append(line); line = word }
        }
        wrapped.append(line)
        let text = try TextDecoder.decode(Array(wrapped.joined(separator: "\n").utf8))
        #expect(text.lines.count == wrapped.count)
        // A table padded to 40 columns: every line as wide as the widest, each ending in spaces.
        let padded = (0..<100).map { "Row \($0)  \($0 * 7)".padding(toLength: 40, withPad: " ", startingAt: 0) }
        let table = try TextDecoder.decode(Array(padded.joined(separator: "\n").utf8))
        #expect(table.lines.count == 100)
        // A grid table, every row and border padded to one width, the widest lines of a text wrapped narrower.
        let grid: [String] = (0..<60).flatMap { row -> [String] in
            let cells = "| Force \(row) | Good | Requires improvement | Good"
            return [cells.padding(toLength: 59, withPad: " ", startingAt: 0) + "|", "+" + String(repeating: "-", count: 58) + "+"]
        }
        let prose = wrapped.prefix(40).map { String($0.prefix(50)) }
        let document = try TextDecoder.decode(Array((prose + grid).joined(separator: "\n").utf8))
        #expect(document.lines.count == prose.count + grid.count)
    }

    @Test("a line the width filled is kept apart before a list item, a heading, or a capital after a sentence's end or a number")
    func keepsTheTextsOwnLines() throws {
        // 30 lines of prose broken every 50 bytes, then lines of exactly 50 that the text itself ended.
        let prose = String(repeating: "Crime recorded in the twelve months to June rose by four per cent overall; ", count: 20)
        let chunks = stride(from: 0, to: prose.utf8.count - 50, by: 50).map { String(decoding: Array(prose.utf8)[$0..<($0 + 50)], as: UTF8.self) }
        let item = "- The force should improve its approach to crimes."  // 50 bytes
        let row = "Recorded crime (excluding fraud)   38.1     63.0 A"  // 50 bytes
        try #require(item.utf8.count == 50 && row.utf8.count == 50)
        let lines = chunks + [item, "- The force should work with partners.", String(row.dropLast(2)) + ".0", "Victim-based crime 30.4 56.0"]
        let text = try TextDecoder.decode(Array(lines.joined(separator: "\n").utf8))
        let read = text.lines.map(text.string)
        #expect(read.first == chunks.joined())
        #expect(read.dropFirst() == [item, "- The force should work with partners.", String(row.dropLast(2)) + ".0", "Victim-based crime 30.4 56.0"])
        #expect(text.lines.map(\.number).dropFirst() == [chunks.count + 1, chunks.count + 2, chunks.count + 3, chunks.count + 4])
    }
}
