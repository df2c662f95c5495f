@testable import PeelLayout
import PeelTestSupport
import PeelText
import Testing

/// A judgments table in columns, its cells wrapped in their columns.
private let wrappedTable = """
    Force               Q1. Preventing    Q2. Investigating
                        crime             crime
    Avon and Somerset   Good              Requires
                                          improvement
    Devon and           Requires          Good
    Cornwall            improvement
    """

private func laidOut(_ text: String) throws -> LaidOutText {
    let decoded = try TextDecoder.decode(Array(text.utf8))
    return LaidOutText(NormalisedText(decoded), decoded: decoded)
}

@Suite("Layout: cells, page furniture, table tokens")
struct LayoutTests {
    @Test("cells are split at tabs and at runs of two or more spaces, with their display columns")
    func cells() throws {
        let text = try laidOut("Force  Good   Requires improvement\n\tGood\tInadequate\nOne sentence with single spaces.\n  <b>Avon and Somerset</b>\t**Good**\n")
        #expect(text.cells(0).map(\.text) == ["Force", "Good", "Requires improvement"])
        #expect(text.cells(0).map(\.column) == [0, 7, 14])
        #expect(text.cells(1).map(\.text) == ["Good", "Inadequate"])
        #expect(text.cells(1).map(\.column) == [8, 16])
        #expect(text.cells(2).map(\.text) == ["One sentence with single spaces."])
        #expect(text.cells(3).map(\.text) == ["Avon and Somerset", "Good"])
        #expect(text.cells(3).map(\.column) == [2, 32])
    }

    @Test("a running header and a footer with a page number are removed at every page break, and nothing else")
    func furniture() throws {
        var pages: [String] = []
        for page in 1...6 {
            pages.append("PEEL: Police effectiveness 2015 – Wiltshire Police\n\nBody text \(String(repeating: "and more ", count: page)).\nGwent Police\nMore text, \(String(repeating: "x", count: page)).\n\nPage \(page) of 6\n")
        }
        let text = try laidOut(pages.joined(separator: "\u{0C}"))
        let kept = text.lines.filter { !$0.isBlank }.map(\.text)
        #expect(kept.filter { $0.hasPrefix("PEEL") }.count == 0)
        #expect(kept.filter { $0.hasPrefix("Page ") }.count == 0)
        #expect(kept.filter { $0 == "Gwent Police" }.count == 6)
        #expect(kept.filter { $0.hasPrefix("Body text") }.count == 6)
    }

    /// pdfminer.six sets a page's boxes in an order of its own: "Domestic abuse", "Domestic abuse as a percentage of …
    /// 12 months to 31 March", the running title, "2015".
    @Test("the running title a few lines into a page is furniture there too; the same words further in are not")
    func strayRunningTitle() throws {
        let title = "PEEL: Police effectiveness 2015 – Wiltshire Police"
        var pages: [String] = []
        for page in 1...6 {
            switch page {
            case 3: pages.append("Domestic abuse\n\nDomestic abuse as a percentage of all recorded crime 12 months to 31 March\n\n\(title)\n\n2015\nWiltshire Police\n11.5%\n")
            case 5: pages.append("\(title)\nOne.\nTwo.\nThree.\nFour.\nFive.\n\(title)\nSix.\nSeven.\nEight.\nNine.\nTen.\n")
            default: pages.append("\(title)\n\nBody text \(String(repeating: "and more ", count: page)).\nMore text, \(String(repeating: "x", count: page)).\n")
            }
        }
        let text = try laidOut(pages.joined(separator: "\u{0C}"))
        let kept = text.lines.filter { !$0.isBlank }.map(\.text)
        #expect(kept.filter { $0 == title }.count == 1)
        #expect(kept.contains("Domestic abuse as a percentage of all recorded crime 12 months to 31 March"))
        #expect(kept.contains("2015"))
        let fifth = try #require(kept.firstIndex(of: "Five."))
        #expect(kept[fifth + 1] == title)
    }

