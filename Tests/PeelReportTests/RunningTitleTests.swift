@testable import PeelReport
import PeelLayout
import PeelTestSupport
import PeelText
import Testing

/// Running headers that no page break or page number marks, known by the report's title words or the inspectorate's
/// name where they stand three times a page apart (the whole title once, the inspectorate's name twice); the report's
/// own headings, labels and values are never taken.
struct RunningTitleTests {
    /// The running titles `TitlePage.runningTitles` finds in the text of these lines, as indices of its lines.
    private func runningTitles(_ texts: [String]) throws -> Set<Int> {
        let decoded = try TextDecoder.decode(Array(texts.joined(separator: "\n").utf8))
        let lines = NormalisedText(decoded).lines
        #expect(lines.count == texts.count)
        return TitlePage.runningTitles(title, in: lines)
    }

    private let title = TitlePage.Title(type: .force, pillar: .effectiveness, year: 2015, title: "PEEL: Police effectiveness 2015",
                                        line: 1, subject: "Kent", subjectLine: 2)

    /// `page` lines of prose, numbered from `from`, each a sentence cut by the wrap.
    private func prose(_ count: Int, from: Int) -> [String] { (0..<count).map { "the force has made line \(from + $0) of its plan and" } }

    @Test("a title line every page, a year-and-PEEL footer, the inspectorate's name: found; the title page's own lines are not")
    func found() throws {
        var texts = ["PEEL: Police effectiveness 2015", "An inspection of Kent Police"]
        for page in 0..<6 {
            texts += prose(6, from: page * 6)
            texts.append(page % 2 == 0 ? "PEEL: Police effectiveness 2015 \u{2013} Kent Police" : "HMIC")
            texts.append("Kent Police | PEEL 2015 | page \(page + 1)")
        }
        #expect(try runningTitles(texts) == Set(texts.indices.filter { $0 >= 2 && !texts[$0].hasPrefix("the force") }))
    }

    @Test("headings, labels and lines that name the year only, or stand fewer than three times a page apart, stay", arguments: [
        // The report's headings and Force in numbers labels repeat, a page apart, but are not made of title words.
        ["Areas for improvement", "Kent Police", "England and Wales", "Good"],
        // The year without PEEL or the pillar: a period.
        ["12 months to 31 March 2015"],
        // Twice only (the five pages cycle through the list), a line with a word beside the title's.
        ["Kent Police \u{2013} PEEL effectiveness report 2015", "Text.", "Text.", "Text.", "Kent Police \u{2013} PEEL effectiveness report 2015"],
        // The inspectorate's name once; the whole title, but for a word ("found"), in a wrapped sentence.
        ["HMIC", "Text.", "Text.", "Text.", "Text."],
        ["PEEL: Police effectiveness 2015 \u{2013} Kent Police found", "Text.", "Text.", "Text.", "Text."],
        // Another year's report named (a reference), and a paragraph that names the report.
        ["PEEL: Police effectiveness 2014 \u{2013} Kent Police",
         String(repeating: "In PEEL 2015 HMIC found that the force was good at preventing crime and keeping people safe. ", count: 2)],
    ])
    func stay(repeated: [String]) throws {
        var texts = ["PEEL: Police effectiveness 2015", "An inspection of Kent Police"]
        for page in 0..<5 {
            texts += prose(6, from: page * 6)
            texts.append(repeated[page % repeated.count])
        }
        #expect(try runningTitles(texts).isEmpty)
    }

    @Test("the whole running title once, the inspectorate's name twice a page apart: found (a short report has few pages)")
    func wholeTitleOnce() throws {
        let texts = ["PEEL: Police effectiveness 2015", "An inspection of Kent Police"] + prose(5, from: 0) + ["PEEL: Police effectiveness 2015 \u{2013} Kent Police 7"]
            + prose(5, from: 5) + ["HMIC"] + prose(5, from: 10) + ["HMIC"] + prose(5, from: 15)
        #expect(try runningTitles(texts) == [7, 13, 19])
    }

    @Test("three times, but not a page apart: stays; a page apart: found")
    func pageApart() throws {
        let header = "Kent Police \u{2013} PEEL effectiveness report 2015"
        let close = ["PEEL: Police effectiveness 2015", "An inspection of Kent Police", header, "a", header, "b", header] + prose(20, from: 0)
        #expect(try runningTitles(close).isEmpty)
        let apart = ["PEEL: Police effectiveness 2015", "An inspection of Kent Police", header] + prose(5, from: 0) + [header] + prose(5, from: 5) + [header]
        #expect(try runningTitles(apart) == [2, 8, 14])
    }

    /// pdfminer.six with `boxes_flow=-0.5` set the running title between a Force in numbers label ("… 12 months to 30 June"
    /// / "2017") and its values, a page's middle, where the form feeds' edges do not reach.
    @Test("with form feeds: the whole title inside a page is found; a header of title words that needs three pages is left to the pages' edges")
    func pagedText() throws {
        let whole = "PEEL: Police effectiveness 2015 \u{2013} Kent Police", header = "Kent Police \u{2013} PEEL effectiveness report 2015"
        var texts = ["PEEL: Police effectiveness 2015", "An inspection of Kent Police"]
        for page in 0..<4 {
            let lines = prose(6, from: page * 6)
            texts += ["\u{0C}" + lines[0]] + lines[1..<3] + [page == 1 ? whole : header] + lines[3...]
        }
        #expect(try runningTitles(texts) == [12])
    }

    @Test("a header between a question and its grade, in a list and in the national table: the report reads as without it")
    func reportReadsOn() throws {
        for name in Fixtures.sampleNames {
            let sample = try parseSample(name)
            for every in [23, 41] {
                let variant = try parse(Layout.headersInline(every: every)(Fixtures.sample(name)))
                let comparison = CoverageComparison(sample: sample, variant: variant)
                #expect(comparison.wrongCount == 0 && comparison.missingCount == 0, "\(name) every \(every)")
                #expect(!variant.findings.contains { $0.text.contains("PEEL: Police effectiveness") }, "\(name) every \(every)")
            }
        }
    }
}
