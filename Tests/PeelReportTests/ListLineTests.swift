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
        for marker in ["- ", "+ ", "• ", "* ", "– ", "· ", "▪ ", "◦ ", "▫ ", "■ ", "□ ", "● ", "○ ", "‣ ", "⁃ ", "∙ "] where text.hasPrefix(marker) {
            return String(text.dropFirst(marker.count)).trimmingCharacters(in: " ")
        }
        // A word processor's symbol-font bullets as extraction gives them, before a capital only.
        for glyph in ["o", "§"] where text.hasPrefix(glyph + " ") {
            let rest = text.dropFirst(glyph.count).drop { $0 == " " }
            guard let first = rest.unicodeScalars.first, ("A"..."Z").contains(first) else { return nil }
            return String(rest).trimmingCharacters(in: " ")
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
                        "Preventing crime and tackling anti-social behaviour", "The force should", "- ", "+ ", "• ", "* ", "– ", "· ", "▪ ", "◦ ", "● ",
                        "‣ ", "▪", "‘quoted’ ", "“",
                        "\u{0387} ", "\u{2022}\u{0301} ", "-", "•", "+", "+13%", "Résumé", "İnadequate", "\u{212A}ey",
                        "o ", "o", "o  ", "of ", "§ ", "§", "§1 "]
        let tails = ["", "", "2", "12", " ", " and wider work with partners across the county, so that victims are kept informed", "?3",
                     " of the findings", "é", ".", "1234", "The force should", "Éire", "12 The"]
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

@Suite("A list item in text with no blank lines (PyMuPDF's text of a justified page)")
struct UnspacedItemTests {
    /// PyMuPDF's `get_text()` of the Wiltshire sample set justified and hyphenated on A4 (`make-extractions.py
    /// justified`'s PDF): the prose above the list runs wider than the item's lines, with no blank line between, and the
    /// item's first sentence ends a line that was full at the item's width. The footnote under it follows at once.
    private static let text = excerpt.replacing("people safe.\n", with: "people safe.\n" + String(repeating: filler, count: 30))
    private static let excerpt = """
        ficers working with developers to design out crime in new buildings and developments and officers
        working with trading standards staff to reduce anti-social behaviour by stopping under-age alcohol
        sales. This also includes multi-agency days of action with police, vehicle licensing staff, local au-
        thority staff and customs and excise officers working together to tackle the illegal use of vehicles.
        Powers to tackle anti-social behaviour are used effectively, for example to address street drinking
        in Trowbridge and Salisbury and for the closure of premises used in the illegal supply of drugs (Op-
        eration Dissipate).
        The force also holds structured multi-agency problem-solving meetings across the force area, such
        as local neighbourhood tasking groups, which are attended by partners and members of the local
        community. At a more strategic level there is a county-wide anti-social behaviour risk assessment
        conference (ASBRAC) which is chaired by a senior officer from the local authority and meets
        monthly. This meeting prioritises and co-ordinates multi-agency resources and responses county
        wide to tackle high level and persistent cases of anti-social behaviour and low level crime. One ex-
        ample of the effectiveness of the ASBRAC was the referral to the meeting of a 13 year old boy with
        severe behavioural difficulties and for whom there were concerns that he would be drawn into a life
        of crime. Through the resources available to the meeting, support was provided to the individual,
        prior to his becoming involved in criminality.
        Summary of findings
        Good
        Wiltshire Police is good at preventing crime and anti-social behaviour and keeping people safe.
        This is consistent with HMIC's crime inspection in 2014 when the force was judged to be good at
        reducing crime and preventing offending and good at tackling anti-social behaviour.7
        13
        \u{0C}PEEL: Police effectiveness 2015 – Wiltshire Police
        The force priorities demonstrate a strong commitment to reduce crime and anti-social behaviour,
        protect the vulnerable and reduce offending. This is well-understood by staff at all levels but in par-
        ticular by those involved in neighbourhood policing.
        The force is committed to neighbourhood policing and neighbourhood teams work effectively with
        partner agencies to prevent crime and anti-social behaviour in local communities. The force is cur-
        rently piloting a new community policing model to further consolidate this. Staff are trained appro-
        priately and use a range of powers and tactics to tackle crime and anti-social behaviour and keep
        people safe.
        Evaluation of what works is conducted well at a strategic level. There is room for improvement in
        the way that the force understands and shares information about effective problem solving meth-
        ods at a local level.
        Areas for improvement
        •
        The force should use evidence of 'what works' drawn from other forces, academics and part-
        ners to improve continually its approach to the prevention of crime and anti-social behaviour.
        There needs to be routine evaluation of tactics and sharing of effective practice.
        7 *Crime Inspection 2014 – Wiltshire Police*, HMIC, November 2014. Available from: www.justiceinspectorates.gov.uk/
        hmic/wp-content/uploads/wiltshire-crime-inspection-2014.pdf
        How effective is the force at investigating crime and managing offend-
        """