    /// pdfminer.six with `boxes_flow=-0.5` set page 2's number above the running title ("2" / title / form feed), and
    /// page 1's "1" ended a page whose next page's number was not beside its break: the normaliser took neither, and
    /// "1" was read as a Force in numbers value, "2" as the next one.
    @Test("a page's number the pages around it give is furniture where a running title stands between it and the break, or where the run had not begun; another number there is text")
    func numbersThePagesGive() throws {
        let title = "PEEL: Police effectiveness 2017 – Gwent Police"
        func pages(secondPageEnds value: String) -> String {
            var pages = ["Force in numbers\nCalls for assistance\nGwent Police\n338\nEngland and Wales\n282\n\n1\n",
                         "Crime outcomes\nCharged/summonsed\nGwent Police\n\n\(value)\n\n\(title)\n"]
            for page in 3...6 {
                pages.append("Body text \(String(repeating: "and more ", count: page)).\nMore text, \(String(repeating: "x", count: page)).\n\(title)\n\(page)\n")
            }
            return pages.joined(separator: "\u{0C}") + "\u{0C}"
        }
        let text = try laidOut(pages(secondPageEnds: "2"))
        let kept = text.lines.filter { !$0.isBlank }.map(\.text)
        #expect(kept.prefix(6) == ["Force in numbers", "Calls for assistance", "Gwent Police", "338", "England and Wales", "282"])
        #expect(kept[6] == "Crime outcomes", "\(kept)")
        #expect(!kept.contains { ["1", "2", "3", "4", "5", "6", title].contains($0) }, "\(kept)")
        // "7" is not page 2's number: a value, kept; page 1's number still is one.
        let other = try laidOut(pages(secondPageEnds: "7"))
        let keptOther = other.lines.filter { !$0.isBlank }.map(\.text)
        #expect(keptOther.contains("7") && !keptOther.contains("1"), "\(keptOther)")
        // Page 1's number alone, where no later page carries one, is not known for one.
        let unnumbered = try laidOut(pages(secondPageEnds: "2").replacing(/\n[3-6]\n/, with: "\n"))
        #expect(unnumbered.lines.filter { !$0.isBlank }.map(\.text).contains("1"))
    }

    @Test("values that end most pages (a table's cells one per line: \"36.2\", \"-12.6%\") are no footer; a footer that repeats is one")
    func valuesEndingPages() throws {
        let values = ["36.2", "6.3", "-12.6%", "+13%", "21,251", "4.1"]
        var pages: [String] = []
        for (page, value) in values.enumerated() {
            pages.append("PEEL: Police effectiveness 2015 – Wiltshire Police\nAssault with injury\nWiltshire Police\n\(page + 1).0\n\(value)\n\(page + 1)\n")
        }
        // Every page ends with a form feed, as pdftotext ends them; "#.#" ends three of the six.
        let text = try laidOut(pages.joined(separator: "\u{0C}") + "\u{0C}")  // kept alive while its lines are read
        let kept = text.lines.filter { !$0.isBlank }.map(\.text)
        #expect(values.allSatisfy(kept.contains), "\(kept)")
        #expect(!kept.contains { $0.hasPrefix("PEEL") })
        // The same pages with a footer below the value: the footer goes, the value stays.
        let footed = pages.map { $0 + "© HMIC 2016\n" }
        let footedText = try laidOut(footed.joined(separator: "\u{0C}") + "\u{0C}")
        let keptFooted = footedText.lines.filter { !$0.isBlank }.map(\.text)
        #expect(values.allSatisfy(keptFooted.contains), "\(keptFooted)")
        #expect(!keptFooted.contains("© HMIC 2016"))
    }

    @Test("running headers on alternate pages (the title on one, the inspectorate on the other) are furniture; a line opening too few pages of one parity is not")
    func alternatingFurniture() throws {
        // A cover and thirteen pages: "HMIC" opens the six even ones, on fewer than half the pages (the count that
        // takes a running line); the title the seven odd ones.
        let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima", "mike", "november"]
        func text(_ head: (Int) -> String) -> String {
            (0...13).map { page in
                (page == 0 ? "Cover\n" : head(page) + "\n\n") + "Body text about \(words[page]).\nMore on \(words[13 - page]).\n\n\(page + 1)\n"
            }.joined(separator: "\u{0C}")
        }
        let alternating = try laidOut(text { $0 % 2 == 0 ? "HMIC" : "PEEL: Police effectiveness 2015 – Wiltshire Police" })
        let kept = alternating.lines.filter { !$0.isBlank }.map(\.text)
        #expect(!kept.contains("HMIC") && !kept.contains { $0.hasPrefix("PEEL") }, "\(kept)")
        #expect(kept.filter { $0.hasPrefix("Body text") }.count == 14)
        // A heading opening three of the six even pages is no running line.
        let headings = try laidOut(text { $0 % 2 == 1 ? "PEEL: Police effectiveness 2015" : [2, 6, 10].contains($0) ? "Recommendations" : "Section \(words[$0])" })
        #expect(headings.lines.filter { $0.text == "Recommendations" }.count == 3)
        #expect(!headings.lines.contains { $0.text.hasPrefix("PEEL") })
    }

