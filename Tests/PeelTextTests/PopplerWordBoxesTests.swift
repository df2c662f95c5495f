import PeelText
import Testing

/// Poppler's words with their boxes (`pdftotext -bbox`, `-bbox-layout`), laid out as `pdftotext -layout` prints a page.
@Suite("Words with their boxes, laid out")
struct PopplerWordBoxesTests {
    private func word(_ text: String, _ xMin: Double, _ yMin: Double, _ xMax: Double, _ yMax: Double) -> String {
        "<word xMin=\"\(xMin)\" yMin=\"\(yMin)\" xMax=\"\(xMax)\" yMax=\"\(yMax)\">\(text)</word>"
    }

    @Test("lines by their boxes' heights, words a space apart, columns apart, a raised number against its word, pages")
    func layout() throws {
        // Words 6 points a character, a normal gap 3 points; a table's second column at x = 200.
        let page1 = [
            word("Overall", 50, 100, 92, 112), word("judgment", 95, 100, 143, 112), word("1", 143.5, 97, 147, 105),
            word("Force", 50, 130, 80, 142), word("Grade", 200, 130, 230, 142),
            word("Avon", 50, 145, 74, 157), word("&amp;", 77, 145, 83, 157), word("Somerset", 86, 145, 134, 157),
            word("Good", 200, 145, 224, 157),
            word("Bedfordshire", 50, 160, 122, 172), word("Requires", 200, 160, 248, 172),
            word("improvement", 200, 175, 266, 187),
        ].joined(separator: "\n")
        let page2 = [word("It&apos;s", 50, 100, 74, 112), word("next.", 77, 100, 107, 112)].joined(separator: "\n")
        let html = """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
            <head><title>t</title></head>
            <body>
            <doc>
              <page width="595" height="842">
            \(page1)
              </page>
              <page width="595" height="842">
            \(page2)
              </page>
            </doc>
            </body>
            </html>
            """
        let decoded = try #require(HTMLText.textIfHTML(try TextDecoder.decode(Array(html.utf8))))
        let lines = decoded.lines.map { (number: $0.number, text: decoded.string($0)) }
        // Column 25 for x = 200: (200 - 50) / 6 points a character.
        #expect(lines.map(\.text) == [
            "Overall judgment1",
            "",
            "Force" + String(repeating: " ", count: 20) + "Grade",
            "Avon & Somerset" + String(repeating: " ", count: 10) + "Good",
            "Bedfordshire" + String(repeating: " ", count: 13) + "Requires",
            String(repeating: " ", count: 25) + "improvement",
            "\u{0C}It's next.",
        ])
        // Each line names the source line of its first word.
        #expect(lines.map(\.number) == [6, 9, 9, 11, 15, 17, 20])
    }

    @Test("boxes no page has (not numbers, infinite, beyond any page) are passed over; one far off the page is set at the line's widest")
    func hostileBoxes() throws {
        let words = [word("Good", 50, 100, 74, 112), word("far", 90_000, 100, 90_018, 112), word("beyond", 1e300, 100, 1e300, 112),
                     word("huge", 60, -1e308, 84, 1e308),
                     "<word xMin=\"nan\" yMin=\"1\" xMax=\"2\" yMax=\"3\">lost</word>",
                     "<word xMin=\"inf\" yMin=\"1\" xMax=\"2\" yMax=\"3\">lost</word>", "<word xMin=\"1\">unclosed"]
        let html = "<!DOCTYPE html><html><body><doc><page width=\"595\" height=\"842\">\n" + words.joined(separator: "\n") + "\n</page></doc></body></html>"
        let decoded = try #require(HTMLText.textIfHTML(try TextDecoder.decode(Array(html.utf8))))
        let lines = decoded.lines.map { decoded.string($0) }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Good  ") == true && lines.first?.hasSuffix(" far") == true)
        #expect((lines.first?.count ?? 0) <= 1003)
    }

    @Test("an HTML page without word boxes is read as a page, and one with a <doc> but no words too")
    func otherHTML() throws {
        let html = "<!DOCTYPE html><html><body><doc><p>Force in numbers</p><p>word xMin</p></doc></body></html>"
        let decoded = try #require(HTMLText.textIfHTML(try TextDecoder.decode(Array(html.utf8))))
        #expect(decoded.lines.map { decoded.string($0) } == ["Force in numbers", "word xMin"])
    }
}
