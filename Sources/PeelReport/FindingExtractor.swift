import PeelText

/// Areas for improvement, causes of concern and recommendations, under the question whose section they sit in.
enum FindingExtractor {
    static func extract(_ lines: NormalisedLines, into report: inout Report) {
        let wrap = WrapWidth(lines)
        var question: Question?
        var index = 0
        /// The findings as printed, in order: their hyphens are restored once all are known (see `HyphenatedCompounds`).
        /// A finding left out (a problem says why) keeps its place: the ordinals after it are those its report prints.
        var printed: [(kind: Finding.Kind, question: Question?, text: String, line: Int, leftOut: Bool)] = []
        func leaveOut(_ kind: Finding.Kind, _ text: String, line: Int) {
            printed.append((kind, question, text, line, true))
        }
        func add(_ kind: Finding.Kind, _ text: String, line: Int) {
            if let unknownHeading {
                report.problems.append(ParseProblem(.warning, line: line, "\(kind.rawValue) under the heading \"\(unknownHeading.text)\" (line \(unknownHeading.line)), which names a question in words no section title has: given no question"))
            }
            // Emphasis wrapped over two lines is paired only once they are joined.
            let marked = text.containsByte(UInt8(ascii: "*")) || text.containsByte(UInt8(ascii: "_"))
            printed.append((kind, question, withPunctuationAsPrinted(marked ? withoutEmphasis(text) : text), line, false))
        }
        /// An item whose parts stand out of order is left out, said.
        func add(_ kind: Finding.Kind, _ item: Item) {
            guard !item.outOfOrder else {
                report.problems.append(ParseProblem(.warning, line: item.line, "\(kind.rawValue) whose parts stand out of order (a part cut mid-sentence before the next part's bullet): left out"))
                leaveOut(kind, item.text, line: item.line)
                return
            }
            add(kind, item.text, line: item.line)
        }
        /// A heading that names a question in words no section title has ("Protecting vulnerable people", the table's
        /// short wording): the findings under it are some section's, but which one is not certain, so they are given
        /// none. (Before, they took the question of the section before.)
        var unknownHeading: (text: String, line: Int)?
        let headingOpenings = Self.headingOpenings  // read once, not a static's lazy check a line
        let readsQuestions = report.reportType == .force
        while index < lines.count {
            // Most lines (prose, blank ones) open like no heading read here, and are passed over unread (not even
            // copied: a copy retains the text); a short line opening with a digit may be a numbered section's heading.
            guard headingOpenings.mayOpenOnFourBytes(lines[index]) || Self.mayBeNumberedHeading(lines[index]) else {
                index += 1
                continue
            }
            let line = lines[index]
            index += 1
            // Headings are short; a lowercase copy of every line was a good part of the parse time.
            guard line.cappedByteCount <= 160 else { continue }
            let text = line.text
            if isContentsLine(text) { continue }
            // Only non-ASCII lines need a lowercase copy; ASCII ones are compared on bytes, to the same effect.
            let lower = text.isASCII ? nil : text.lowercasedByRuns()
            // A national overview's chapters are not a force report's questions, and its recommendations are
            // addressed to the service: none is given a question (a summary heading shortened to a force section's
            // title, "Tackling serious and organised crime", made the summary's recommendations that question's).
            if readsQuestions, let (heading, last) = sectionQuestion(lines, index - 1, text: text, lower: lower) {
                if !standsInContents(lines, first: index - 1, last: last) {
                    question = heading
                    unknownHeading = nil
                }
                index = last + 1
                continue
            }
            // (A subsection's heading that names its section's question, "Preventing serious and organised crime" in
            // that section, changes nothing; nor does one where no section's question holds.)
            if question != nil, let named = Self.questionNamedAsHeading(lines, index - 1, text: text), named != question {
                question = nil
                unknownHeading = (text, line.number)
                continue
            }
            // Annexes belong to no question (and may list the questions' wordings).
            if isAnnexHeading(line) {
                question = nil
                continue
            }
            guard Self.findingsOpenings.mayOpen(line) else { continue }
            // A heading may carry a footnote number that PDF extraction glued to it ("Areas for improvement3").
            let heading = Phrases.withoutFootnote(text)
            func isLower(_ other: String) -> Bool {
                lower.map { Phrases.withoutFootnote($0) == other } ?? heading.equals(ignoringASCIICase: other)
            }
            if Self.areasForImprovement.contains(where: isLower) {
                let (items, next) = listItems(lines, from: index, wrap: wrap)
                for item in items { add(.areaForImprovement, item) }
                index = next
            } else if Self.causesOfConcern.contains(where: isLower) {
                // Under the plural heading a second paragraph may be a second cause, or the first one's explanation: which
                // is not certain, so it is not read, but said. (A lead-in to the recommendations, "To address these
                // causes of concern, …:", is neither.)
                let (items, next) = listItems(lines, from: index, wrap: wrap, paragraphs: true, limit: 1)
                for item in items { add(.causeOfConcern, item) }
                if !items.isEmpty, isLower(Self.causesOfConcern[1]), let second = paragraphAfter(lines, from: next, wrap: wrap) {
                    report.problems.append(ParseProblem(.warning, line: second.line,
                        "a second paragraph under \"\(heading)\" (\"\(second.text.prefix(60))…\"): not read, as it may be another cause of concern or the first one's explanation"))
                }
                index = next
            } else if isLower(Self.recommendations) && report.reportType == .force {
                let (items, next) = listItems(lines, from: index, wrap: wrap, skipLeadIn: true)
                for item in items { add(.recommendation, item) }
                index = next
            } else if isLower(Self.recommendation) && report.reportType == .force {
                // One recommendation under its singular heading: a bullet after a lead-in ("The force should …:"), or a
                // paragraph of its own (a fifth audit found it lost without a word).
                var (items, next) = listItems(lines, from: index, wrap: wrap, skipLeadIn: true)
                if items.isEmpty {
                    (items, next) = listItems(lines, from: index, wrap: wrap, paragraphs: true, limit: 1)
                    items.removeAll { $0.text.hasSuffix(":") }  // a lead-in to nothing read
                }
                for item in items { add(.recommendation, item) }
                index = next
            } else if lower.map({ $0.hasPrefix(Self.numberedRecommendation) }) ?? text.hasPrefix(ignoringASCIICase: Self.numberedRecommendation),
                      Int((lower ?? text).dropFirst(Self.numberedRecommendation.count)) != nil {
                // National overviews: "Recommendation 3" headings, each over its own paragraphs.
                let (items, next) = listItems(lines, from: index, wrap: wrap, paragraphs: true, untilHeading: true)
                if let first = items.first {
                    // Its paragraphs joined as a wrapped line is: pdfminer.six sets a list item's last line apart, a
                    // blank line between, so a word hyphenation broke there ("Eng-" / "land") spans two paragraphs.
                    let joined = items.dropFirst().reduce(first.text) { joinedLines($0, $1.text) }
                    // Its paragraphs are sentences: text that ends none is not the recommendation whole, or not one at all
                    // (pdfminer.six set a table's cells from the page before under "Recommendation 1": "Q3. Protecting
                    // vulnerable people Requires improvement").
                    let outOfOrder = items.contains(where: \.outOfOrder)
                    if outOfOrder || Self.endsSentence(joined) {
                        add(.recommendation, Item(text: joined, line: items[0].line, outOfOrder: outOfOrder))
                    } else {
                        report.problems.append(ParseProblem(.warning, line: items[0].line,
                            "recommendation whose text ends no sentence (\"\(LineEndHyphens.shown(joined).suffix(40))\"): left out"))
                        leaveOut(.recommendation, joined, line: items[0].line)
                    }
                }
                index = next
            }
        }
        // A left-out text takes no part in telling a line end's hyphen; it is compared with the others only to tell
        // whether it is a finding printed again.
        let resolved = LineEndHyphens.resolving(printed.map { $0.leftOut ? "" : $0.text }, in: lines)
        let compounds = HyphenatedCompounds(lines, restoring: resolved)
        var ordinals: [String: Int] = [:]
        for ((kind, question, asPrinted, line, leftOut), printedText) in zip(printed, resolved) {
            let text = leftOut ? asPrinted : compounds.restoringHyphens(printedText)
            let key = "\(question?.rawValue ?? "")/\(kind.rawValue)"
            // The same finding printed twice (in a summary and again in the body, sometimes with a sentence
            // more) is one finding: the first print is kept.
            // Between ASCII texts the first 120 Characters are the first 120 bytes, compared as bytes; the Characters
            // are counted only for a comparison that needs them.
            // (Read from each string's own bytes: the generic copy and comparison of `utf8.prefix(120)` cost some 5,000
            // instructions a finding.)
            let asciiOpening = text.isASCII ? Self.opening(text) : nil
            func sameOpening(_ other: String) -> Bool {
                if let asciiOpening, other.isASCII { return Self.opening(other) == asciiOpening }
                return other.prefix(120) == text.prefix(120)
            }
            if report.findings.contains(where: { $0.kind == kind && $0.question == question && sameOpening($0.text) }) { continue }
            ordinals[key, default: 0] += 1
            if leftOut { continue }
            report.findings.append(Finding(question: question, kind: kind, ordinal: ordinals[key]!, text: text, line: line))
        }
    }