    @Test("without form feeds, a running header beside page numbers that run on is furniture, and a block broken by it reads on")
    func unpagedFurniture() throws {
        let header = "PEEL: Police effectiveness 2017 – Gwent Police"
        var text = "\(header)\n\nPEEL: Police effectiveness 2017\nAn inspection of Gwent Police\n"
        for page in 1...6 {
            // A page ends inside a Force in numbers block: the page's number stands between the force's value and
            // England and Wales's (as `pdftotext -nopgbrk` writes it), the next page's header after it.
            text += "\nCalls for assistance \(page)\n\nGwent Police\nEngland and Wales\n\(240 + page)\n\(page)\n\n\(header)\n\n\(280 + 3 * page)\n\nText of page \(page + 1).\n"
        }
        let laid = try laidOut(text)
        let kept = laid.lines.filter { !$0.isBlank }.map(\.text)
        #expect(!kept.contains(header))
        #expect(kept.filter { Int($0) != nil } == (1...6).flatMap { ["\(240 + $0)", "\(280 + 3 * $0)"] })
        #expect(kept.filter { $0.hasPrefix("PEEL: Police effectiveness 2017") } == ["PEEL: Police effectiveness 2017"])
        // The value after the break follows the one before it, with no paragraph break between them.
        let before = try #require(laid.lines.firstIndex { $0.text == "241" })
        #expect(laid.lines[before + 1].text == "283")
        #expect(laid.furniture.count == 13)
    }

    @Test("without form feeds or running lines, page numbers alone are removed; a value equal to one is kept unless it stands where the page's number would")
    func pageNumbersAlone() throws {
        /// Eight pages of twelve lines, each ending with its number alone between blank lines; `value` is a line
        /// "4" put `offset` lines after page 3's number (0: none).
        func pages(valueAfterPageThree offset: Int) -> String {
            var lines: [String] = []
            for page in 1...8 {
                for line in 1...12 { lines.append("Line \(line) of page \(page), which goes on.") }
                lines += ["", "\(page)", ""]
            }
            if offset > 0 { lines.insert("4", at: lines.firstIndex(of: "3")! + offset) }
            return lines.joined(separator: "\n") + "\n"
        }
        func numbers(_ text: String) throws -> [String] { try laidOut(text).lines.map(\.text).filter { Int($0) != nil } }
        #expect(try numbers(pages(valueAfterPageThree: 0)) == [])
        // A value "4" three lines into page 4, well away from where page 4's number stands: the value stays.
        #expect(try numbers(pages(valueAfterPageThree: 4)) == ["4"])
        // A value "4" just after page 4's number: which is the page's cannot be told, so both stay.
        #expect(try numbers(pages(valueAfterPageThree: 16)) == ["4", "4"])
    }

    @Test("without form feeds, numbers that do not run on as pages do, or beside a line that stands elsewhere too, stay", arguments: [
        // Values beside a label, running on for three blocks of eight, the label standing in all eight.
        (1...8).map { "Gwent Police\nEngland and Wales\n\($0 < 4 ? $0 + 1 : 40 + 7 * $0)\n12\nSome text about it.\nMore.\n" }.joined(),
        // Numbers beside a repeated line, but a line apart: a numbered list, not pages.
        (1...8).map { "\($0)\nAn item\n" }.joined(),
        // Numbers running on beside a repeated line, but from a number no page could have reached.
        (1...8).map { "\(100 + $0)\nRunning line\nText.\nMore text.\nAnd more.\nThe end of it.\n" }.joined(),
    ])
    func unpagedNotFurniture(_ text: String) throws {
        let laid = try laidOut(text)
        #expect(laid.furniture.isEmpty)
        #expect(laid.lines.count == text.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
    }

    @Test("page numbers are told by their words: separators are not words, a bare number is none, a fifth word or more is text", arguments: [
        ("Page 7", true), ("Page 7 of 40", true), ("7 of 40", true), ("- 7 -", false), ("Page | 7 | of | 40", true), ("PAGE 12 OF 99", true),
        ("Page 7 of 40 and more", false), ("7 of 40 pages", false), ("Page seven", false), ("7", false), ("of 40", false),
        (String(repeating: "Page 7 of 40 ", count: 200), false), ("Page 7 of 40 – Wiltshire Police", false), ("Page 7 – of – 40", true),
    ])
    func pageNumbers(_ text: String, _ isNumber: Bool) {
        #expect(PageFurniture.isPageNumber(text) == isNumber)
    }

