@testable import PeelReport
import PeelText
import PeelTestSupport
import Testing

/// The findings reader asks two questions of every line of a list: does it end the list, and is it a bullet. Both turn
/// most lines away on their bytes first; these are their plain definitions, to hold them to.
private enum PlainListLines {
    static func endsList(_ text: String) -> Bool {
        let heading = Phrases.withoutFootnote(text)
        let lower = String(heading).lowercased()
        if lower.hasPrefix("how effective is the force") || lower.hasPrefix("overview – how effective") || lower.hasPrefix("annex ") { return true }
        if Grade(printed: String(heading)) != nil { return true }
        return FindingExtractor.listEndings.contains(lower) || FindingExtractor.sectionTitles.contains(lower)
    }

    static func bulletText(_ text: String) -> String? {
        for marker in ["- ", "• ", "* ", "– ", "· "] where text.hasPrefix(marker) {
            return String(text.dropFirst(marker.count)).trimmingCharacters(in: " ")
        }
        return nil
    }
}

struct ListLineTests {
    @Test("list endings and bullets read as their plain definitions read them (seeded lines)")
    func againstDefinition() {
        let seed: UInt64 = 0x11575
        print("ListLineTests seed \(seed)")
        var generator = SplitMix(seed: seed)
        let openings = ["How effective is the force at", "HOW EFFECTIVE IS THE FORCE", "Overview – how effective", "Annex ", "ANNEX A",
                        "Areas for improvement", "Summary", "causes of concern", "Next steps", "Contents", "Good", "Requires improvement",
                        "Outstanding", "Tackling serious and organised crime", "Specialist capabilities",
                        "Preventing crime and tackling anti-social behaviour", "The force should", "- ", "• ", "* ", "– ", "· ",
                        "\u{0387} ", "\u{2022}\u{0301} ", "-", "•", "Résumé", "İnadequate", "\u{212A}ey"]
        let tails = ["", "", "2", "12", " ", " and wider work with partners across the county, so that victims are kept informed", "?3",
                     " of the findings", "é", ".", "1234"]
        var lines: [String] = []
        for _ in 0..<6000 {
            var line = openings.randomElement(using: &generator)! + tails.randomElement(using: &generator)!
            if Int.random(in: 0..<3, using: &generator) == 0 { line += tails.randomElement(using: &generator)! }
            lines.append(line)
        }
        var ends = 0, bullets = 0
        for line in lines {
            let expected = PlainListLines.endsList(line)
            if expected { ends += 1 }
            #expect(FindingExtractor.endsList(line) == expected, "seed \(seed): \(line)")
            let bullet = PlainListLines.bulletText(line)
            if bullet != nil { bullets += 1 }
            #expect(FindingExtractor.bulletText(line) == bullet, "seed \(seed): \(line)")
        }
        #expect(ends > 1000 && bullets > 500 && ends < lines.count, "seed \(seed): the draw ended lists (\(ends)) and opened bullets (\(bullets))")
    }
}

struct QuestionWordingTests {
    /// The questions a text names by their plain definition: each question's phrases looked for one at a time.
    private func plainNamed(_ text: String) -> (first: Question?, named: [Question]) {
        func names(_ phrases: [String]) -> Bool { phrases.contains { text.contains(ignoringASCIICase: $0) } }
        let first = Question.wordings.first { names($0.1) }?.0
        let specific = Question.wordings.dropLast().filter { names($0.1) }.map(\.0)
        if specific.isEmpty, let (overall, phrases) = Question.wordings.last, names(phrases) { return (first, [overall]) }
        return (first, specific)
    }