    /// The paragraph that opens at the first line from `start` that is not blank, read as a list's paragraph is: nil
    /// where a heading, a footnote or what ends a list stands there, or the paragraph is a lead-in (ends with ":").
    private static func paragraphAfter(_ lines: NormalisedLines, from start: Int, wrap: WrapWidth) -> Item? {
        guard let opening = lines[start...].firstIndex(where: { !$0.isBlank }) else { return nil }
        let text = lines[opening].text
        guard !lines[opening].isHeading, !endsList(text), !looksLikeHeading(text), !isFootnote(text),
              let paragraph = listItems(lines, from: opening, wrap: wrap, paragraphs: true, limit: 1).0.first,
              !paragraph.text.hasSuffix(":") else { return nil }
        return paragraph
    }

    /// A text's first 120 bytes.
    private static func opening(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { Array(UnsafeBufferPointer(rebasing: $0.prefix(120))) }
    }

    /// The findings headings (lowercase): each kind's wordings; "recommendation " opens a national overview's
    /// numbered ones.
    private static let areasForImprovement = ["areas for improvement", "area for improvement"]
    private static let causesOfConcern = ["cause of concern", "causes of concern"]
    private static let recommendations = "recommendations"
    private static let recommendation = "recommendation"
    private static let numberedRecommendation = "recommendation "
    private static let findingsOpenings = LineOpenings(areasForImprovement + causesOfConcern + [recommendations, numberedRecommendation])
    /// Every line this reader acts on opens like one of these: a section's question or title, an annex, a findings heading.
    private static let headingOpenings = LineOpenings(Phrases.questionHeadingStarts + sectionTitles + [annex]
        + areasForImprovement + causesOfConcern + [recommendations, numberedRecommendation])
    private static let sectionOpenings = LineOpenings(Phrases.questionHeadingStarts + sectionTitles)

    /// A heading that opens a question's section: the 2015 "How effective is the force at …?" headings, and
    /// the 2016–17 section titles, which stand alone on a line.
    /// `text` is the line's, `lower` it lowercased, or nil for an ASCII line (compared on bytes instead).
    private static func sectionQuestion(_ lines: NormalisedLines, _ index: Int, text: String, lower: String?) -> (Question, last: Int)? {
        // A numbered section's title ("2. Tackling serious and organised crime"): the title after its number, the line
        // alone (a wrapped "4. Tackling serious and organised crime" / "and fulfilling national policing …" is another's).
        if let title = withoutSectionNumber(text), index + 1 == lines.count || lines[index + 1].isBlank,
           sectionTitles.contains(where: { title.equals(ignoringASCIICase: $0) }) {
            return Question(wording: String(title)).map { ($0, index) }
        }
        guard sectionOpenings.mayOpen(lines[index]) else { return nil }
        if let (wording, last) = Phrases.questionHeading(lines, at: index, text: text) {
            // A wrapped question runs to its question mark.
            if !wording.hasSuffix("?") { return Question(wording: text).map { ($0, index) } }
            return Question(wording: wording).map { ($0, last) }
        }
        // A title is printed with a capital ("Tackling serious and organised crime"); a prose line that wrapping left
        // holding a title's words alone ("tackling serious and organised crime") is not one.
        guard text.first?.isUppercase == true else { return nil }
        if let lower { return sectionTitles.contains(lower) ? Question(wording: text).map { ($0, index) } : nil }
        // An ASCII line equals a title only at its length (the titles are 23 to 51 bytes).
        if (23...51).contains(text.utf8.count), sectionTitles.contains(where: { text.equals(ignoringASCIICase: $0) }) {
            return Question(wording: text).map { ($0, index) }
        }
        // A title wrapped over two lines.
        guard text.utf8.count < 51, index + 1 < lines.count, !lines[index + 1].isBlank,
              sectionTitleStarts.contains(where: { text.hasPrefix(ignoringASCIICase: $0) }) else { return nil }
        let next = lines[index + 1].text
        // Hyphenation may have broken the title's last word at the line's end ("Protecting vulnerable people and
        // supporting vic-" / "tims"), or the line may end at a compound's own hyphen ("… tackling anti-" / "social
        // behaviour").
        let joinings = Phrases.joinedAtHyphen(text, next).map { [$0, text + next] } ?? [text + " " + next]
        guard let joined = joinings.first(where: { joined in sectionTitles.contains { joined.equals(ignoringASCIICase: $0) } }) else { return nil }
        return Question(wording: joined).map { ($0, index + 1) }
    }

    private static let gradeWords: Set<String> = ["outstanding", "good", "adequate", "requires", "inadequate", "ungraded"]

    /// A short line opening with an ASCII digit: a numbered section's heading may stand there.
    private static func mayBeNumberedHeading(_ line: NormalisedLine) -> Bool {
        // Most lines opening with a digit are numbers, and are passed over without their text made.
        line.opening &- 0x30 < 10 && line.byteCount <= 64 && line.withText { sectionNumberLength($0) != nil }
    }

    /// `text` after a section's number ("2. ", "2) ", "2 "), where it opens with one; nil otherwise.
    static func withoutSectionNumber(_ text: String) -> Substring? {
        guard let first = text.utf8.first, first &- 0x30 < 10 else { return nil }
        var text = text
        guard let length = text.withUTF8(sectionNumberLength) else { return nil }
        return Substring(text.utf8.dropFirst(length))
    }