    @Test("the blank lines at a page break are no paragraph break: text runs on across it")
    func pageBottomMargin() throws {
        // Each page numbered, as a numbered text's pages are (one number alone could be a value that ends its page).
        let text = try laidOut("first\n\nan item that runs\n\n\n   2\n\u{0C}   Running header\n\n\non to the next page\n\nlast\n   3\n\u{0C}   Running header\n\nend\n")
        #expect(text.lines.map(\.text) == ["first", "", "an item that runs", "on to the next page", "", "last", "end"])
    }

    @Test("text without page breaks loses no line, however often a line repeats")
    func noBreaks() throws {
        let text = try laidOut(String(repeating: "Gwent Police\n38\nEngland and Wales\n12\n", count: 10))
        #expect(text.lines.count == 40)
        #expect(text.furniture.isEmpty)
    }

    @Test("a cell wrapped in its column is one token; reading order gives the same cells one per line")
    func wrappedCells() throws {
        let layout = try laidOut(wrappedTable)
        // A line with text in the first column starts a row, so a wrapped force name is not joined (its words stay
        // in reading order instead: hard-wrapped text starts every line in that column).
        #expect(layout.tokens(0..<layout.lines.count).map(\.text) == [
            "Force", "Q1. Preventing crime", "Q2. Investigating crime",
            "Avon and Somerset", "Good", "Requires improvement",
            "Devon and", "Requires", "Good", "Cornwall", "improvement",
        ])
        let reading = try laidOut("Question\nGrade\nPreventing crime and tackling anti-social\nbehaviour\nGood\n2016\n")
        #expect(reading.tokens(0..<reading.lines.count).map(\.text) == [
            "Question", "Grade", "Preventing crime and tackling anti-social", "behaviour", "Good", "2016",
        ])
        let wrappedFirst = try laidOut("Preventing crime and tackling anti-     Good    2016\nsocial behaviour\nInvestigating crime                     Good    2016\n")
        #expect(wrappedFirst.tokens(0..<wrappedFirst.lines.count).map(\.text) == [
            "Preventing crime and tackling anti-", "Good", "2016", "social behaviour", "Investigating crime", "Good", "2016",
        ])
    }
}

/// The tokens of a range by their plain definition: every line read at once, a continuation line's cells joined to
/// the row's tokens they continue. `tokens` and `WordWindow` read a line at a time; they are held to this.
private func plainTokens(_ text: LaidOutText, _ range: Range<Int>, longest: Int = 300) -> [Token] {
    var tokens: [Token] = []
    var row: [(cell: Cell, token: Int)] = []
    for index in range where !text.lines[index].isBlank {
        if text.lines[index].text.utf8.count > longest { break }
        let cells = text.cells(index)
        if row.count >= 2, cells.count < row.count {
            var targets: [Int] = [], next = 1, continues = true
            for cell in cells {
                guard next < row.count, let found = row[next...].firstIndex(where: { abs($0.cell.column - cell.column) <= 2 }) else {
                    continues = false
                    break
                }
                targets.append(found)
                next = found + 1
            }
            if continues {
                for (cell, target) in zip(cells, targets) {
                    let first = tokens[row[target].token].text
                    tokens[row[target].token].text = first.hasSuffix("-") && first.utf8.count >= 2 ? first + cell.text : first + " " + cell.text
                }
                continue
            }
        }
        row = []
        for cell in cells {
            row.append((cell, tokens.count))
            tokens.append(Token(text: cell.text, line: text.lines[index].number))
        }
    }
    return tokens
}

struct WordWindowTests {
    @Test("words made as far as they are asked for are those of all the tokens, in order (samples and wrapped tables, seeded ranges)")
    func againstPlainTokens() throws {
        var texts = try Fixtures.sampleNames.map { name in
            let decoded = try TextDecoder.decode(Fixtures.sample(name))
            return LaidOutText(NormalisedText(decoded), decoded: decoded)
        }
        texts.append(try laidOut(wrappedTable + "\nPreventing crime and tackling anti-     Good    2016\nsocial behaviour\n"))
        let seed: UInt64 = 0x70C5
        print("WordWindowTests seed \(seed)")
        var generator = SplitMix(seed: seed)
        var checked = 0
        for text in texts {
            for _ in 0..<100 {
                let start = Int.random(in: 0..<text.lines.count, using: &generator)
                let range = start..<min(text.lines.count, start + Int.random(in: 1...80, using: &generator))
                let longest = [300, 60, 20].randomElement(using: &generator)!
                let expected = plainTokens(text, range, longest: longest)
                #expect(text.tokens(range, longest: longest) == expected, "seed \(seed): \(range)")
                let words = expected.words
                var window = text.wordWindow(range, longest: longest)
                // Asked for in jumps: what is made is always a prefix of the words, as far as asked.
                var asked = 0
                while asked < words.count + 2 {
                    let has = window.has(asked)
                    #expect(has == (asked < words.count), "seed \(seed): \(range) word \(asked)")
                    #expect(window.words.count <= words.count && Array(words.prefix(window.words.count)) == window.words, "seed \(seed): \(range)")
                    asked += Int.random(in: 1...6, using: &generator)
                }
                #expect(window.all() == words, "seed \(seed): \(range)")
                checked += words.count
            }
        }
        #expect(checked > 10_000, "seed \(seed): enough words were compared (\(checked))")
    }
}