    @Test("a text's questions, found in one pass over its phrases, are those found a phrase at a time (seeded texts)")
    func againstDefinition() {
        let seed: UInt64 = 0x0E57
        print("QuestionWordingTests seed \(seed)")
        var generator = SplitMix(seed: seed)
        let pieces = ["Specialist capabilities", "SPECIALIST CAPABILIT", "serious and organised crime", "Serious crime", "vulnerable",
                      "Protecting from harm", "investigating crime", "Investigate Crime", "preventing crime", "prevent crime", "Overall",
                      "keeping people safe and reducing crime", "How effective is the force at", "?", "crime", "serious", "overal",
                      "vulnerab", "é", "\u{212A}eeping", "the force", "2016"]
        var named = 0
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined(separator: [" ", "", "  ", "-"].randomElement(using: &generator)!)
            let expected = plainNamed(text)
            if expected.first != nil { named += 1 }
            #expect(Question(wording: text) == expected.first, "seed \(seed): \(text)")
            #expect(Question.named(in: text) == expected.named, "seed \(seed): \(text)")
        }
        #expect(named > 2000, "seed \(seed): the draw named enough questions (\(named))")
    }
}

@Suite("A blank line inside a list item (pdfplumber's layout mode)")
struct BlankLineInItemTests {
    private static let layout = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2017-west-mercia.layout.txt"
    private static let first = "•   The force should improve its service to vulnerable people, particularly domestic abuse victims,\n"
    private static let item = "The force should improve its service to vulnerable people, particularly domestic abuse victims, when officers have been unable to attend or attendance is delayed. This should include a re-assessment of the risks that victims face so that safeguarding support can be prioritised."

    /// West Mercia as `pdftotext -layout` gives it (its lines wrapped), the first line of the item `Self.item` and
    /// the two after it printed as `printed`.
    private func findings(_ printed: String) throws -> [String] {
        let text = String(decoding: try readBytes(Self.layout), as: UTF8.self)
        let rest = "    when officers have been unable to attend or attendance is delayed. This should include a re-\n"
            + "    assessment of the risks that victims face so that safeguarding support can be prioritised.\n"
        #expect(text.contains(Self.first + rest))
        let findings = try parse(Array(text.utf8)).findings.map(\.text)
        #expect(findings.contains(Self.item))
        return try parse(Array(text.replacingOccurrences(of: Self.first + rest, with: printed).utf8)).findings.map(\.text)
    }

    @Test("does not end the item where it stopped mid-sentence and the line after goes on in lower case")
    func joined() throws {
        let printed = Self.first + """

                when officers have been unable to attend or attendance is delayed. This should include a re-

                assessment of the risks that victims face so that safeguarding support can be prioritised.

            """
        #expect(try findings(printed).contains(Self.item))
    }

    @Test("ends it after a full stop, or before a line in upper case: the text after is not the item's")
    func notJoined() throws {
        let afterFullStop = """
            •   The force should improve its service to vulnerable people, particularly domestic abuse victims.

                when officers have been unable to attend or attendance is delayed.

            """
        #expect(try findings(afterFullStop).contains("The force should improve its service to vulnerable people, particularly domestic abuse victims."))
        let beforeCapital = """
            •   The force should improve its service to vulnerable people, particularly domestic abuse victims,

                When officers have been unable to attend or attendance is delayed.

            """
        #expect(try findings(beforeCapital).contains("The force should improve its service to vulnerable people, particularly domestic abuse victims,"))
    }
}

@Suite("A question heading wrapped over a blank line (pdfplumber's layout mode)")
struct WrappedQuestionHeadingTests {
    private func heading(_ texts: [String]) -> (wording: String, last: Int)? {
        let lines = NormalisedLines(texts.enumerated().map { NormalisedLine(number: $0.offset + 1, text: $0.element) })
        return Phrases.questionHeading(lines, at: 0, text: lines[0].text)
    }

    @Test("goes on past one blank line to a line in lower case, and no further")
    func wrapped() {
        let question = "How effective is the force at protecting from harm those who are vulnerable, and supporting victims?"
        let read = heading(["How effective is the force at protecting from harm those who are", "", "vulnerable, and supporting victims?", "Requires improvement"])
        #expect(read?.wording == question)
        #expect(read?.last == 2)
        // A line in upper case after the blank is not the question's: it stays unfinished (no question mark).
        #expect(heading(["How effective is the force at protecting from harm those who are", "", "Vulnerable, and supporting victims?"])?.wording.hasSuffix("?") == false)
        // Two blank lines end it.
        #expect(heading(["How effective is the force at protecting from harm those who are", "", "", "vulnerable, and supporting victims?"])?.wording.hasSuffix("?") == false)
    }
}