    /// The bytes a section's number takes before its title: one or two digits, "." or ")" or neither, spaces or tabs,
    /// then the title's capital; nil where the bytes open otherwise.
    private static func sectionNumberLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = bytes.first, first &- 0x30 < 10 else { return nil }
        var at = 1
        if at < bytes.count, bytes[at] &- 0x30 < 10 { at += 1 }
        if at < bytes.count, bytes[at] == UInt8(ascii: ".") || bytes[at] == UInt8(ascii: ")") { at += 1 }
        let spaces = at
        while at < bytes.count && (bytes[at] == 0x20 || bytes[at] == 0x09) { at += 1 }
        return at > spaces && at < bytes.count && bytes[at] &- UInt8(ascii: "A") < 26 ? at : nil
    }

    /// The question line `index` names, where it is a heading standing alone between blank lines that names one in
    /// words of its own: short, opening with a capital (or a section's number), ending no sentence, holding no grade (a table's row
    /// names its question beside its grade).
    private static func questionNamedAsHeading(_ lines: NormalisedLines, _ index: Int, text: String) -> Question? {
        guard lines[index].byteCount <= 70, index == 0 || lines[index - 1].isBlank, index + 1 == lines.count || lines[index + 1].isBlank else { return nil }
        let title = withoutSectionNumber(text) ?? Substring(text)
        guard title.first?.isUppercase == true, title.last.map({ $0 != "." && $0 != "," && $0 != ";" && $0 != ":" }) == true,
              case let named = Question.named(in: String(title)), named.count == 1, named[0] != .overall,
              !title.lowercased().split(separator: " ").contains(where: { gradeWords.contains(String($0)) }) else { return nil }
        return named[0]
    }

    /// Whether the section heading on lines `first...last` is an entry of the contents that lost its layout (its lines
    /// printed as one paragraph and wrapped anew, "… victims..... 62 <b>4." / "Tackling serious and organised crime"):
    /// a line beside it holds a leader of dots, as no line of a report's body does. (Left in, the title made the
    /// national overview's recommendations, which no question's section holds, serious and organised crime's.) A
    /// line of a paragraph never wrapped is passed over: the contents' wrapped lines are short.
    private static func standsInContents(_ lines: NormalisedLines, first: Int, last: Int) -> Bool {
        [first - 1, first, last, last + 1].contains { index in
            index >= 0 && index < lines.count && lines[index].byteCount <= 240 && lines[index].withText { text in
                var dots = 0
                for byte in text {
                    dots = byte == UInt8(ascii: ".") ? dots + 1 : 0
                    if dots == 4 { return true }
                }
                return false
            }
        }
    }

    /// The first word of each section title, to pass over at once the lines that can start none.
    private static let sectionTitleStarts = ["preventing ", "investigating ", "protecting ", "tackling ", "specialist "]

    /// Lowercase; `sectionQuestion` relies on their lengths lying in 23...51.
    static let sectionTitles = [
        "preventing crime and tackling anti-social behaviour", "investigating crime and reducing re-offending",
        "protecting vulnerable people and supporting victims", "tackling serious and organised crime", "specialist capabilities",
    ]

    struct Item {
        let text: String
        let line: Int
        /// Its parts stand out of the order they were printed in (`listItems`): its text cannot be told.
        var outOfOrder = false
    }

    /// Items after a findings heading: bullets ("- ", "• ", a bullet alone on its line), each with its wrapped
    /// continuation lines joined; or, with `paragraphs`, whole paragraphs. Stops at a heading, a footnote or the first
    /// paragraph after the list. Where blank lines do not separate paragraphs, a line continues the one before only
    /// if that one was full (see `WrapWidth`): an item never runs on into the next paragraph.
    private static func listItems(_ lines: NormalisedLines, from start: Int, wrap: WrapWidth, paragraphs: Bool = false, skipLeadIn: Bool = false,
                                  untilHeading: Bool = false, limit: Int = .max) -> ([Item], Int) {
        var items: [Item] = []
        var current: (text: String, line: Int)?
        var index = start
        var blankSinceLast = false
        /// The current item ended with ":", so lower-case bullets after it are its parts.
        var takesSubBullets = false
        /// Bullet glyphs stood alone on the lines before: this line starts an item.
        var glyphsPending = 0
        /// Reading-order extractors (pdfminer) print a list's glyphs together, alone on their lines, and then its items,
        /// a paragraph each: the items the glyphs still owe, and how they open (the first one's first three words,
        /// lowercased, or nil where it opened in lower case), which each must share.
        var stackedItems = 0
        var stackedOpening: String?
        /// The items have lost their bullet glyphs: each line that does not continue the one before starts one.
        var glyphsLost = false
        /// The first words of the first item whose glyph was lost ("the force should"): the items of a list open alike,
        /// which tells the next item from a wrapped line, or from the paragraph after the list.
        var itemOpening: String?
        /// The items start in lower case (the parts of a lead-in "… take steps to:"): one starts after a line that ends
        /// its item ("…;", "…; and", "….").
        var lowercaseItems = false
        func opensItem(_ text: String) -> Bool {
            if let itemOpening { return text.lowercasedByRuns().hasPrefix(itemOpening) }
            // "; and" wrapped: the conjunction alone continues the item before.
            guard lowercaseItems, text.first?.isLowercase == true, text != "and", text != "or", let previous else { return false }
            return endsItem(previous)
        }
        func endsItem(_ line: String) -> Bool {
            line.last.map { ".;!?".contains($0) } == true || line.hasSuffix("; and") || line.hasSuffix("; or") || line == "and" || line == "or"
        }
        var previous: String?
        /// A page's number alone on its line was passed over where the current item stopped mid-sentence.
        var pastPageNumber = false
        /// The current item started at a bullet: then a dash at a line's start is the next item's bullet.
        var currentFromBullet = false
        /// The number the next item of a numbered list has (`numberedItem`), once its first has been read.
        var nextNumber: Int?
        /// An item or part (a sub-bullet of "… by:") before a bullet ended in a clause's punctuation ("…;", "….").
        var punctuated = false
        /// Then one cut mid-sentence before the next one's bullet ("… relevant police and", "• with regard to the other
        /// …"): a reading order that lost where the item's end stands (pdfminer moves it below the next bullet, where
        /// it reads as that item's). The items from there on are left out.
        var orderLost = false
        /// Asked where a bullet follows the current item: how the line before it ended.
        func bulletFollows() {
            guard current != nil, let before = previous, !before.hasSuffix(":") else { return }
            if endsItem(before) {
                punctuated = true
            } else if punctuated, Self.stopsMidSentence(before) {
                orderLost = true
            }
        }
        func finish() {
            if let item = current { items.append(Item(text: item.text, line: item.line, outOfOrder: orderLost)) }
            current = nil
        }
        // The line after the current one is read for its wrap: its text is kept for when it becomes the current one.
        var nextText: (index: Int, text: String)?
        func lineText(_ index: Int) -> String {
            if let nextText, nextText.index == index { return nextText.text }
            let text = lines[index].text
            nextText = (index, text)
            return text
        }
        /// The widest line of the paragraph (run of lines without a blank one) last asked about.
        var paragraphWidest: (lines: ClosedRange<Int>, bytes: Int)?
        /// Whether the line `index` continues `previous`: by the text's wrap width, or where the text has none (its
        /// paragraphs wrapped at different widths, or some not at all), by the paragraph's own (`WrapWidth.fills`).
        func runsOn(_ previous: String, at index: Int, with text: String) -> Bool {
            // A paragraph's own width tells nothing of the line before a blank one: that is another paragraph's.
            func widest() -> Int? {
                guard index > 0, !lines[index - 1].isBlank else { return nil }
                if paragraphWidest.map({ !$0.lines.contains(index) }) ?? true {
                    // A number alone on its line (a footnote's, a page's) ends the paragraph: the footnote under it is
                    // set at the page's width, wider than a list indented under its bullets. So do a footnote whose
                    // number opens its line ("7 *Crime Inspection 2014 …") and a bullet's glyph alone on its line: in
                    // text with no blank lines (PyMuPDF's of a justified page) the item is measured by its own lines,
                    // not by the prose above it, set wider.
                    // (Told on the lines' marks and bytes: asked of every line of a paragraph, a String made of each
                    // cost 8 M instructions on the 20 MB corpus; callgrind.)
                    func bounds(_ line: Int) -> Bool {
                        lines[line].isBlank || lines[line].isBareNumber || (lines[line].opening &- 0x30 < 10 && lines[line].withText(Self.opensWithFootnoteNumber))
                            || (lines[line].byteCount <= 3 && isBulletGlyph(lines[line].text))
                    }
                    // An item's first line, its bullet on it, ends it too: its own lines, not the prose above.
                    func opensWithBullet(_ line: Int) -> Bool {
                        let opening = lines[line].opening
                        if opening == UInt8(ascii: "-") || opening == UInt8(ascii: "*") { return lines[line].secondByte == 0x20 }
                        guard opening == 0xE2 || opening == 0xC2 else { return false }
                        return bulletText(lines[line].text) != nil
                    }
                    var first = index, last = index
                    while first > 0 && !bounds(first - 1) && !opensWithBullet(first) { first -= 1 }
                    while last + 1 < lines.count && !bounds(last + 1) && !opensWithBullet(last + 1) { last += 1 }
                    paragraphWidest = (first...last, (first...last).lazy.map { lines[$0].cappedByteCount }.max() ?? 0)
                }
                return paragraphWidest?.bytes
            }
            if let width = wrap.width {
                if wrap.continues(previous, with: text) { return true }
                // A list set narrower than the text (indented under its bullets, as a browser sets it) is wrapped at its
                // own width: a sentence's end that left no room within its paragraph's widest line goes on.
                guard let own = widest(), own < width else { return false }
                return WrapWidth(width: own).continues(previous, with: text)
            }
            guard let own = widest() else { return false }
            guard let block = paragraphWidest?.lines, block.count > Self.longestParagraph else {
                return WrapWidth.fills(previous, before: text, paragraphWidest: own)
            }
            return WrapWidth.fills(previous, before: text, paragraphWidest: sentencesWidest(around: index, within: block))
        }
        /// A run of lines with no blank one longer than any paragraph is many paragraphs whose blank lines were lost:
        /// its widest line may be another paragraph's, wrapped wider or not at all. Then a paragraph is told by its
        /// sentences: the widest line from the one after the last sentence's end before `index - 1` to the next one's
        /// end from `index` on (a heading or a list's lead-in ends a run as a sentence does). Asked only in such runs,
        /// which few texts have: not kept, as a run depends on both lines asked about.
        func sentencesWidest(around index: Int, within block: ClosedRange<Int>) -> Int {
            func endsSentence(_ line: Int) -> Bool {
                lines[line].isHeading || lines[line].withText { $0.last.map { ".;:!?".utf8.contains($0) } ?? true }
            }
            var first = index - 1, last = index
            while first > block.lowerBound && index - first < Self.longestParagraph && !endsSentence(first - 1) { first -= 1 }
            while last < block.upperBound && last - index < Self.longestParagraph && !endsSentence(last) { last += 1 }
            return (first...last).lazy.map { lines[$0].cappedByteCount }.max() ?? 0
        }
        /// The last line of a lead-in ("The force should immediately take steps to:") that opens at line `start`: a
        /// paragraph of up to four lines that ends with a colon, its wrapped lines found as an item's are.
        func leadInEnd(from start: Int, _ text: String) -> Int? {
            var end = start, last = text
            while !last.hasSuffix(":") && end - start < 3 && end + 1 < lines.count && !lines[end + 1].isBlank {
                let next = lines[end + 1].text
                guard bulletText(next) == nil, listNumbers(next).isEmpty, !isBulletGlyph(next), runsOn(last, at: end + 1, with: next) else { return nil }
                end += 1
                last = next
            }
            return last.hasSuffix(":") ? end : nil
        }
        /// Whether, within the three lines after `index` and with no blank line or heading between, a line opens like the
        /// list's items after one that ends a sentence.
        func nextItemFollows(after index: Int) -> Bool {
            var line = index + 1
            while line < lines.count, line - index <= 3, !lines[line].isBlank, !lines[line].isHeading {
                let text = lines[line].text
                if opensItem(text) { return endsItem(lines[line - 1].text) }
                if looksLikeHeading(text) { return false }
                line += 1
            }
            return false
        }
        /// Whether `next` goes on the current item after what cut it (a page's number, its footnotes): the item stopped
        /// mid-sentence (no stop, no lead-in's colon), and `next` opens in lower case and is no footnote's address.
        func resumesItem(_ next: String) -> Bool {
            current != nil && previous.map { !endsItem($0) && !$0.hasSuffix(":") } == true
                && next.first?.isLowercase == true && !next.hasPrefix("www.") && !next.hasPrefix("http")
        }
        /// The line after the footnotes that open at `start`: each a footnote's first line and the lines its sentence
        /// wrapped to, blank lines between (eight lines at most).
        func footnotesEnd(from start: Int) -> Int {
            var index = start
            var footnoteLine: String?
            while index < lines.count, index - start < 8 {
                if lines[index].isBlank {
                    index += 1
                    continue
                }
                let text = lineText(index)
                if lines[index].isHeading { break }
                if isFootnote(text) || footnoteLine.map({ !Self.endsSentence($0) }) == true {
                    footnoteLine = text
                    index += 1
                    continue
                }
                break
            }
            return index
        }
        while index < lines.count {
            let line = lines[index]
            let text = lineText(index)
            if line.isBlank {
                blankSinceLast = true
                index += 1
                continue
            }
            // A footnote starts with its number, but so does a wrapped line ("… no later than" / "31 December 2016 …").
            let footnote = isFootnote(text) && (blankSinceLast || previous.map { endsItem($0) || !runsOn($0, at: index, with: text) } ?? true)
            // The page's footnotes between an item's parts, where it stopped mid-sentence at the page's end and goes on
            // after them in lower case: passed over, as a page's number is.
            if footnote, !line.isHeading, current != nil, case let after = footnotesEnd(from: index), after < lines.count, after > index,
               resumesItem(lineText(after)) {
                pastPageNumber = true
                blankSinceLast = true
                index = after
                continue
            }
            if line.isHeading || footnote { if line.isHeading || !items.isEmpty || current != nil { break } }
            // A footnote's number alone on its line (pdftotext -layout prints it apart from its text) ends an item; a
            // page's number before the first item (no form feed or running line beside it to tell it) is passed over.
            if line.isBareNumber {
                // Not where the list's glyphs or items go on after it: a footnote's text follows its number, and no
                // footnote opens with a bullet; a page's number in text without its page marks does (pdfminer set a
                // page's glyphs ahead of its items, the number of the page before above them). Nor where an item
                // stopped mid-sentence and goes on after the number in lower case: a page's number in text with no
                // page marks (`pdftotext -nopgbrk`), which cut the item there and ended the list.
                let after = lines[(index + 1)...].prefix(3).first { !$0.isBlank }
                // (Not a footnote's address after its number: "9" / "www.gov.uk/…".)
                let midItem = after.map { resumesItem($0.text) } == true
                if current != nil || !items.isEmpty, !midItem,
                   !(after.map { isBulletGlyph($0.text) || bulletText($0.text) != nil } ?? false) { break }
                pastPageNumber = pastPageNumber || midItem
                index += 1
                continue
            }
            // A rule ("---", or Markdown's "* * *") sets a page's footnotes apart. So does a short one glued to the footnote
            // after it ("-- These are repeated in full …": Writer's text of a page with a rule), told from a sentence's
            // spaced dash at a line's start ("-- should produce …") by the full stop before it, which no dash follows.
            if (current != nil || !items.isEmpty) && Self.isRule(text) { break }
            if current != nil, text.hasPrefix("-- "), let previous, previous.last.map({ ".!?".contains($0) }) == true { break }
            // A footnote that lost its number and the blank line above it (`pdftotext -colspacing 2`): a citation
            // ("… HMIC, November 2014. Available from:" and an address) after an item that ended its sentence.
            if current != nil, previous.map(endsItem) == true, Self.isCitation(lines, at: index) { break }
            if (current != nil || !items.isEmpty) && endsList(text) { break }
            // A short capitalised line is a heading unless it is the first line of a wrapped paragraph.
            let wrapsOn = index + 1 < lines.count && !lines[index + 1].isBlank && runsOn(text, at: index + 1, with: lineText(index + 1))
            // (The first line under a numbered recommendation's heading is its text, however short its wrap left it:
            // "Beginning immediately, ROCUs, the NCA, National Offender Management".)
            let underHeading = current == nil && items.isEmpty
            if untilHeading && (line.isHeading || (blankSinceLast && !underHeading && looksLikeHeading(text) && !wrapsOn)
                                || text.lowercasedByRuns().hasPrefix("recommendation ")) { break }
            if isBulletGlyph(text) {
                glyphsPending += 1
                blankSinceLast = false
                index += 1
                continue
            }
            // A blank line inside an item (pdfplumber's layout mode prints one where lines stand further apart) does not
            // end it when the item stopped mid-sentence and this line goes on in lower case.
            // Asked only after a blank line or a page break: a Character's case is looked up in Unicode's tables.
            func stoppedMidSentence() -> Bool {
                current != nil && text.first?.isLowercase == true && previous.map { !endsItem($0) && !$0.hasSuffix(":") } == true
            }
            // Across a blank line, a page break or a page's number the sentence runs on whatever the wrap: in unwrapped
            // text (a paragraph a line, no wrap width) nothing else tells a line cut there from a paragraph's end, and
            // no paragraph opens in lower case.
            let continues = (!blankSinceLast && previous.map { runsOn($0, at: index, with: text) } == true)
                || ((blankSinceLast || line.afterPageBreak || pastPageNumber) && stoppedMidSentence())
            // Glyphs printed together ahead of their items (pdfminer prints a page's glyphs so) after an item that stopped
            // mid-sentence at a page's end: the line goes on with that item; the glyphs are the next items'.
            if glyphsPending > 1, current != nil, let before = previous, !endsItem(before), !before.hasSuffix(":"), bulletText(text) == nil {
                current!.text = joinedLines(current!.text, text)
                blankSinceLast = false
                previous = text
                index += 1
                continue
            }
            var bullet = glyphsPending > 0 ? text : bulletText(text)
            // A numbered item ("1. The force should …"), read as a bulleted one: a 1 that opens the list or follows a
            // lead-in ("… by:"), or the number after the last one. The numbers must run on from 1, so a numbered
            // section heading after a list does not read as an item.
            if bullet == nil && glyphsPending == 0, let numbered = listNumbers(text).first(where: { numbered in
                numbered.number == nextNumber || (numbered.number == 1 && ((items.isEmpty && current == nil) || previous?.hasSuffix(":") == true)) }) {
                bullet = numbered.text
                nextNumber = numbered.number + 1
            }
            // "- should …" after a line that ends mid-sentence is a wrapped line that starts with a dash, not an item.
            // (Not "•" and the like: no sentence holds one, so no wrapped line starts with it.)
            if glyphsPending == 0, bullet?.first?.isLowercase == true, current != nil, !currentFromBullet, !takesSubBullets, !blankSinceLast,
               let glyph = text.first, "-–+*".contains(glyph),
               let previous, previous.last.map({ !".;:!?".contains($0) }) == true {
                bullet = nil
            }
            if glyphsPending > 1 {
                stackedItems = glyphsPending - 1
                stackedOpening = text.first?.isLowercase == true ? nil : Self.firstWords(text)
            } else if glyphsPending == 0 && bullet == nil && stackedItems > 0 && current != nil && !continues && previous.map(endsItem) == true
                        && !(takesSubBullets && text.first?.isLowercase == true)
                        && (stackedOpening.map { Self.firstWords(text) == $0 } ?? (text.first?.isLowercase == true)) {
                // The next paragraph a stacked glyph owes: an item of its own, opening as the first did.
                stackedItems -= 1
                bullet = text
            }
            glyphsPending = 0
            if bullet != nil { bulletFollows() }
            if let bullet, current != nil, takesSubBullets, bullet.first?.isLowercase == true {
                current!.text += " " + bullet  // a sub-bullet of "… by:"
            } else if let bullet {
                finish()
                current = (bullet, line.number)
                currentFromBullet = true
                takesSubBullets = bullet.hasSuffix(":")
            } else if paragraphs {
                if current != nil && (blankSinceLast || !continues) { finish() }
                if items.count >= limit { break }
                if current == nil { currentFromBullet = false }
                current = current.map { (joinedLines($0.text, text), $0.line) } ?? (text, line.number)
            } else if current != nil && takesSubBullets && text.first?.isLowercase == true
                        && (!blankSinceLast || previous.map { $0.hasSuffix(":") || $0.hasSuffix(";") || $0.hasSuffix("; and") || $0.hasSuffix("; or") } == true) {
                // A sub-bullet of "… by:" whose glyph was lost, or its wrapped line; after the lead-in or a part that ended
                // (";"), one may stand after a blank line (a page break whose form feed was lost, a glyph line emptied:
                // Latin-1 has no en dash, and pdftotext writes a soft hyphen for it).
                current!.text = joinedLines(current!.text, text)
            } else if current != nil && continues && !(glyphsLost && opensItem(text) && previous.map(endsItem) == true) {
                current!.text = joinedLines(current!.text, text)  // a wrapped bullet
                takesSubBullets = takesSubBullets || current!.text.hasSuffix(":")
            } else if (items.isEmpty && current == nil)
                        || (glyphsLost && opensItem(text) && (!blankSinceLast || (itemOpening != nil && previous.map(endsItem) == true))) {
                // (After a blank line too, where the items are paragraphs that open alike, "The force should …": each
                // item its own paragraph, as a converter that drops the glyphs sets them; a fifth audit found all but the
                // first lost without a word.)
                if skipLeadIn && current == nil && items.isEmpty, let end = leadInEnd(from: index, text) {
                    index = end + 1
                    blankSinceLast = false
                    previous = lines[end].text
                    continue
                }
                // The bullet glyph was lost in extraction.
                finish()
                if !glyphsLost {
                    if text.first?.isLowercase == true {
                        lowercaseItems = true
                    } else {
                        itemOpening = Self.firstWords(text)
                    }
                }
                glyphsLost = true
                currentFromBullet = false
                current = (text, line.number)
                takesSubBullets = text.hasSuffix(":")
            } else if current != nil && glyphsLost && itemOpening != nil && !blankSinceLast && !looksLikeHeading(text)
                        && nextItemFollows(after: index) {
                // An item of more than one sentence whose next one the wrap did not tell (a proportional font leaves no
                // exact width: "… attendance is delayed." / "This should include …"), the list's next item a few lines
                // on with no blank line or heading between: the sentence is this item's.
                current!.text = joinedLines(current!.text, text)
            } else if let item = current, !takesSubBullets, item.text.first?.isLowercase == true, text.first?.isLowercase == true,
                      previous.map(endsItem) == true {
                // A list of parts in lower case ("… take steps to:" / "engage …;" / "ensure …;"): after a part that ended,
                // a line that opens in lower case is the next part (its glyph printed elsewhere: pdfminer prints a
                // page's glyphs together), as no paragraph opens in lower case.
                finish()
                currentFromBullet = false
                current = (text, line.number)
            } else {
                break
            }
            blankSinceLast = false
            pastPageNumber = false
            previous = text
            index += 1
        }
        finish()
        return (Array(items.prefix(limit)), index)
    }

    /// Whether a line stops where no sentence ends: at a comma, or after a conjunction, an article or a preposition
    /// ("… the relevant police and"). An item that ends without a stop ("NA", "… (see annex A)") is not so cut.
    static func stopsMidSentence(_ line: String) -> Bool {
        if line.hasSuffix(",") { return true }
        guard let last = line.split(separator: " ").last else { return false }
        return Self.wordsNoSentenceEndsWith.contains(last.lowercased())
    }

    private static let wordsNoSentenceEndsWith: Set<String> = ["and", "or", "but", "nor", "the", "a", "an", "of", "to", "in", "on", "at", "by",
                                                               "for", "with", "from", "into", "as", "than", "that", "which"]

    private static let annex = "Annex "

    /// More lines than a report's paragraphs run to (the longest, wrapped at 40 columns, about 25).
    private static let longestParagraph = 30

    /// "Annex A – HMIC judgments", "Annex C: ROCU recommendations": not "annex A." at the start of a wrapped line.
    private static func isAnnexHeading(_ line: NormalisedLine) -> Bool {
        guard line.opening == UInt8(ascii: "A") else { return false }  // passed over without touching the text
        let text = line.text
        guard text.utf8.count <= 100, text.hasPrefix(annex) else { return false }
        let bytes = Array(text.utf8.prefix(9))
        guard bytes.count >= 7, bytes[6] >= 0x41 && bytes[6] <= 0x5A else { return false }
        guard bytes.count > 7 else { return true }
        return bytes[7] == UInt8(ascii: ":") || (bytes[7] == 0x20 && bytes.count > 8 && (bytes[8] == UInt8(ascii: "-") || bytes[8] == 0xE2))
    }

    /// Text with *emphasis* and _emphasis_ marks dropped in pairs (the normaliser pairs asterisks within a line; a
    /// wrapped title's pair meets only here; underscores, pymupdf4llm's italics, only here). A lone asterisk, a
    /// footnote mark, stays, and so does an underscore inside a word ("attachment_data"). The space pymupdf4llm sets
    /// between a closing mark and punctuation ("_Code of Practice for Victims of Crime_ )") goes with the mark.
    static func withoutEmphasis(_ text: String) -> String {
        let characters = Array(text)
        func isSpace(_ index: Int) -> Bool { index < 0 || index >= characters.count || characters[index] == " " }
        var drop = Set<Int>()
        for mark: Character in ["*", "_"] {
            var open: Int?
            for index in characters.indices where characters[index] == mark && !drop.contains(index) {
                if let start = open, !isSpace(index - 1), index + 1 >= characters.count || " ,.;:)'\"?!".contains(characters[index + 1]) {
                    drop.formUnion([start, index])
                    if index + 2 < characters.count, characters[index + 1] == " ", ",.;:)".contains(characters[index + 2]) { drop.insert(index + 1) }
                    open = nil
                } else if (isSpace(index - 1) || characters[index - 1] == "(") && !isSpace(index + 1) && characters[index + 1] != mark {
                    open = index
                }
            }
        }
        return drop.isEmpty ? text : String(characters.indices.filter { !drop.contains($0) }.map { characters[$0] })
    }

    /// Marks a converter set for what the report prints, undone. A space before a comma, semicolon, colon or closing
    /// bracket is a converter's, set where a styled run ended ("By 1 December 2016 , the NPCC" in w3m's view of a bold
    /// date, which shows no mark to drop it with): English prose sets none. A dash spelt with hyphens between spaces,
    /// " -- " and " --- ", is the en and the em dash as pandoc's Markdown (its smart punctuation) and typewritten text
    /// spell them; the report prints the dash.
    static func withPunctuationAsPrinted(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            func isClosing(_ byte: UInt8) -> Bool { byte == 0x2C || byte == 0x3B || byte == 0x3A || byte == 0x29 }
            /// The hyphens of a spelt dash after the space at `space` (2 or 3, a space or the text's end after them),
            /// else 0.
            func speltDash(after space: Int) -> Int {
                var end = space + 1
                while end < bytes.count && end - space <= 3 && bytes[end] == UInt8(ascii: "-") { end += 1 }
                let hyphens = end - space - 1
                return (2...3).contains(hyphens) && (end == bytes.count || bytes[end] == 0x20) ? hyphens : 0
            }
            func isMarked(_ space: Int) -> Bool {
                space + 1 < bytes.count && (isClosing(bytes[space + 1]) || (bytes[space + 1] == UInt8(ascii: "-") && speltDash(after: space) > 0))
            }
            // Most texts have none: looked for a space at a time (`memchr`).
            var space = ByteSearch.firstIndex(of: 0x20, in: bytes, from: 0)
            while space < bytes.count && !isMarked(space) { space = ByteSearch.firstIndex(of: 0x20, in: bytes, from: space + 1) }
            guard space < bytes.count else { return nil }
            var kept = Array(bytes[..<space])  // copied as they stand, up to the first mark
            kept.reserveCapacity(bytes.count + 2)
            var index = space
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x20, index + 1 < bytes.count {
                    if isClosing(bytes[index + 1]) {
                        index += 1
                        continue
                    }
                    if bytes[index + 1] == UInt8(ascii: "-"), case let hyphens = speltDash(after: index), hyphens > 0 {
                        kept += hyphens == 2 ? [0x20, 0xE2, 0x80, 0x93] : [0x20, 0xE2, 0x80, 0x94]  // " –", " —"
                        index += 1 + hyphens
                        continue
                    }
                }
                kept.append(byte)
                index += 1
            }
            return String(decoding: kept, as: UTF8.self)
        } ?? text
    }

    /// A text's first three words, lowercased (nil for a shorter one): the items of a list open alike.
    private static func firstWords(_ text: String) -> String? {
        // Split no further than the third word (the rest stays one piece): an unwrapped item is a whole paragraph.
        let words = text.lowercasedByRuns().split(separator: " ", maxSplits: 3).prefix(3)
        return words.count == 3 ? words.joined(separator: " ") : nil
    }

    /// A line that cannot be part of a list item: a heading of the report's own vocabulary.
    private static let citationEnding = Array("available from:".utf8)

    /// Whether the line at `index` opens a citation: it, or one of the two lines after it (none blank, none before it
    /// ending a sentence), ends with "Available from:" and the line after that is an address ("www.…", "http…").
    static func isCitation(_ lines: NormalisedLines, at index: Int) -> Bool {
        // Asked of each line after an item's last: read on the lines' bytes, no String made.
        let ending = Self.citationEnding
        var line = index
        while line < lines.count - 1, line - index < 3, !lines[line].isBlank {
            let ends = lines[line].withText { bytes in
                bytes.count >= ending.count && zip(bytes.suffix(ending.count), ending).allSatisfy { ASCIIBytes.lower($0) == $1 }
            }
            if ends { return lines[line + 1].withText { ASCIIBytes.hasPrefix($0, "www.") || ASCIIBytes.hasPrefix($0, "http") } }
            // A citation's lines run on to "Available from:": a line before it that ends a sentence is the item's own.
            if lines[line].withText({ $0.last.map { ".!?".utf8.contains($0) } ?? false }) { return false }
            line += 1
        }
        return false
    }

    static func endsList(_ text: String) -> Bool {
        let heading = Phrases.withoutFootnote(text)
        // Most lines asked are a list's own prose, long and ASCII. Longer than any grade, ending or section title, such
        // a line can end the list only by its opening, compared on the bytes (lowercasing ASCII keeps its length): no
        // lowercase copy, no hashing of the whole line.
        if heading.utf8.count > Self.longestEnding && text.isASCII {
            return heading.hasPrefix(ignoringASCIICase: "how effective is the force") || heading.hasPrefix(ignoringASCIICase: "annex ")
        }
        let lower = String(heading).lowercasedByRuns()
        if lower.hasPrefix("how effective is the force") || lower.hasPrefix("overview – how effective") || lower.hasPrefix("annex ") { return true }
        if Grade(printed: String(heading)) != nil { return true }
        return listEndings.contains(lower) || sectionTitles.contains(lower)
    }

    /// Bytes in the longest text `endsList` finds whole: a list ending, a section title, or a grade (64 at most).
    private static let longestEnding = max(64, (listEndings.map(\.utf8.count) + sectionTitles.map(\.utf8.count)).max() ?? 0)

    static let listEndings: Set<String> = [
        "areas for improvement", "area for improvement", "cause of concern", "causes of concern", "recommendations", "recommendation",
        "summary of findings", "summary", "overall judgment", "overall judgement", "introduction", "force in numbers",
        "next steps", "conclusion", "contents",
    ]

    /// The glyphs that mark a list item: Markdown's (its "+" is also lynx's sub-bullet) and the reports' own, then those
    /// a text browser or word processor draws for a list's deeper levels (w3m's "▪" for a sub-bullet), which
    /// `bulletText` tries only where a line's first bytes say one may stand.
    private static let commonBulletGlyphs = ["-", "+", "•", "*", "–", "·"]
    private static let rareBulletGlyphs = ["▪", "◦", "▫", "■", "□", "●", "○", "‣", "⁃", "∙"]
    private static let commonBulletMarkers = commonBulletGlyphs.map { $0 + " " }
    private static let rareBulletMarkers = rareBulletGlyphs.map { $0 + " " }

    /// Whether UTF-8 that opens with 0xE2 may open with one of `rareBulletGlyphs` (U+25A0–U+25FF, U+2023, U+2043, U+2219).
    private static func mayOpenWithRareGlyph(_ utf8: String.UTF8View) -> Bool {
        var bytes = utf8.dropFirst().makeIterator()
        guard let second = bytes.next(), let third = bytes.next() else { return false }
        return second == 0x96 || second == 0x97 || (second == 0x80 && third == 0xA3) || (second == 0x81 && third == 0x83) || (second == 0x88 && third == 0x99)
    }

    /// A bullet glyph alone on a line (reading-order extraction prints it apart from its text).
    private static func isBulletGlyph(_ text: String) -> Bool {
        guard text.utf8.count <= 3 else { return false }
        return commonBulletGlyphs.contains(text) || rareBulletGlyphs.contains(text) || text == "o" || text == "§"
    }

    /// Two wrapped lines of one paragraph: a hyphen at the end of the first joins without a space ("anti-" + "social"),
    /// marked for the report's spellings to keep or drop (`LineEndHyphens`); so does one a space after a letter ("detri
    /// -" + "mental"), which stays the dash it looks like unless the report spells the word; not a dash after other text
    /// ("(ROCUs) -" + "except London").
    private static func joinedLines(_ first: String, _ second: String) -> String {
        if Phrases.endsInBrokenWord(first, before: second) {
            return first.dropLast() + String(LineEndHyphens.mark) + second
        }
        // A justified line's last word spaced out from its hyphen ("detri -" / "mental"), or a dash before a wrap.
        if first.hasSuffix(" -"), first.dropLast(2).last?.isLetter == true, second.first?.isLowercase == true {
            return first.dropLast(2) + String(LineEndHyphens.spacedMark) + second
        }
        return first + " " + second
    }

    /// A heading in plain extractions, where no `#` marks it: a short capitalised line with no closing
    /// punctuation ("Next steps", "Annex C: ROCU recommendations").
    private static func looksLikeHeading(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase, let last = text.last, !".;,:!?)".contains(last) else { return false }
        return text.split(separator: " ").count <= 8 && !text.contains("\t")
    }

    static func bulletText(_ text: String) -> String? {
        // Asked of every line of a list: one that opens with none of the markers' first bytes (most) is turned away
        // before the markers are compared as Strings. Those compare canonically equivalent text too: the Greek ano
        // teleia (U+0387, opening 0xCE) is a middle dot.
        guard let first = text.utf8.first, first == 0x2D || first == 0x2A || first == 0x2B || first == 0xE2 || first == 0xC2 || first == 0xCE
                || first == 0x6F else {
            return nil
        }
        if first == 0x6F || (first == 0xC2 && text.utf8.dropFirst().first == 0xA7) { return symbolBulletText(text) }
        // An ASCII line (a hyphen or star bullet, most of them) is cut and trimmed on its bytes, a Character each.
        if first < 0x80 && text.isASCII {
            let utf8 = text.utf8
            guard utf8.count >= 2, utf8[utf8.index(after: utf8.startIndex)] == 0x20 else { return nil }
            var copy = text
            return copy.withUTF8 { bytes in
                var lower = 2, upper = bytes.count
                while lower < upper && bytes[lower] == 0x20 { lower += 1 }
                while upper > lower && bytes[upper - 1] == 0x20 { upper -= 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
            }
        }
        for marker in commonBulletMarkers where text.hasPrefix(marker) {
            return String(text.dropFirst(marker.count)).trimmingCharacters(in: " ")
        }
        guard first == 0xE2, mayOpenWithRareGlyph(text.utf8) else { return nil }
        for marker in rareBulletMarkers where text.hasPrefix(marker) {
            return String(text.dropFirst(marker.count)).trimmingCharacters(in: " ")
        }
        return nil
    }

    /// A bullet as text extraction gives a word processor's symbol-font glyph: Word's "o" (Courier New) and "§"
    /// (Wingdings). (One left in the private use area, "\u{F0B7}", the line cleaner drops.) Only before a capital: no
    /// sentence's line opens with the letter "o" alone, nor a section sign before a word.
    private static func symbolBulletText(_ text: String) -> String? {
        let utf8 = text.utf8
        let glyph = utf8.first == 0x6F ? 1 : 2
        var index = utf8.index(utf8.startIndex, offsetBy: glyph, limitedBy: utf8.endIndex) ?? utf8.endIndex
        guard index < utf8.endIndex, utf8[index] == 0x20 else { return nil }
        while index < utf8.endIndex && utf8[index] == 0x20 { utf8.formIndex(after: &index) }
        guard index < utf8.endIndex, utf8[index] &- 0x41 < 26 else { return nil }
        return String(text[index...]).trimmingCharacters(in: " ")
    }

    /// An item of a numbered list: "1. The force should …", "2) …" (a number of one or two digits, a full stop or a
    /// closing bracket, a space), with its number and its text.
    static func numberedItem(_ text: String) -> (number: Int, text: String)? {
        let utf8 = Array(text.utf8.prefix(4))
        var digits = 0
        while digits < utf8.count && digits < 2 && utf8[digits] &- 0x30 < 10 { digits += 1 }
        guard digits > 0, digits + 1 < utf8.count, utf8[digits] == UInt8(ascii: ".") || utf8[digits] == UInt8(ascii: ")"),
              utf8[digits + 1] == 0x20 else { return nil }
        let rest = String(text.utf8.dropFirst(digits + 2))!.trimmingCharacters(in: " ")
        guard !rest.isEmpty else { return nil }
        return (utf8[..<digits].reduce(0) { $0 * 10 + Int($1 &- 0x30) }, rest)
    }

    /// The numbers a list item's marker may stand for, and the item's text: "1. ", "1) " (`numberedItem`); or a
    /// letter or a roman numeral, in brackets or before one ("(a) ", "b) ", "(iv) "), whose place in its list is its
    /// letter's or its numeral's ("(i)" either: the list's first roman numeral, or the letter after "(h)").
    static func listNumbers(_ text: String) -> [(number: Int, text: String)] {
        if let numbered = numberedItem(text) { return [numbered] }
        let utf8 = Array(text.utf8.prefix(8))
        let opening = utf8.first == UInt8(ascii: "(") ? 1 : 0
        var end = opening
        while end < utf8.count, utf8[end] &- 0x61 < 26 { end += 1 }
        guard end > opening, end + 1 < utf8.count, utf8[end] == UInt8(ascii: ")"), utf8[end + 1] == 0x20 else { return [] }
        let marker = String(decoding: utf8[opening..<end], as: UTF8.self)
        let rest = String(text.utf8.dropFirst(end + 2))!.trimmingCharacters(in: " ")
        guard !rest.isEmpty else { return [] }
        var numbers: [Int] = []
        if let roman = Self.romanNumerals.firstIndex(of: marker) { numbers.append(roman + 1) }
        if marker.utf8.count == 1 { numbers.append(Int(utf8[opening] - 0x61) + 1) }
        return numbers.map { ($0, rest) }
    }

    private static let romanNumerals = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]

    /// Whether a text ends a sentence: a full stop, question or exclamation mark, perhaps before closing quotes or
    /// brackets, or a footnote's number glued on ("… implement it.87").
    static func endsSentence(_ text: String) -> Bool {
        var end = text.unicodeScalars.endIndex
        let scalars = text.unicodeScalars
        func last() -> Unicode.Scalar? { end > scalars.startIndex ? scalars[scalars.index(before: end)] : nil }
        while let scalar = last(), scalar == " " || "\"')]\u{2019}\u{201D}".unicodeScalars.contains(scalar) || ("0"..."9").contains(scalar) {
            end = scalars.index(before: end)
        }
        return last().map { ".!?".unicodeScalars.contains($0) } ?? false
    }

    /// A rule: three or more of "-", "_" (pdftotext's, a converter's), or Markdown's thematic break of one of "-", "_",
    /// "*" with spaces between ("* * *", html2text's).
    private static func isRule(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard let first = utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "_") || first == UInt8(ascii: "*") else { return false }
        var marks = 0
        for byte in utf8 {
            if byte == first || (first != UInt8(ascii: "*") && (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_"))) {
                marks += 1
            } else if byte != 0x20 {
                return false
            }
        }
        return marks >= 3
    }

    /// Footnotes start with their number: "12 A court order …" after the superscript was dropped; or with the letter
    /// Ghostscript's txtwrite prints for a superscript digit, the low byte of its code (⁰ and ⁴–⁹ are U+2070–U+2079:
    /// "u Crime Inspection 2014 …" for "⁵ Crime …"): a lone p–y before a capital.
    /// One to three digits, then a space: a footnote's number opening its line (`isFootnote`'s second test, on bytes).
    static func opensWithFootnoteNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        while digits < bytes.count && digits < 4 && bytes[digits] &- 0x30 < 10 { digits += 1 }
        return (1...3).contains(digits) && digits < bytes.count && bytes[digits] == 0x20
    }

    private static func isFootnote(_ text: String) -> Bool {
        let utf8 = text.utf8
        if utf8.count > 2, let first = utf8.first, first >= UInt8(ascii: "p") && first <= UInt8(ascii: "y") {
            let second = utf8[utf8.index(after: utf8.startIndex)], third = utf8[utf8.index(utf8.startIndex, offsetBy: 2)]
            return second == 0x20 && third >= UInt8(ascii: "A") && third <= UInt8(ascii: "Z")
        }
        return text.utf8.withContiguousStorageIfAvailable(opensWithFootnoteNumber) ?? Array(text.utf8).withUnsafeBufferPointer(opensWithFootnoteNumber)
    }
}