struct PageFurnitureKeyTests {
    @Test("the sweep finds the longest run of page numbers the plain definition does (seeded random numbers)")
    func pageRuns() {
        let seed: UInt64 = 20261204
        print("page run seed \(seed)")
        var generator = SplitMix(seed: seed)
        // The definition: some numbers, in line order, each one or two more than the last and a page's lines on from
        // it, the first no more than a page could be where it stands.
        func definition(_ numbers: [(index: Int, value: Int)]) -> Int {
            var runs = [Int](repeating: 0, count: numbers.count)
            for later in numbers.indices {
                let first = numbers[later].value <= numbers[later].index / PageFurniture.minimumPageLines + 5
                runs[later] = first ? 1 : 0
                for earlier in 0..<later where runs[earlier] > 0 {
                    let step = numbers[later].value - numbers[earlier].value
                    if (step == 1 || step == 2) && numbers[later].index - numbers[earlier].index >= PageFurniture.minimumPageLines {
                        runs[later] = max(runs[later], runs[earlier] + 1)
                    }
                }
            }
            return runs.max() ?? 0
        }
        var found = 0
        for _ in 0..<3000 {
            var index = 0
            let numbers = (0..<Int.random(in: 0...14, using: &generator)).map { _ -> (index: Int, value: Int) in
                index += Int.random(in: 1...7, using: &generator)
                return (index, Int.random(in: 0...12, using: &generator))
            }
            let expected = definition(numbers)
            if expected >= PageFurniture.minimumPages { found += 1 }
            #expect(PageFurniture.longestPageRun(numbers, below: 13) == expected, "seed \(seed): \(numbers)")
        }
        // Both answers were met often enough to mean something.
        #expect(found > 300 && found < 2700, "seed \(seed): \(found) of 3000 had a run")
    }

    @Test("a page edge's key folds each run of digits to one # and ASCII letters to lower case, and leaves every other byte (seeded lines)")
    func keys() {
        let seed: UInt64 = 20261206
        print("furniture key seed \(seed)")
        var generator = SplitMix(seed: seed)
        let pieces = ["Page", " ", "7", "of", "40", "GWENT", "Police", "é", "\u{00A0}", "–", "|", "PEEL 2016", "ﬁ", "Ünïcode", "0", "9", "@", "[", "`", "{", "Z", "a"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var folded: [UInt8] = []
            var afterDigit = false
            for byte in text.utf8 {
                let isDigit = (0x30...0x39).contains(byte)
                if isDigit && !afterDigit { folded.append(UInt8(ascii: "#")) }
                if !isDigit { folded.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte) }
                afterDigit = isDigit
            }
            let expected = String(decoding: folded, as: UTF8.self)
            #expect(PageFurniture.key(text) == expected, "seed \(seed): \(text)")
        }
    }
}

struct PageNumberTests {
    /// `isPageNumber` by its plain definition: the line's key split into words, separators dropped, numbers shaped "#".
    private func plainIsPageNumber(_ text: String) -> Bool {
        let words = PageFurniture.key(text).split(separator: " ").filter { $0 != "-" && $0 != "–" && $0 != "|" }
        guard !words.isEmpty, words.count <= 4 else { return false }
        let shapes = words.map { $0.allSatisfy { $0 == "#" } ? "#" : String($0) }
        return shapes == ["page", "#"] || shapes == ["page", "#", "of", "#"] || shapes == ["#", "of", "#"]
    }

    @Test("page numbers read on the bytes are those of the plain definition (seeded short lines)")
    func againstDefinition() {
        let seed: UInt64 = 0x9A6E
        print("PageNumberTests seed \(seed)")
        var generator = SplitMix(seed: seed)
        let words = ["Page", "PAGE", "page", "pAgE", "7", "40", "123", "#", "7#", "of", "OF", "Of", "-", "|", "–", "--", "Wiltshire", "Police",
                     "pag3", "12a", "pages", "o", "é", "Pagé", "ǅ"]
        let spaces = [" ", " ", "  ", ""]
        var checked = 0, numbers = 0
        for _ in 0..<20_000 {
            let line = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
                words.randomElement(using: &generator)! + spaces.randomElement(using: &generator)!
            }.joined()
            let expected = plainIsPageNumber(line)
            if expected { numbers += 1 }
            #expect(PageFurniture.isPageNumber(line) == expected, "seed \(seed): \(line)")
            checked += 1
        }
        #expect(numbers > 50, "seed \(seed): the draw made enough page numbers (\(numbers))")
    }
}

