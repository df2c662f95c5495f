@testable import PeelReport
import PeelText
import PeelTestSupport
import Testing

/// Where a report's title page starts again (the same text twice in one entry): its title line, then its subtitle.
/// Lines are compared as Strings compare them (canonical equivalence), though most are passed over on their length.
struct TitlePageRepeatTests {
    private func lines(_ texts: [String]) -> NormalisedLines {
        NormalisedLines(texts.enumerated().map { NormalisedLine(number: $0.offset + 1, text: $0.element) })
    }

    private func title(_ line: String) -> TitlePage.Title {
        TitlePage.Title(type: .force, pillar: .effectiveness, year: 2015, title: line, line: 1, subject: "Kent", subjectLine: 2)
    }

    /// Where the report's own title page stands again, if it does.
    private func repeatAt(_ text: NormalisedLines) -> Int? {
        let again = TitlePage.titlePageAgain(after: title(text[0].text), in: text)
        return again?.isOwn == true ? again?.index : nil
    }

    @Test("the title again, byte for byte, then its subtitle: found where it starts")
    func sameBytes() {
        let text = lines(["PEEL: Police effectiveness 2015", "An inspection of Kent", "Text.", "PEEL: Police effectiveness 2015!",
                          "PEEL: Police effectiveness 201", "PEEL: Police effectiveness 2015", "", "An inspection of Kent"])
        #expect(repeatAt(text) == 5)
    }

    @Test("a title spelt with a Kelvin sign for its K is the same title, though longer in bytes")
    func canonicallyEqual() {
        let text = lines(["THE KENT 2015", "An inspection of Kent", "Text.", "THE \u{212A}ENT 2015", "An inspection of Kent"])
        #expect(text[3].text.utf8.count != text[0].text.utf8.count)
        #expect(repeatAt(text) == 3)
    }

    /// Lines are passed over on their first two bytes: a title spelt another way there is still found, and a line that
    /// differs there in ASCII is not the title.
    @Test("a title whose first or second letter is spelt another way (a Kelvin sign, a decomposed letter) is the same title", arguments: [
        (["KENT 2015", "An inspection of Kent", "Text.", "\u{212A}ENT 2015", "An inspection of Kent"], 3),
        (["\u{C5}LAND 2015", "An inspection of Kent", "A\u{30A}LAND 2015", "An inspection of Kent"], 2),
        (["SKY 2015", "An inspection of Kent", "Text.", "S\u{212A}Y 2015", "An inspection of Kent"], 3),
        (["S\u{C5}LAND 2015", "An inspection of Kent", "SA\u{30A}LAND 2015", "An inspection of Kent"], 2),
        // The same first letter and a different ASCII second one: not the title.
        (["SKY 2015", "An inspection of Kent", "SHY 2015", "An inspection of Kent"], nil),
    ] as [([String], Int?)])
    func canonicallyEqualOpening(texts: [String], expected: Int?) {
        let text = lines(texts)
        #expect(repeatAt(text) == expected)
    }

    @Test("no copy: nil")
    func none() {
        let text = lines(["PEEL: Police effectiveness 2015", "An inspection of Kent", "PEEL: Police effectiveness 2015", "Other text"])
        #expect(repeatAt(text) == nil)
    }
}

/// Before: a cover date in any other words was passed over, and the first "Force in numbers" label's "June 2017" taken
/// for the publication month.
@Suite("The month of publication")
struct PublicationMonthTests {
    @Test("is read from the cover's date line in its common wordings, and never from after the contents", arguments: [
        ("Published March 2018", "2018-03"), ("27 March 2018", "2018-03"), ("March, 2018", "2018-03"), ("Mar 2018", "2018-03"),
        ("Published on 1 March 2018", "2018-03"), ("Spring 2018", nil), ("", nil),
    ] as [(String, String?)])
    func coverDate(line: String, published: String?) throws {
        let text = String(decoding: Fixtures.sample(gwent), as: UTF8.self)
        #expect(try parse(Array(text.utf8)).published == "2018-03")
        #expect(text.contains("\n\nMarch 2018\n\n") && text.contains("\nJune 2017\n"))
        #expect(try parse(Array(text.replacingOccurrences(of: "\n\nMarch 2018\n\n", with: "\n\n\(line)\n\n").utf8)).published == published)
    }
}