/// How wide the text's lines were wrapped, to tell a wrapped line from a paragraph's end where no blank line says so:
/// a line that ends a paragraph leaves room for the next line's first word; a wrapped one does not. Text whose
/// paragraphs are one line each (no wrapping) has no width, and then no line continues another.
struct WrapWidth {
    /// The longest prose line, if many lines come close to it (the text was wrapped).
    let width: Int?

    /// A known width (a paragraph's own).
    init(width: Int) { self.width = width }

    init(_ lines: NormalisedLines) {
        // A histogram of line lengths (longer than 200 bytes in one bucket: no wrap width is that wide).
        var counts = [Int](repeating: 0, count: 202)
        var total = 0
        // Lengths from the lines' marks, the lines read in place: no line or text copied.
        for index in lines.indices where !lines[index].isBlank {
            counts[min(lines[index].cappedByteCount, 201)] += 1
            total += 1
        }
        /// The line length `percent` % of the lines keep to, if many lines come close to it (a wrapped text's lines are
        /// mostly near its width; an unwrapped one's paragraphs vary without bound).
        func wrapped(atPercentile percent: Int) -> Int? {
            var candidate = 0, seen = 0
            while candidate < 201 && seen + counts[candidate] <= total * percent / 100 {
                seen += counts[candidate]
                candidate += 1
            }
            guard total >= 20, (30...200).contains(candidate) else { return nil }
            let near = counts[((candidate * 8 + 9) / 10)...].reduce(0, +)
            return near * 3 >= total ? candidate : nil
        }
        // The 95th percentile, not the longest: a URL or a long word overruns any wrap width. Where more than one line in
        // twenty is wider than the text's (footnotes and tables set in a smaller type, wrapped wider, under a large
        // one's text), the 90th, if hardly a line (one in a hundred) is wider than any wrap, as a paragraph printed on
        // one line is.
        width = wrapped(atPercentile: 95) ?? (counts[201] * 100 <= total ? wrapped(atPercentile: 90) : nil) ?? joinedWidth()

        /// Plain `pdftotext` of a hyphenated text joins each line that ends in a broken word to the next: a line in
        /// six is two or three of the text's (one a line of the width, the other the next line, whole or part), and
        /// no percentile near the top is the width. Where, of the lines more than 1.15 times the 75th percentile, half
        /// or more are 1.6 times it or wider (joined lines, not footnotes or tables set a little wider), at least one
        /// line in twenty is two lines joined (1.6 to 2.3 times as wide) and no more are wider still (as paragraphs
        /// printed each on one line are, without bound), that percentile is the width. (A hyphenated A4 page's cut eight findings at a
        /// sentence's end.)
        func joinedWidth() -> Int? {
            guard let candidate = wrapped(atPercentile: 75) else { return nil }
            let wider = counts[min(candidate * 115 / 100 + 1, 201)...].reduce(0, +)
            let joined = counts[min(candidate * 16 / 10, 201)...].reduce(0, +)
            guard joined * 20 >= total, joined * 2 >= wider else { return nil }
            // Two lines joined, and more: read from the lines (the counts stop at 201 bytes).
            var two = 0, more = 0
            for index in lines.indices {
                let length = lines[index].cappedByteCount
                if length * 10 > candidate * 23 { more += 1 } else if length * 10 >= candidate * 16 { two += 1 }
            }
            return two * 20 >= total && more <= two ? candidate : nil
        }
    }