    /// The rest of the page's prose, set above the list with no blank line, a line of 111 bytes (curly quotes and dashes,
    /// three bytes each, made the page's lines as long in bytes): the text's wrap width, wider than the item's lines.
    private static let filler = String(repeating: "prose ", count: 18) + "and\n"

    @Test("is measured by its own lines (from its bullet to the footnote), not by the prose above it: it goes on past the sentence's end")
    func measuredByItsOwnLines() throws {
        var report = Report(reportType: .force)
        FindingExtractor.extract(NormalisedText(try TextDecoder.decode(Array(Self.text.utf8))).lines, into: &report)
        #expect(report.findings.map { $0.text } == ["The force should use evidence of 'what works' drawn from other forces, academics and partners to improve "
            + "continually its approach to the prevention of crime and anti-social behaviour. There needs to be routine evaluation of tactics "
            + "and sharing of effective practice."])
    }
}

@Suite("A list item on a narrow page (pdftotext -layout of an A5 page)")
struct NarrowItemTests {
    private static let layout = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2015-wiltshire.layout.txt"
    private static let item = "The force should use evidence of 'what works' drawn from other forces, academics and partners to improve continually its approach to the prevention of crime and anti-social behaviour. There needs to be routine evaluation of tactics and sharing of effective practice."

    /// The item's sentence ends where its indented lines are full, though the page's text runs wider; a footnote's
    /// number and the footnote, at the page's width, follow with no blank line.
    @Test("goes on past a sentence's end where its own lines are full, the footnote under it not counted as its width")
    func sentenceEndAtItsWidth() throws {
        let text = String(decoding: try readBytes(Self.layout), as: UTF8.self)
        let printed = "\u{2022}   The force should use evidence of 'what works' drawn from other forces, academics and\n"
            + "    partners to improve continually its approach to the prevention of crime and anti-social\n"
            + "    behaviour. There needs to be routine evaluation of tactics and sharing of effective practice.\n7\n"
        #expect(text.contains(printed))
        let narrow = "\u{2022}   The force should use evidence of 'what works' drawn from other\n"
            + "    forces, academics and partners to improve continually its\n"
            + "    approach to the prevention of crime and anti-social behaviour.\n"
            + "    There needs to be routine evaluation of tactics and sharing of\n"
            + "    effective practice.\n7\n"
        let findings = try parse(Array(text.replacingOccurrences(of: printed, with: narrow).utf8)).findings.map(\.text)
        #expect(findings.contains(Self.item))
        // The item's lines as wide as the footnote's: the sentence's end left room for the next word, and the item ends.
        let roomLeft = narrow.replacingOccurrences(of: "from other\n    forces, academics and partners", with: "from other forces, academics and\n    partners")
        let shorter = try parse(Array(text.replacingOccurrences(of: printed, with: roomLeft).utf8)).findings.map(\.text)
        #expect(!shorter.contains(Self.item))
    }
}

@Suite("The text's wrap width")
struct WrapWidthTests {
    private func width(_ lengths: [Int]) -> Int? {
        WrapWidth(NormalisedLines(lengths.enumerated().map { NormalisedLine(number: $0.offset + 1, text: String(repeating: "w", count: $0.element)) })).width
    }

