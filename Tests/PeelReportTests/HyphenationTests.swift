@testable import PeelReport
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
}
