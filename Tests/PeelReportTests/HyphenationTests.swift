@testable import PeelReport
import PeelLayout
import PeelText
import Testing

@Suite("Hyphens a reading-order extraction dropped")
struct HyphenationTests {
    private let lines = NormalisedLines([
        "Anti-social behaviour fell; the force's long-term plan and its risk-assessment process were re-assessed.",
        "Its antisocial behaviour team",  // the report's own unhyphenated word is still taken for the compound
        "A well-established team.",
    ].enumerated().map { NormalisedLine(number: $0.offset + 1, text: $0.element) })

    @Test("a word the report hyphenates elsewhere gets its hyphen back, in its own case and punctuation")
    func restores() {
        let compounds = HyphenatedCompounds(lines)
        #expect(compounds.restoringHyphens("Tackle Antisocial behaviour and riskassessment (longterm),")
            == "Tackle Anti-social behaviour and risk-assessment (long-term),")
        // Another form of a two-part compound: "re-assessed" spells "reassessment".
        #expect(compounds.restoringHyphens("a reassessment of the risks") == "a re-assessment of the risks")
        // Curly quotes, dashes and ellipses around a word are punctuation too (words with non-ASCII take the slow path).
        #expect(compounds.restoringHyphens("its ‘antisocial’ team – longterm…") == "its ‘anti-social’ team – long-term…")
    }

    @Test("words the report never hyphenates, and short ones, stay as they are")
    func leavesOthers() {
        let compounds = HyphenatedCompounds(lines)
        #expect(compounds.restoringHyphens("The force should reassure victims and establish teams.") == "The force should reassure victims and establish teams.")
        #expect(HyphenatedCompounds(NormalisedLines([])).restoringHyphens("antisocial") == "antisocial")
    }

    @Test("a hyphen that ended a wrapped line: dropped where the report spells the word whole, kept where it prints the hyphen or neither")
    func lineEndHyphens() {
        let report = NormalisedLines([
            "Partners and partnership work; abuse was reported; officers attend; a detrimental effect; introduced.",
            "A multi-agency approach and anti-social behaviour.",
            "The force should work with part-",  // the hyphen at a line's end is no spelling of the word
            "ners.",
        ].enumerated().map { NormalisedLine(number: $0.offset + 1, text: $0.element) })
        let mark = String(LineEndHyphens.mark), spaced = String(LineEndHyphens.spacedMark)
        let texts = [
            "work with part\(mark)ners and tackle ab\(mark)use.",  // whole elsewhere ("Partners", "abuse"): dropped
            "officers at\(mark)tending",  // its stem whole elsewhere ("attend"): dropped
            "introdu\(mark)cing a plan",  // the joined word's stem ("introduc") whole elsewhere: dropped
            "its disrupt\(mark)ive effects, reli\(mark)ably",  // an ending no compound is made with: dropped
            "a multi\(spaced)agency plan",  // spaced out, printed hyphenated elsewhere: the hyphen, no spaces
            String(repeating: "a", count: 31) + "\(mark)bbb",  // a part no word is as long as: kept, unread
            "a detri\(spaced)mental effect, units\(spaced)except London",  // spaced out: the word whole, else a dash
            "a multi\(mark)agency plan for anti-so\(mark)cial behaviour.",  // hyphenated inside a line: kept; "social" whole
            "a pro\(mark)ficient team, 2016\(mark)",  // neither: as the page showed it; no letters after: a hyphen
            "no mark here",
        ]
        #expect(LineEndHyphens.resolving(texts, in: report) == [
            "work with partners and tackle abuse.",
            "officers attending",
            "introducing a plan",
            "its disruptive effects, reliably",
            "a multi-agency plan",
            String(repeating: "a", count: 31) + "-bbb",
            "a detrimental effect, units - except London",
            "a multi-agency plan for anti-social behaviour.",
            "a pro-ficient team, 2016-",
            "no mark here",
        ])
        #expect(LineEndHyphens.shown("part\(mark)ner, units\(spaced)except") == "part-ner, units - except")
    }

    @Test("a grade's words broken by hyphenation read as the grade; a number among them (a table's year) ends it")
    func gradeWords() {
        func words(_ texts: [Substring]) -> [Word] { texts.map { Word(text: $0, line: 1, token: 0) } }
        #expect(Phrases.grade(words(["Requires", "improve-", "ment"]), at: 0)?.grade == .requiresImprovement)
        #expect(Phrases.grade(words(["Requires", "improve-", "ment"]), at: 0)?.length == 3)
        #expect(Phrases.grade(words(["Requires", "improve-", "2017", "ment"]), at: 0) == nil)
        #expect(Phrases.grade(words(["Outstand-", "ing"]), at: 0)?.grade == .outstanding)
    }
}
