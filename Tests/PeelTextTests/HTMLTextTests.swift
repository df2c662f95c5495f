import PeelText
import Testing

/// The text an HTML document shows, line by line: each line's source line number, then its text.
private func shown(_ html: String) throws -> [(Int, String)] {
    let decoded = try TextDecoder.decode(Array(html.utf8))
    let text = try #require(HTMLText.textIfHTML(decoded), "not read as HTML")
    return text.lines.map { ($0.number, text.string($0)) }
}

private func shownLines(_ html: String) throws -> [String] {
    try shown(html).map(\.1)
}

@Suite("HTML documents read as the text they show")
struct HTMLTextTests {
    @Test("an HTML document is told by its first markup; text that merely holds tags is not one",
          arguments: [
              ("<!DOCTYPE html>\n<html><body><p>x</p></body></html>", true),
              ("  \n<!doctype HTML><p>x", true),
              ("<html lang=\"en\"><body>x</body></html>", true),
              ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\">\n<html>", true),
              ("<!-- saved from url=(0042)https://www.justiceinspectorates.gov.uk/ -->\n<html>", true),
              ("<b>Avon and Somerset</b>\tGood\tRequires improvement", false),
              ("PEEL: Police effectiveness 2015<sup>1</sup>\n<html> is a tag", false),
              ("<htmlish>", false),
              ("<?xml version=\"1.0\"?><!DOCTYPE pdf2xml SYSTEM \"pdf2xml.dtd\"><pdf2xml>", false),
          ])
    func detection(html: String, isHTML: Bool) throws {
        #expect(HTMLText.isHTML(try TextDecoder.decode(Array(html.utf8))) == isHTML)
    }

    @Test("head, scripts, styles and navigation are no text; white space runs are one space; blocks end lines")
    func blocksAndSpace() throws {
        let html = """
        <!DOCTYPE html>
        <html><head><title>PEEL: Police effectiveness 2015</title>
        <style>p { margin: 0 }</style><script>if (a < b) { document.write("<p>no</p>") }</script></head>
        <body><nav><a href="/">Home</a> <a href="/peel">PEEL</a></nav>
        <h1>Force   in
        numbers</h1><p>Calls for assistance<br/>per 1,000 population</p><div>Wiltshire Police</div>
        <p>48</p></body></html>
        """
        #expect(try shownLines(html) == ["Force in numbers", "", "Calls for assistance", "per 1,000 population", "Wiltshire Police", "48"])
    }

    @Test("each line keeps the source line its first character came from")
    func sourceLines() throws {
        let html = "<!DOCTYPE html>\n<html>\n<body>\n<p>first\nparagraph</p>\n\n<p>\nsecond</p>\n<!-- a\ncomment -->\n<p>third</p>"
        let lines = try shown(html)
        #expect(lines.map(\.1) == ["first paragraph", "second", "third"])
        #expect(lines.map(\.0) == [4, 8, 11])
    }

    @Test("character references become their characters; an unknown one, or a bare &, stays as written")
    func references() throws {
        let html = "<html><p>Rates&#160;per&nbsp;1,000 &ndash; 12&#x2013;13 &amp; &lt;b&gt; &pound;5 &unknown; R&amp;D &copy &#0;x &#xD800;y&shy;z</p>"
        #expect(try shownLines(html) == ["Rates\u{A0}per\u{A0}1,000 \u{2013} 12\u{2013}13 & <b> \u{A3}5 &unknown; R&D &copy \u{FFFD}x \u{FFFD}yz"])
    }

    @Test("a < that opens no tag is text")
    func bareAngle() throws {
        #expect(try shownLines("<html><p>5 < 7 and a <3 heart</p>") == ["5 < 7 and a <3 heart"])
    }

    @Test("table cells in a row are separated by tabs, an empty cell kept as an empty column")
    func tables() throws {
        let html = """
        <html><table><thead><tr><th>Force</th><th>Q1</th><th>Q2</th></tr></thead>
        <tbody><tr><td><b>Avon and Somerset</b></td><td>Good</td><td>Requires improvement</td></tr>
        <tr><td>Bedfordshire</td><td></td><td>Good</td></tr></tbody></table><p>After</p>
        """
        #expect(try shownLines(html) == ["Force\tQ1\tQ2", "Avon and Somerset\tGood\tRequires improvement", "Bedfordshire\t\tGood", "", "After"])
    }

    @Test("a short cell's paragraphs stay on its row's line; a page laid out in a table keeps its lines")
    func cellsWithParagraphs() throws {
        let html = """
        <html><table><tr><td><p>Avon and</p><p>Somerset</p></td><td><p>Good</p></td><td>Requires<br>improvement</td></tr></table>
        <table><tr><td><h1>PEEL: Police effectiveness 2015</h1><p>An inspection of Wiltshire Police</p>\(String(repeating: "<p>More text.</p>", count: 300))</td></tr></table>
        """
        let lines = try shownLines(html)
        #expect(lines.prefix(4) == ["Avon and Somerset\tGood\tRequires improvement", "", "PEEL: Police effectiveness 2015", ""])
        #expect(lines[4] == "An inspection of Wiltshire Police")
        #expect(lines.count == 5 + 300)
    }

    @Test("list items start with their bullet or number; a rule is a line of its own")
    func listsAndRules() throws {
        let html = """
        <html><p>The force should improve by:</p><ul><li>understanding its arrest rate;</li><li>clarifying roles.</li></ul>
        <ol><li>One</li><li>Two<ol><li>Inner</li></ol></li></ol><hr/><p><sup>87</sup> A footnote.</p>
        """
        #expect(try shownLines(html) == ["The force should improve by:", "", "\u{2022} understanding its arrest rate;", "\u{2022} clarifying roles.", "",
                                          "1. One", "2. Two", "", "1. Inner", "", "---", "", "<sup>87</sup> A footnote."])
    }

    @Test("a list of links into the document (pdftohtml's outline) is not text; other lists of links are")
    func outlines() throws {
        let html = """
        <html><p>Text</p><ul><li><a href="report.html#5">Force in numbers</a></li>
        <ul><li><a href="report.html#6"><b>Areas for improvement</b></a></li></ul></ul>
        <ul><li><a href="https://www.gov.uk/">GOV.UK</a></li></ul><ul><li><a href="#x">Linked</a> and more</li></ul>
        """
        #expect(try shownLines(html) == ["Text", "", "\u{2022} GOV.UK", "", "\u{2022} Linked and more"])
    }

    @Test("lists nested without end, cells without end and tags without end cost a few readings of the document",
          .timeLimit(.minutes(10)))
    func hostileNesting() throws {
        // Each list looking ahead over all the lists inside it took hours here; bounded, the whole takes moments (some
        // 3 s alone in a debug build). The limit is for hours, not seconds: beside the coverage test on two busy cores it
        // took over a minute.
        let lists = try shownLines("<html>" + String(repeating: "<ul><li><a href=\"#1\">x</a>", count: 100_000))
        #expect(lists.filter { $0 == "\u{2022} x" }.count == 100_000)
        #expect(try shownLines("<html>" + String(repeating: "<table><tr><td>", count: 100_000)).isEmpty)
        #expect(try shownLines("<html>" + String(repeating: "<!-- <p> ", count: 100_000)).isEmpty)
        #expect(try shownLines("<html><p>" + String(repeating: "&amp", count: 100_000)) == [String(repeating: "&amp", count: 100_000)])
    }

    @Test("pdftohtml's pages start with a form feed, whether marked by comments, anchors or a rule and an anchor")
    func pages() throws {
        let single = """
        <!DOCTYPE html><html><body>
        <!-- Page 1 -->
        <a name="1"></a><div><p>PEEL: Police effectiveness 2015</p><p>1</p></div>
        <!-- Page 2 -->
        <a name="2"></a><div><p>Force in numbers</p></div></body></html>
        """
        #expect(try shownLines(single) == ["PEEL: Police effectiveness 2015", "1", "\u{0C}Force in numbers"])
        let pages = "<html><body>\n<a name=1></a>First page<br/>\n1<br/>\n<hr/>\n<a name=2></a>Second page<br/>\n2<br/>\n<hr/>\n</body></html>"
        #expect(try shownLines(pages) == ["First page", "1", "\u{0C}Second page", "2", "", "---"])
    }

    @Test("a block that opens with a closing mark goes on the line before it (pdftohtml -c places a bold run apart), and no space stands before one")
    func closingMarks() throws {
        let html = """
        <html><p style="position:absolute;top:656px;left:85px"><b>By&#160;1&#160;December&#160;2016</b></p>
        <p style="position:absolute;top:656px;left:246px">,&#160;the&#160;NPCC&#160;should</p>
        <p>Victims of Crime</p><p>). Next</p><p>.5 is a number</p><p><strong>By 30 June 2016</strong> , the board <em>Crime</em> ).</p>
        """
        #expect(try shownLines(html) == ["By\u{A0}1\u{A0}December\u{A0}2016,\u{A0}the\u{A0}NPCC\u{A0}should", "Victims of Crime). Next", ".5 is a number",
                                          "By 30 June 2016, the board Crime)."])
    }

    @Test("<pre> keeps its lines; a footnote's <sup> keeps its marks for the line cleaner")
    func preformatted() throws {
        let html = "<html><pre>Force    Grade\nGwent    Good</pre><p>rate<sup>12</sup> of 31.9</p>"
        #expect(try shownLines(html) == ["Force    Grade", "Gwent    Good", "", "rate<sup>12</sup> of 31.9"])
    }

    @Test("an unclosed script hides the rest, as a browser shows it; nothing else is lost")
    func unclosed() throws {
        #expect(try shownLines("<html><p>Before</p><script>var x = '<p>'") == ["Before"])
        #expect(try shownLines("<html><p>Unclosed <b>bold and <i>italic") == ["Unclosed bold and italic"])
    }
}
