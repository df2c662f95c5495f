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

/// Before: a section whose heading peel did not know left its findings to the section before (West Mercia's protecting
/// vulnerable people's areas for improvement were its preventing crime's 4 to 6).
@Suite("Findings under a section heading in other words")
struct OtherSectionHeadingTests {
    private static let headings = ["Preventing crime and tackling anti-social behaviour", "Protecting vulnerable people and supporting victims",
                                   "Tackling serious and organised crime", "Specialist capabilities"]

    private func withHeadings(_ change: (Int, String) -> String) throws -> (original: Report, changed: Report) {
        var text = String(decoding: Fixtures.sample(westMercia), as: UTF8.self)
        let original = try parse(Array(text.utf8))
        for (number, heading) in Self.headings.enumerated() {
            #expect(text.contains("\n\n\(heading)\n\n"))
            text = text.replacingOccurrences(of: "\n\n\(heading)\n\n", with: "\n\n\(change(number + 1, heading))\n\n")
        }
        return (original, try parse(Array(text.utf8)))
    }

    @Test("numbered section titles (\"2. Protecting …\") are the titles", arguments: ["%d. ", "%d ", "%d) ", "%d.\t"])
    func numbered(format: String) throws {
        let (original, changed) = try withHeadings { number, heading in format.replacingOccurrences(of: "%d", with: "\(number)") + heading }
        #expect(original.findings.count == 12)
        #expect(changed.findings == original.findings)
    }

    @Test("a heading that names another question in words no title has gives the findings under it no question, said")
    func otherWords() throws {
        let (original, changed) = try withHeadings { _, heading in heading == Self.headings[1] ? "Protecting vulnerable people" : heading }
        let protecting = original.findings.filter { $0.question == .protectingVulnerable }
        #expect(protecting.count == 3)
        #expect(changed.findings.filter { $0.question == nil }.map(\.text) == protecting.map(\.text))
        #expect(changed.findings.filter { $0.question != nil } == original.findings.filter { $0.question != .protectingVulnerable })
        #expect(changed.problems.filter { $0.message.contains("under the heading \"Protecting vulnerable people\"") }.count == 3)
    }
}
