import Foundation
@testable import PeelReport
import PeelTestSupport
import PeelText
import Testing

/// Whether the title page is final is asked after every block of lines cleaned; it counts each settled line once (it
/// counted from the first line every block: a text of blank lines alone took seconds a megabyte). It must answer as
/// counting from the first line does, page numbers taken back at breaks and all.
@Suite("The title page's lines counted once")
struct TitlePageProgressTests {
    /// The count from the first line, as it was.
    private func isFinalCountingAll(_ lines: NormalisedLines) -> Bool {
        var nonBlank = 0
        for line in lines where !line.isBlank {
            nonBlank += 1
            if nonBlank >= TitlePage.titlePageLines && !line.isPageNumber { return true }
        }
        return false
    }

    @Test("the same answer as counting from the first line, block by block, on random texts of blanks, words, numbers and form feeds")
    func sameAsCountingAll() throws {
        var generator = seededGenerator("title page progress", standard: 20_261_207)
        let seed = generator.state
        var finals = 0
        for _ in 0..<60 {
            let count = Int.random(in: 100...2_000, using: &generator)
            var text = ""
            var page = 1
            // Mostly blank lines (the case that was slow), with words, page numbers before and after breaks.
            for _ in 0..<count {
                switch Int.random(in: 0..<20, using: &generator) {
                case 0..<12: text += "\n"
                case 12..<15: text += "Some words\n"
                case 15: text += "\(page)\n"
                case 16: text += "\u{0C}\(page + 1)\n"; page += 1
                case 17: text += "\u{0C}\n"; page += 1
                case 18: text += "\(page)\n\u{0C}\n"; page += 1
                default: text += String(repeating: "\n", count: Int.random(in: 0..<80, using: &generator)) + "\u{0C}\n"
                }
            }
            let decoded = try TextDecoder.decode(Array(text.utf8))
            let block = Int.random(in: 3...200, using: &generator)
            var normalised = NormalisedText(decoded, prefix: block)
            var progress = TitlePage.Progress()
            while true {
                let expected = isFinalCountingAll(normalised.lines)
                #expect(progress.isFinal(normalised.lines) == expected, "seed \(seed)")
                if expected { finals += 1 }
                if expected || normalised.sourceLinesRead >= decoded.lines.count { break }
                normalised.extend(decoded, by: block)
            }
        }
        // Both answers came up.
        #expect(finals > 5 && finals < 60)
    }
}