@Suite("Page numbers of non-ASCII lines")
struct PageNumberWordTests {
    /// The rule as it was stated: all the words, split at spaces, without dashes and bars; "page #", "page # of #" or
    /// "# of #".
    private func reference(_ text: String) -> Bool {
        let words = PageFurniture.key(text).split(separator: " ").filter { $0 != "-" && $0 != "–" && $0 != "|" }
        guard !words.isEmpty, words.count <= 4 else { return false }
        let shapes = words.map { $0.allSatisfy { $0 == "#" } ? "#" : String($0) }
        return shapes == ["page", "#"] || shapes == ["page", "#", "of", "#"] || shapes == ["#", "of", "#"]
    }

    @Test("reading words until a fifth gives the answer reading them all gave, on seeded random lines")
    func stopsAtTheFifthWord() {
        let pieces = [" ", "  ", "Page", "page", "PAGE", "of", "7", "12", "-", "–", "|", "é", "\u{0301}", "\u{00A0}", "x", "日本"]
        let seed: UInt64 = 41226
        print("PageNumberWordTests seed \(seed)")
        var generator = SplitMix(seed: seed)
        var pageNumbers = 0
        for _ in 0..<20_000 {
            // Non-ASCII lines take this path: each holds an en dash (a word passed over, so the line may still be a page
            // number) or an "é" somewhere.
            var parts = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            parts.insert(Bool.random(using: &generator) ? " – " : "é", at: Int.random(in: 0...parts.count, using: &generator))
            let line = parts.joined()
            let expected = reference(line)
            #expect(PageFurniture.isPageNumber(line) == expected, "line \(Array(line.utf8)), seed \(seed)")
            if expected { pageNumbers += 1 }
        }
        #expect(PageFurniture.isPageNumber("Page 7 of 12 é") == false)
        #expect(PageFurniture.isPageNumber("Pagé 7") == false)
        #expect(PageFurniture.isPageNumber("– 7 of 12 – é") == false)
        #expect(PageFurniture.isPageNumber("– Page 7 of 12 –") == true)
        // Both answers were met (page numbers by a couple of dozen lines).
        #expect(pageNumbers > 10)
    }
}

@Suite("Footnotes at a page's foot")
struct PageFootnoteTests {
    private func texts(_ text: String) throws -> [String] {
        let decoded = try TextDecoder.decode(Array(text.utf8))
        let lines = LaidOutText(NormalisedText(decoded), decoded: decoded).lines
        return lines.indices.map { lines[$0] }.filter { !$0.isBlank }.map(\.text)
    }

    private func page(foot: String, top: String = "should improve its approach.") -> String {
        "PEEL: Police effectiveness 2015 – Wiltshire Police\n\nThe force\n\n\(foot)\n\n9\n\u{0C}PEEL: Police effectiveness 2015 – Wiltshire Police\n\n\(top)\n\n10\n\u{0C}PEEL: Police effectiveness 2015 – Wiltshire Police\n\nEnd.\n"
    }

    @Test("a footnote that ends (a full stop, an address) above the break is passed over: the text runs on past it")
    func passedOver() throws {
        #expect(try texts(page(foot: "12 Home Office, London, July 2015.")) == ["The force", "should improve its approach.", "End."])
        #expect(try texts(page(foot: "12 Available from: www.gov.uk/crime-outcomes\n13 *Crime Outcomes*, 2015.")) == ["The force", "should improve its approach.", "End."])
    }

