import Foundation
@testable import PeelReport
import PeelTestSupport
import Testing

struct SectionTitleTests {
    @Test("section titles lie in the length range sectionQuestion checks first")
    func lengths() {
        #expect(FindingExtractor.sectionTitles.allSatisfy { (23...51).contains($0.utf8.count) })
    }

    /// The questions of a report's findings, in order.
    private func findingQuestions(_ report: Report) -> [String] {
        report.findings.map { $0.question?.rawValue ?? "-" }
    }

    @Test("a section title or question heading that hyphenation broke at a line's end (\"supporting vic-\" / \"tims\") still names its question")
    func hyphenatedHeadings() throws {
        let westMercia = "peel-effectiveness-2017-west-mercia.txt"
        let text = String(decoding: Fixtures.sample(westMercia), as: UTF8.self)
        let title = "\nProtecting vulnerable people and supporting victims\n"
        #expect(text.components(separatedBy: title).count == 2)
        let sample = findingQuestions(try parseSample(westMercia))
        #expect(sample.contains("protecting_vulnerable"))
        let broken = try parse(Array(text.replacingOccurrences(of: title, with: "\nProtecting vulnerable people and supporting vic-\ntims\n").utf8))
        #expect(findingQuestions(broken) == sample)

        // A line that ends at a compound's own hyphen: "… tackling anti-" / "social behaviour".
        let compoundTitle = "\nPreventing crime and tackling anti-social behaviour\n"
        #expect(text.components(separatedBy: compoundTitle).count == 2)
        let compound = try parse(Array(text.replacingOccurrences(of: compoundTitle, with: "\nPreventing crime and tackling anti-\nsocial behaviour\n").utf8))
        #expect(findingQuestions(compound) == sample)

        let wiltshire = "peel-effectiveness-2015-wiltshire.txt"
        let wiltshireText = String(decoding: Fixtures.sample(wiltshire), as: UTF8.self)
        let question = "\nHow effective is the force at investigating crime and managing offenders?\n"
        #expect(wiltshireText.contains(question))
        let wiltshireSample = findingQuestions(try parseSample(wiltshire))
        #expect(wiltshireSample.contains("investigating_crime"))
        let questionBroken = wiltshireText.replacingOccurrences(
            of: question, with: "\nHow effective is the force at investi-\ngating crime and managing offenders?\n")
        #expect(findingQuestions(try parse(Array(questionBroken.utf8))) == wiltshireSample)
    }
}