    /// LibreOffice's 14-point text (lines of 60 to 79 bytes) over footnotes and tables in 9 point (95 to 115 bytes, one
    /// line in twelve), as `pdftotext` gives them; seeded lengths.
    @Test("is the body's where one line in twelve is set wider, smaller; none where paragraphs run unwrapped")
    func twoWidths() {
        let seed: UInt64 = 0x14_09
        print("WrapWidthTests seed \(seed)")
        var generator = SplitMix(seed: seed)
        var lengths: [Int] = []
        for index in 0..<800 {
            lengths.append(index % 12 == 0 ? Int.random(in: 95...115, using: &generator)
                           : index % 5 == 0 ? Int.random(in: 10...50, using: &generator) : Int.random(in: 60...79, using: &generator))
        }
        let body = width(lengths)
        #expect(body.map { (75...79).contains($0) } == true, "seed \(seed): \(String(describing: body))")
        // The same with one line in two hundred past any wrap width (a URL run on): still the body's.
        #expect(width(lengths.enumerated().map { $0.offset % 200 == 1 ? 240 : $0.element }) == body, "seed \(seed)")
        // Paragraphs each printed on one line, one in ten past 200 bytes: no wrap width.
        #expect(width(lengths.enumerated().map { $0.offset % 10 == 1 ? 400 : $0.element }) == nil, "seed \(seed)")
    }