    @Test("a footnote's address carried to the next page's top (\"Available from:\" / an address) goes with the footnote; the text runs on past both")
    func tailPassedOver() throws {
        let tail = "Available from:\nwww.justiceinspectorates.gov.uk/hmic/wp-content/uploads/wiltshire-crime-inspection-2014.pdf"
        #expect(try texts(page(foot: "7 Crime Inspection 2014 – Wiltshire Police, HMIC, November 2014.", top: tail + "\n\nshould improve its approach."))
                == ["The force", "should improve its approach.", "End."])
        // Without a footnote dropped above the break, or with words after the address, the lines are the page's text.
        #expect(try texts(page(foot: "The force's plan.", top: tail + "\n\nshould improve.")).contains("Available from:"))
        #expect(try texts(page(foot: "7 Crime Inspection 2014, HMIC.", top: "Available from the College at www.college.police.uk and its guidance\n\nshould improve."))
                .contains("Available from the College at www.college.police.uk and its guidance"))
    }

    @Test("a footnote cut by the break, counts, or a block with no blank line above stay")
    func kept() throws {
        // It goes on at the next page's top, where it cannot be told from the text the break cut.
        #expect(try texts(page(foot: "12 See Regional Organised Crime Units: A review", top: "of capability, HMIC, 2015.")).contains("12 See Regional Organised Crime Units: A review"))
        #expect(try texts(page(foot: "3 30 10 0")).contains("3 30 10 0"))
        let noBlank = "PEEL: Police effectiveness 2015 – Wiltshire Police\n\nThe force\n12 Home Office, London, July 2015.\n\n9\n\u{0C}PEEL: Police effectiveness 2015 – Wiltshire Police\n\nshould improve.\n\n10\n\u{0C}PEEL: Police effectiveness 2015 – Wiltshire Police\n\nEnd.\n"
        #expect(try texts(noBlank).contains("12 Home Office, London, July 2015."))
    }
}

@Suite("Layout: bars between a table's cells")
struct CellRuleTests {
    @Test("a row with bars between its cells gives the words of the same row one space apart; a delimiter row gives none")
    func barredRow() throws {
        let spaced = try laidOut("Avon and Somerset Good Requires improvement - 4,405 -12%\n")
        for barred in ["Avon and Somerset | Good | Requires improvement | - | 4,405 | -12%\n--- | :---: | ---: | --- | --- | ---\n",
                       "Avon and Somerset \u{2502} Good \u{2502} Requires improvement \u{2502} - \u{2502} 4,405 \u{2502} -12%\n",
                       "Avon and Somerset \u{A6} Good \u{A6} Requires improvement \u{A6} - \u{A6} 4,405 \u{A6} -12%\n"] {
            let text = try laidOut(barred)
            #expect(text.tokens(0..<text.lines.count).words.map(\.text) == spaced.tokens(0..<1).words.map(\.text), "\(barred)")
        }
    }

    @Test("a bar against the cell before it ends the cell (html2text's tables); one between spaces, in a word or opening a Markdown row does not")
    func barAfterCell() throws {
        let text = try laidOut("""
            Force| Q1. Preventing crime| Overall effectiveness judgment  
            ---|---|---  
            **Avon and Somerset**|  Good| Requires
            improvement|
            Kent | Good
            either|or and a|b
            |Kent| Good|

            """)
        #expect(text.cells(0).map(\.text) == ["Force", "Q1. Preventing crime", "Overall effectiveness judgment"])
        #expect(text.cells(0).map(\.column) == [0, 7, 29])
        #expect(text.tokens(0..<4).words.map(\.text) == ["Force", "Q1.", "Preventing", "crime", "Overall", "effectiveness", "judgment",
                                                          "Avon", "and", "Somerset", "Good", "Requires", "improvement"])
        #expect(text.cells(2).map(\.text) == ["Avon and Somerset", "Good", "Requires"])
        #expect(text.cells(3).map(\.text) == ["improvement"])
        #expect(text.cells(4).map(\.text) == ["Kent | Good"])
        #expect(text.cells(5).map(\.text) == ["either|or and a|b"])
        #expect(text.cells(6).map(\.text) == ["Kent", "Good"])
    }

    @Test("a line indented by a column or two after a row whose first cell is narrow is no continuation of the row's next cell")
    func narrowFirstCell() throws {
        for row in ["1| 24| 18| 0", "1|\u{A0}24|\u{A0}18|\u{A0}0", "1  24  18  0"] {
            for prose in [" One force was judged to be outstanding.", "One force was judged to be outstanding."] {
                let text = try laidOut("Outstanding| Good| Requires improvement| Inadequate\n---|---|---|---\n\(row)\n\n\(prose)\n")
                #expect(text.tokens(0..<text.lines.count).words.map(\.text).prefix(9) == ["Outstanding", "Good", "Requires", "improvement",
                                                                                        "Inadequate", "1", "24", "18", "0"], "\(row.debugDescription) \(prose.debugDescription)")
            }
        }
    }

    @Test("bars and delimiter cells are rules; a dash, a dash run of two, words with bars in them are not", arguments: [
        ("|", true), ("\u{2502}", true), ("\u{2503}", true), ("\u{A6}", true), ("---", true), (":---:", true), ("--:", true),
        ("---|---|---", true), ("---|:---:", true),
        ("-", false), ("--", false), (":::", false), ("||", false), ("|a", false), ("\u{2013}", false), ("Good", false), ("-12%", false),
        ("|||", false),
    ])
    func rule(word: String, isRule: Bool) {
        #expect(Word.isCellRule(Array(word.utf8)) == isRule)
    }
}