    /// Whether `next` continues the paragraph of `line`. A line that does not end a sentence does, in wrapped text;
    /// one that does continues only if it was too full for `next`'s first word.
    func continues(_ line: String, with next: String) -> Bool {
        guard let width else { return false }
        let endsSentence = line.last.map { ".;!?".contains($0) } == true && next.first?.isUppercase == true
        guard endsSentence else { return true }
        // Bytes, not Characters: this runs on every line of a list, and widths are estimates anyway.
        let firstWord = next.utf8.prefix { $0 != 0x20 }.count
        // (Lines joined where a word was hyphenated are wider than the width: taken as full. Which part of them was the
        // last line cannot be measured: a list's lines are set narrower than the text, so its width less is no length.)
        return (line.utf8.count + 1 + firstWord) * 100 > width * 95
    }

    /// In a text with no one wrap width, whether `line` was wrapped before `next` in a paragraph whose widest line is
    /// `paragraphWidest` bytes: it stops mid-sentence, `next` goes on in lower case, and it was too full for `next`'s
    /// first word. A paragraph printed on one line (wider than any wrap) wraps none; nor does a list of short parts
    /// that lost its bullets ("domestic burglary", "violent crime"): each leaves room for the next one's first word.
    /// (Not a line in upper case: a heading or a paragraph in text without blank lines is as likely as a proper noun.)
    static func fills(_ line: String, before next: String, paragraphWidest: Int) -> Bool {
        guard paragraphWidest <= 200, line.last.map({ !".;:!?".contains($0) }) == true, next.first?.isLowercase == true else { return false }
        let firstWord = next.utf8.prefix { $0 != 0x20 }.count
        return (line.utf8.count + 1 + firstWord) * 100 > paragraphWidest * 95
    }
}