    /// Plain `pdftotext` of a justified, hyphenated page: a line that ends in a broken word is joined to the next, one
    /// line in six twice as wide or so (a full line and the next, whole or part), one in forty three lines; seeded lengths.
    @Test("is the lines' own where one in six is two of them joined; none where the wide lines are paragraphs unwrapped")
    func joinedLines() {
        let seed: UInt64 = 0x6A_0E
        print("WrapWidthTests seed \(seed)")
        var generator = SplitMix(seed: seed)
        var lengths: [Int] = []
        for index in 0..<900 {
            let full = Int.random(in: 88...100, using: &generator)
            lengths.append(index % 40 == 0 ? full + 1 + full + 1 + Int.random(in: 20...100, using: &generator)
                           : index % 6 == 0 ? full + 1 + Int.random(in: 20...100, using: &generator)
                           : index % 5 == 0 ? Int.random(in: 10...50, using: &generator) : full)
        }
        let joined = width(lengths)
        #expect(joined.map { (88...100).contains($0) } == true, "seed \(seed): \(String(describing: joined))")
        // The wide lines three times the width or more, as many as the joined ones were: paragraphs, no wrap width.
        #expect(width(lengths.enumerated().map { $0.offset % 6 == 0 ? 300 + $0.offset % 400 : $0.element }) == nil, "seed \(seed)")
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

@Suite("A list's glyphs printed together before its items (pdfminer's reading order)")
struct StackedGlyphTests {
    private static let pdfminer = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2017-west-mercia.pdfminer.txt"
    /// Its preventing-crime areas for improvement: three glyphs alone on their lines, then the three items, a paragraph each.
    private static let glyphs = "Areas for improvement\n\n•\n\n•\n\n•\n\n"
    private static let items = [
        "The force should ensure that local policing teams routinely engage with local communities and undertake structured problem solving with partner organisations to prevent crime and anti-social behaviour.",
        "The force should evaluate and share effective practice routinely, both internally and with partner organisations, to improve its approach to the prevention of crime and anti-social behaviour.",
        "The force should work with local people and partner organisations to improve its understanding of local communities, to understand their needs. It should supplement this with focused analysis to inform activity and prioritisation.",
    ]

    private func preventingAreas(_ replacing: (String) -> String = { $0 }) throws -> [String] {
        let text = String(decoding: try readBytes(Self.pdfminer), as: UTF8.self)
        #expect(text.contains(Self.glyphs + "The force should ensure that local policing"))
        return try parse(Array(replacing(text).utf8)).findings
            .filter { $0.question == .preventingCrime && $0.kind == .areaForImprovement }.map(\.text)
    }

    @Test("as many paragraphs as glyphs are items, each whole")
    func read() throws {
        #expect(try preventingAreas() == Self.items)
    }

    @Test("a paragraph no glyph owes, or one that opens unlike the first item, is not an item")
    func bounded() throws {
        // Two glyphs: the third paragraph is not taken.
        let twoGlyphs = try preventingAreas { $0.replacingOccurrences(of: Self.glyphs, with: "Areas for improvement\n\n•\n\n•\n\n") }
        #expect(twoGlyphs == Array(Self.items.prefix(2)))
        // The second paragraph opens otherwise: the list ends before it, and no item holds its words.
        let otherOpening = try preventingAreas {
            $0.replacingOccurrences(of: "The force should evaluate and share", with: "We found that it does evaluate and share")
        }
        #expect(otherOpening == Array(Self.items.prefix(1)))
    }
}

@Suite("A list item cut by a page break in text whose paragraphs are a line each (pymupdf4llm)")
struct PageBreakInUnwrappedItemTests {
    private static let markdown = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2017-west-mercia.pymupdf4llm.md"
    /// Its first serious-organised-crime recommendation runs over the page's number and running header.
    private static let item = "engage routinely with partner agencies at a senior level to establish intelligence sharing arrangements and an effective, multi-agency response to serious and organised crime. This should include the creation of a local profile for serious and organised crime which provides the force and its partners with a single, comprehensive picture of the threat;"

    private func recommendations(_ replacing: (String) -> String = { $0 }) throws -> [String] {
        let text = String(decoding: try readBytes(Self.markdown), as: UTF8.self)
        #expect(text.contains("crime. This \n\n13 \n\nPEEL: Police effectiveness 2017 – West Mercia Police \n\nshould include the creation"))
        return try parse(Array(replacing(text).utf8)).findings.filter { $0.kind == .recommendation }.map(\.text)
    }

    @Test("the item runs on past the page's furniture where it stopped mid-sentence and goes on in lower case")
    func joined() throws {
        let read = try recommendations()
        #expect(read.first == Self.item)
        #expect(read.count == 5)
    }

    @Test("without the page's furniture, a blank line alone between them, they are joined; before a line in upper case they are not")
    func notJoined() throws {
        // The furniture gone, the item still stopped mid-sentence ("… crime. This") and goes on in lower case, as no
        // paragraph opens (before, the item ended at "This", a text the report does not print).
        let noBreak = try recommendations {
            $0.replacingOccurrences(of: "crime. This \n\n13 \n\nPEEL: Police effectiveness 2017 – West Mercia Police \n\n", with: "crime. This \n\n")
        }
        #expect(noBreak.first == Self.item)
        #expect(!noBreak.contains { $0.hasPrefix("should include") })
        let upper = try recommendations { $0.replacingOccurrences(of: "\nshould include the creation", with: "\nShould include the creation") }
        #expect(!upper.contains { $0.contains("This Should include") })
    }
}

@Suite("A list of parts in lower case whose glyphs stand elsewhere (pdfminer's reading order)")
struct LowercasePartsTests {
    private static let pdfminer = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2017-west-mercia.pdfminer.txt"
    private static let openings = ["engage routinely", "ensure that it maps", "assign capable lead", "identify those at risk", "begin to measure"]

    private func recommendations(_ replacing: (String) -> String = { $0 }) throws -> [String] {
        let text = String(decoding: try readBytes(Self.pdfminer), as: UTF8.self)
        return try parse(Array(replacing(text).utf8)).findings.filter { $0.kind == .recommendation }.map(\.text)
    }

    @Test("after a part that ended, a paragraph in lower case is the next part")
    func read() throws {
        let read = try recommendations()
        #expect(read.count == 5)
        #expect(zip(read, Self.openings).allSatisfy { $0.hasPrefix($1) })
        #expect(read[3] == "identify those at risk of being drawn into serious and organised crime, and ensure that preventative initiatives are put in place with partner organisations to deter offending; and")
    }

    @Test("a paragraph in upper case, or after a part that did not end, is not a part")
    func bounded() throws {
        let upper = try recommendations { $0.replacingOccurrences(of: "\nassign capable lead", with: "\nAssign capable lead") }
        #expect(upper.count == 2)
        // A part that stopped mid-sentence goes on into the lower-case line after the blank (`BlankLineInItemTests`).
        let unended = try recommendations { $0.replacingOccurrences(of: "disruption and investigation;\n", with: "disruption and investigation\n") }
        #expect(unended.count == 4)
        #expect(unended.dropFirst().first?.contains("disruption and investigation assign capable lead") == true)
    }
}

@Suite("Emphasis marks in a finding's text")
struct FindingEmphasisTests {
    @Test("dropped in pairs, asterisks and underscores, with a converter's space before punctuation; marks inside words stay", arguments: [
        ("under the provisions of the _Code of Practice for Victims of Crime_ ). Accurate", "under the provisions of the Code of Practice for Victims of Crime). Accurate"),
        ("see *The Strategic Policing\nRequirement*, Home Office".replacingOccurrences(of: "\n", with: " "), "see The Strategic Policing Requirement, Home Office"),
        ("_Title_", "Title"),
        ("(_Everyone's business_)", "(Everyone's business)"),
        ("uploads/attachment_data/file/417116/The_Strategic_Policing.pdf", "uploads/attachment_data/file/417116/The_Strategic_Policing.pdf"),
        ("a _ b and trailing_", "a _ b and trailing_"),
        ("a footnote mark* stays", "a footnote mark* stays"),
        ("plain text , as printed", "plain text , as printed"),
    ])
    func pairs(text: String, expected: String) {
        #expect(FindingExtractor.withoutEmphasis(text) == expected)
    }

    @Test("a space before a comma, semicolon, colon or closing bracket goes (a converter's, where a styled run ended)", arguments: [
        ("By 1 December 2016 , the NPCC, working with", "By 1 December 2016, the NPCC, working with"),
        ("the Code of Practice for Victims of Crime ). Accurate", "the Code of Practice for Victims of Crime). Accurate"),
        ("in three parts : first ; second", "in three parts: first; second"),
        ("no space before, nothing to do: (none)", "no space before, nothing to do: (none)"),
        ("a trailing space ", "a trailing space "),
        ("caf\u{00E9} , then", "caf\u{00E9}, then"),
    ])
    func spaceBeforePunctuation(text: String, expected: String) {
        #expect(FindingExtractor.withPunctuationAsPrinted(text) == expected)
    }

    @Test("a dash spelt \" -- \" or \" --- \" between spaces (pandoc's Markdown, typewritten text) is the en or em dash; hyphens anywhere else stay", arguments: [
        ("the ROCU executive board -- working with forces -- should", "the ROCU executive board \u{2013} working with forces \u{2013} should"),
        ("a pause --- then more", "a pause \u{2014} then more"),
        ("ends with a dash --", "ends with a dash \u{2013}"),
        ("by the board -- , then", "by the board \u{2013}, then"),
        ("anti-social and long--term", "anti-social and long--term"),
        ("a -- b--c", "a \u{2013} b--c"),
        ("four ---- hyphens and one - alone", "four ---- hyphens and one - alone"),
        ("--leading", "--leading"),
        ("-- at the start", "-- at the start"),
    ])
    func speltDash(text: String, expected: String) {
        #expect(FindingExtractor.withPunctuationAsPrinted(text) == expected)
    }
}

@Suite("A paragraph wrapped at a width of its own, in text with no one wrap width")
struct ParagraphOwnWidthTests {
    private static let finding = "The force should add relevant data from partner agencies to its serious and organised crime local profile, and engage routinely with partner organisations in order to increase its ability to disrupt and investigate serious and organised crime."

    private func areas(_ replacement: String) throws -> [String] {
        let text = String(decoding: try Fixtures.sample("peel-effectiveness-2015-dyfed-powys.txt"), as: UTF8.self)
        #expect(text.contains(" " + Self.finding + "\n"))
        return try parse(Array(text.replacingOccurrences(of: " " + Self.finding + "\n", with: replacement).utf8)).findings
            .filter { $0.question == .seriousOrganisedCrime && $0.kind == .areaForImprovement }.map(\.text)
    }

    @Test("an item's lines run on where each was too full for the next one's first word and it goes on in lower case")
    func runsOn() throws {
        // The sample's paragraphs are a line each (no wrap width); this one item is wrapped at 97 columns.
        let wrapped = """
            The force should add relevant data from partner agencies to its serious and organised crime local
            profile, and engage routinely with partner organisations in order to increase its ability to
            disrupt and investigate serious and organised crime.

            """
        #expect(try areas(wrapped) == [Self.finding])
    }

    @Test("lines that left room for the next one's first word are not joined: no item holds two of them")
    func shortLinesStayApart() throws {
        let list = """
            The force should add relevant data from partner agencies to its serious and organised crime local profile.
            engage routinely with partner organisations
            review its local profile

            """
        let read = try areas(list)
        #expect(!read.contains { $0.contains("organisations review its") })
    }
}

@Suite("A national overview's numbered recommendation whose first line looks like a heading")
struct RecommendationFirstLineTests {
    @Test("the line under \"Recommendation 10\" is its text, however short its wrap left it")
    func firstLineIsText() throws {
        let text = String(decoding: try Fixtures.sample("peel-effectiveness-2015-national-overview.md"), as: UTF8.self)
        let printed = "Beginning immediately, ROCUs, the NCA, National Offender Management Service and the national counter-terrorism network"
        #expect(text.contains(printed))
        let wrapped = text.replacingOccurrences(of: printed, with: "Beginning immediately, ROCUs, the NCA, National Offender Management\nService and the national counter-terrorism network")
        let recommendations = try parse(Array(wrapped.utf8)).findings.filter { $0.kind == .recommendation }.map(\.text)
        #expect(recommendations.contains { $0.hasPrefix(printed) })
    }

    @Test("a word hyphenation broke where a paragraph ends (pdfminer.six sets an item's last line apart) is whole again")
    func wordBrokenAcrossParagraphs() throws {
        let text = String(decoding: try Fixtures.sample("peel-effectiveness-2015-national-overview.md"), as: UTF8.self)
        let printed = "- bring together expertise and innovation in digital examination from forces across England and Wales, to ensure"
        #expect(text.contains(printed))
        let sample = try parse(Array(text.utf8)).findings.filter { $0.kind == .recommendation }.map(\.text)
        let apart = text.replacingOccurrences(of: printed, with: "- bring together expertise and innovation in digital examination from forces across Eng-\n\nland and Wales, to ensure")
        let recommendations = try parse(Array(apart.utf8)).findings.filter { $0.kind == .recommendation }.map(\.text)
        #expect(sample.contains { $0.contains("across England and Wales") })
        #expect(recommendations == sample)
    }
}

@Suite("Numbered lists read as bulleted ones")
struct NumberedListTests {
    @Test("a numbered item's number and text; other openings are no item")
    func numberedItem() {
        #expect(FindingExtractor.numberedItem("1. The force should")?.number == 1)
        #expect(FindingExtractor.numberedItem("1. The force should")?.text == "The force should")
        #expect(FindingExtractor.numberedItem("12)  ensure it maps ")?.text == "ensure it maps")
        for text in ["123. x", "1.5 per cent of calls", "1.", "1. ", "2016. The force", "a. x", "1 A court order", "-1. x"] {
            #expect(FindingExtractor.numberedItem(text) == nil, "\(text)")
        }
    }

    @Test("a lettered or roman item's numbers and text; other openings are none")
    func letteredItem() {
        #expect(FindingExtractor.listNumbers("(a) engage routinely").map(\.number) == [1])
        #expect(FindingExtractor.listNumbers("(a) engage routinely").map(\.text) == ["engage routinely"])
        #expect(FindingExtractor.listNumbers("c) assign").map(\.number) == [3])
        #expect(FindingExtractor.listNumbers("(iv) identify").map(\.number) == [4])
        #expect(FindingExtractor.listNumbers("(i) engage").map(\.number) == [1, 9])
        for text in ["(a)", "(a) ", "(ab) x", "a. x", "(A) x", "i.e. the force", "(see page 4) x", "and) x"] {
            #expect(FindingExtractor.listNumbers(text).isEmpty, "\(text)")
        }
    }

    @Test("findings lettered (a), b) or (i), sub-items too: the same findings as bulleted, in every sample", arguments: [
        "peel-effectiveness-2015-dyfed-powys.txt", "peel-effectiveness-2015-wiltshire.txt", "peel-effectiveness-2015-national-overview.md",
        "peel-effectiveness-2017-gwent.md", "peel-effectiveness-2017-west-mercia.txt",
    ])
    func letteredLists(name: String) throws {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
        let expected = try parseSample(name).findings.map { "\($0.kind) \($0.ordinal) \($0.text)" }
        #expect(!expected.isEmpty)
        let styles: [(String, @Sendable (Int) -> String)] = [("(a)", { "(\(letters[$0 - 1])) " }), ("a)", { "\(letters[$0 - 1])) " }), ("(i)", { "(\(romans[$0 - 1])) " })]
        for (style, marker) in styles {
            let lettered = Layout.letteredLists(marker)(Fixtures.sample(name))
            #expect(try parse(lettered).findings.map { "\($0.kind) \($0.ordinal) \($0.text)" } == expected, "\(style)")
        }
    }

    @Test("areas for improvement numbered 1, 2: the same findings as bulleted; a number that does not run on is no item")
    func numberedAreas() throws {
        let original = String(decoding: Fixtures.sample("peel-effectiveness-2015-dyfed-powys.txt"), as: UTF8.self)
        let bulleted = "- The force should ensure that all crimes are allocated"
        let numbered = original.replacingOccurrences(of: bulleted, with: "1. The force should ensure that all crimes are allocated")
            .replacingOccurrences(of: "- The force should take steps to ensure that all available evidence", with: "2. The force should take steps to ensure that all available evidence")
        #expect(numbered != original)
        let expected = try parse(Array(original.utf8)).findings.map(\.text)
        #expect(try parse(Array(numbered.utf8)).findings.map(\.text) == expected)
        // "4. Next steps" after the two items: 4 does not follow 2, so it is no third item (the list ends at it).
        let headed = numbered.replacingOccurrences(of: "scenes of crime.\n", with: "scenes of crime.\n4. Next steps for the force are set out below.\n")
        #expect(headed != numbered)
        #expect(try parse(Array(headed.utf8)).findings.map(\.text) == expected)
    }
}

/// West Mercia as pandoc makes it a web page and Chromium prints it: the list's bullets are drawn, not text, and its
/// lines are set narrower than the body's, in a proportional font, so no byte count tells where a sentence that ends
/// an item's line was wrapped ("… attendance is delayed." / "This should include …").
struct BulletlessListTests {
    private static let item = "The force should improve its service to vulnerable people, particularly domestic abuse victims, when officers have been unable to attend or attendance is delayed. This should include a re-assessment of the risks that victims face so that safeguarding support can be prioritised."
    private static let next = "The force should ensure that frontline officers become more proficient in completing DASH risk assessments at initial response and there is sufficient supervisory oversight to ensure opportunities to safeguard vulnerable victims are not missed."

    private func text(_ flavour: String) throws -> String {
        let path = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2017-west-mercia.pandoc-chromium-\(flavour).txt"
        return String(decoding: try readBytes(path), as: UTF8.self)
    }

    @Test("an item's second sentence is the item's, in the list's own width (-layout) or before the next item (reading order)", arguments: ["layout", "reading"])
    func secondSentence(flavour: String) throws {
        let text = try text(flavour)
        #expect(text.contains("is delayed.\n") && !text.contains("•"))
        let findings = try parse(Array(text.utf8)).findings.map(\.text)
        #expect(findings.contains(Self.item))
        #expect(findings.contains(Self.next))
    }

    @Test("in reading order, a sentence after the list's last item with a heading next is not the item's")
    func notBeforeHeading() throws {
        let text = try text("reading")
        let last = "behalf of victims of domestic abuse.\n"
        #expect(text.contains(last + "Tackling serious and organised crime\n"))
        let added = text.replacingOccurrences(of: last + "Tackling serious", with: last + "This paragraph follows the list.\nTackling serious")
        let findings = try parse(Array(added.utf8)).findings.map(\.text)
        #expect(findings.contains { $0.hasSuffix("on behalf of victims of domestic abuse.") })
        #expect(!findings.contains { $0.contains("This paragraph follows the list.") })
    }

    @Test("a lead-in's parts after a blank line (a page break that lost its form feed) are its own")
    func partsAfterBlank() throws {
        let path = Fixtures.packageRoot + "/Tests/Fixtures/extractions/peel-effectiveness-2017-gwent.pandoc-chromium-reading.txt"
        let text = String(decoding: try readBytes(path), as: UTF8.self)
        #expect(text.contains("abuse by:\n\n\u{0C}understanding and taking"))
        let unpaged = text.replacingOccurrences(of: "\u{0C}", with: "")
        let findings = try parse(Array(unpaged.utf8)).findings.map(\.text)
        #expect(findings.contains { $0.hasPrefix("The force should improve its overall approach to safeguarding victims of domestic abuse by: understanding and taking appropriate action") })
        #expect(!findings.contains("The force should improve its overall approach to safeguarding victims of domestic abuse by:"))
    }
}

/// A Word document's bullets as text extraction gives them: Courier New's "o", Wingdings' "§" or a private-use glyph
/// where no Unicode character was found (which the line cleaner drops). Before, "o The force should …" was the
/// finding's text.
@Suite("A word processor's symbol-font bullets")
struct SymbolBulletTests {
    @Test("an item after a symbol-font bullet reads as after a hyphen, the glyph on the item's line or apart on its own",
          arguments: ["o ", "§ ", "\u{F0B7} ", "\u{F0A7}  ", "o\n", "§\n\n"])
    func symbolBullets(glyph: String) throws {
        let wiltshire = "peel-effectiveness-2015-wiltshire.txt"
        let text = String(decoding: Fixtures.sample(wiltshire), as: UTF8.self)
        let original = try parseSample(wiltshire)
        #expect(original.findings.count == 8)
        #expect(text.components(separatedBy: "\n- The force should").count == 9)
        let changed = try parse(Array(text.replacingOccurrences(of: "\n- The force should", with: "\n\(glyph)The force should").utf8))
        #expect(changed.findings.map(\.text) == original.findings.map(\.text))
        #expect(changed.findings.map(\.question) == original.findings.map(\.question))
    }
}

/// An item cut where a page ended, in text with no page marks (`pdftotext -nopgbrk`: the page's number alone between
/// the item's two parts) or with only a blank line there: before, the item ended at the cut ("… when officers have
/// been unable") and the list with it, its next items lost.
@Suite("An item cut by a page's end in text with no page marks")
struct ItemAcrossPageNumberTests {
    @Test("goes on past the page's number or a blank line to its part in lower case; the items after it are read",
          arguments: ["\n\n23\n\n", "\n23\n", "\n\n", "\n\n   23\n\u{0C}"])
    func acrossPageNumber(cut: String) throws {
        let westMercia = "peel-effectiveness-2017-west-mercia.txt"
        let text = String(decoding: Fixtures.sample(westMercia), as: UTF8.self)
        let at = "particularly domestic abuse victims, when officers have been unable to attend"
        #expect(text.components(separatedBy: at).count == 2)
        let original = try parseSample(westMercia)
        let changed = try parse(Array(text.replacingOccurrences(of: at, with: at.replacingOccurrences(of: "unable to", with: "unable" + cut + "to")).utf8))
        #expect(changed.findings.map(\.text) == original.findings.map(\.text))
        #expect(changed.findings.map(\.ordinal) == original.findings.map(\.ordinal))
    }

    @Test("a page's number after an item that ended its sentence still ends the list")
    func afterSentenceEnd() throws {
        let westMercia = "peel-effectiveness-2017-west-mercia.txt"
        let text = String(decoding: Fixtures.sample(westMercia), as: UTF8.self)
        let original = try parseSample(westMercia)
        let last = "\n\nTackling serious and organised crime\n"
        #expect(text.components(separatedBy: last).count == 2)
        let changed = try parse(Array(text.replacingOccurrences(of: last, with: "\n\n23\n\nthe text after the list, in lower case." + last).utf8))
        #expect(changed.findings.map(\.text) == original.findings.map(\.text))
    }
}

@Suite("An item cut by its page's footnotes")
struct FootnoteBetweenItemPartsTests {
    private static let printed = "there is sufficient supervisory oversight"

    @Test("a footnote between an item's parts, one line or wrapped, blank lines about it or none: the item goes on after it", arguments: [
        "there is sufficient\n\n⁹ DASH is the domestic abuse, stalking and harassment risk assessment.\n\nsupervisory oversight",
        "there is sufficient\n\n9 DASH is the domestic abuse, stalking and\nharassment risk assessment.\n\nsupervisory oversight",
        "there is sufficient\n⁹ DASH is the domestic abuse, stalking and harassment risk assessment.\n¹⁰ A second note.\nsupervisory oversight",
    ])
    func goesOn(cut: String) throws {
        let text = String(decoding: Fixtures.sample(westMercia), as: UTF8.self)
        #expect(text.components(separatedBy: Self.printed).count == 2)
        let expected = try parse(Array(text.utf8)).findings.map { "\($0.kind) \($0.ordinal) \($0.text)" }
        let report = try parse(Array(text.replacingOccurrences(of: Self.printed, with: cut).utf8))
        #expect(report.findings.map { "\($0.kind) \($0.ordinal) \($0.text)" } == expected)
    }

    @Test("after an item that ended its sentence, a footnote ends the list: the line after it in lower case is no item's")
    func endsTheList() throws {
        let text = String(decoding: Fixtures.sample(westMercia), as: UTF8.self)
        let sentence = "supervisory oversight to ensure opportunities to safeguard vulnerable victims are not missed."
        #expect(text.components(separatedBy: sentence).count == 2)
        let report = try parse(Array(text.replacingOccurrences(of: sentence, with: sentence + "\n\n⁹ DASH is a risk assessment.\n\nsee the annex for more.").utf8))
        #expect(!report.findings.contains { $0.text.contains("see the annex") })
    }
}