/// Blocks of text side by side (a graphic's panels in a grid, `pdftotext -layout`), read a block at a time.
@Suite("Layout: blocks of text side by side")
struct SideBySideTests {
    private func reading(_ text: String) throws -> [String]? {
        let laid = try laidOut(text)
        return laid.sideBySideReading(0..<laid.lines.count)?.map(\.text)
    }

    @Test("two panels a row are read a panel at a time, top to bottom, left to right; the lines around them whole")
    func twoPanels() throws {
        let text = """
            Force in numbers
            Calls for assistance          Anti-social behaviour
            Incidents per 1,000           ASB incidents per 1,000
            Gwent Police                  Gwent Police
            338                           37

            England and Wales             England and Wales
            282                           31
            A sentence that runs right across the page, where the panels have ended.
            """
        #expect(try reading(text) == [
            "Force in numbers",
            "Calls for assistance", "Incidents per 1,000", "Gwent Police", "338", "England and Wales", "282",
            "Anti-social behaviour", "ASB incidents per 1,000", "Gwent Police", "37", "England and Wales", "31",
            "A sentence that runs right across the page, where the panels have ended.",
        ])
    }

    @Test("three panels a row, a panel that starts lower than its neighbours, and a column edge a space off")
    func threePanels() throws {
        let text = """
                                          Crime                     Outcomes
            Calls for assistance          Crimes per 1,000          Charged
            Gwent Police  338             Gwent Police  74          Gwent Police  11%
            England and Wales  282         England and Wales  77    England and Wales  10%
            """
        #expect(try reading(text) == [
            "Calls for assistance", "Gwent Police 338", "England and Wales 282",
            "Crime", "Crimes per 1,000", "Gwent Police 74", "England and Wales 77",
            "Outcomes", "Charged", "Gwent Police 11%", "England and Wales 10%",
        ])
    }

    @Test("a name beside its value, a table of numbers, a single column: no blocks side by side", arguments: [
        "Gwent Police        338\nEngland and Wales   282\n",
        "Force   2016   2017\nGwent   74     77\n",
        "Calls for assistance\nIncidents per 1,000\nGwent Police\n338\n",
        // Words on both sides on one line only: a line's cells, not two blocks.
        "Force in numbers          Gwent Police\nIncidents per 1,000 population, a line that runs across\n",
    ])
    func noBlocks(_ text: String) throws {
        #expect(try reading(text) == nil)
    }

    @Test("a band grows over at most maximumRows lines from its start, so a long run of aligned lines costs each start that many")
    func bandsAreBounded() {
        // Three hundred lines of two columns of words, as a hostile text could repeat them for ever: the first band stops
        // at maximumRows lines; the lines after it touch it, with no blank line between, and are read as they stand.
        let row = [Cell(text: "Gwent Police", column: 0, endColumn: 12), Cell(text: "Gwent Police", column: 30, endColumn: 42)]
        let bands = SideBySide.bands(Array(repeating: row, count: 300))
        #expect(bands == [SideBySide.Band(rows: 0..<SideBySide.maximumRows, cuts: [30])])
    }

    @Test("a line that runs across the columns ends a run of panels; where it stands just above the run, the run is no panels")
    func crossingLine() throws {
        let apart = """
            Calls for assistance          Anti-social behaviour
            Gwent Police                  Gwent Police

            Evidential difficulties: suspect identified but the victim

            Domestic abuse                       Organised crime groups
            Gwent Police                         Gwent Police
            """
        #expect(try reading(apart) == [
            "Calls for assistance", "Gwent Police", "Anti-social behaviour", "Gwent Police",
            "Evidential difficulties: suspect identified but the victim",
            "Domestic abuse", "Gwent Police", "Organised crime groups", "Gwent Police",
        ])
        // Labels set one space apart across the panels (pdfplumber's layout), their names and values in columns: the
        // columns hold only the blocks' ends, and read apart from their labels they would take another's.
        let squeezed = """
            Calls for assistance Crime                 Crimes recorded (excluding fraud)
            Calls for assistance per 1,000 Crimes recorded (excluding fraud) per 1,000 population 12 months to
            Wiltshire Police     Wiltshire Police      46.7
            48                   47.8                  England and Wales
            """
        #expect(try reading(squeezed) == nil)
    }
}
