public import PeelText

/// A report's text laid out: normalised lines with page furniture removed, and each line's cells (with their
/// columns) on request, for the table readers. Prose readers use the lines' text, where runs of spaces are one.
public struct LaidOutText: Sendable {
    /// The lines in order, without running headers, footers and page numbers.
    public let lines: NormalisedLines
    /// Source line numbers removed as page furniture.
    public let furniture: [Int]
    let utf8: [UInt8]

    /// `runningLines`: indices of `text.lines` the caller knows for furniture by their words (`namedRunningLines`).
    public init(_ text: NormalisedText, decoded: DecodedText, runningLines: Set<Int> = []) {
        let removed = PageFurniture.find(text.lines, pageNumbers: text.pageNumbers).union(runningLines)
        let all = text.lines
        let doubleSpaced = Self.isDoubleSpaced(all)
        if removed.isEmpty && !doubleSpaced && !all.contains(where: \.afterPageBreak) {
            lines = all
            furniture = []
        } else {
            // The blank lines between one page's last line and the next page's first are the page's bottom margin, not
            // a paragraph break: a paragraph, list item or table that runs over the page break reads on.
            var kept: [Int] = []
            kept.reserveCapacity(all.count)
            var blanks: [Int] = []
            var sawBreak = false
            // The first line of each page's text, marked as after a page break: a sentence may run on there (readers of
            // unwrapped text, where no wrap width tells a paragraph's end, read that from the break).
            var pageStarts: [Int] = []
            var footnotes: [Int] = []
            /// Where the page being read starts in `kept`.
            var pageStart = 0
            /// Lines up to here are a footnote's tail, dropped with it.
            var tailEnd = -1
            for index in all.indices {
                let line = all[index]
                if index <= tailEnd { continue }
                // Furniture stands at page edges only: a page break is there, marked by a form feed or not.
                if line.afterPageBreak { sawBreak = true }
                if removed.contains(index) {
                    sawBreak = true
                    continue
                }
                if line.isBlank {
                    blanks.append(index)
                    continue
                }
                // Double-spaced text: a blank line alone is the spacing, as if the text had no blank lines (a sentence's
                // end at a line's end does not tell a paragraph's: a list item's sentences go on after it). Kept after
                // a list item's ";", "; and" or a lead-in's ":", where items whose glyphs were printed apart have
                // nothing else to part them; not before an "and" alone (a "; and" wrapped).
                if !sawBreak || kept.isEmpty {
                    if doubleSpaced, blanks.count == 1, let before = kept.last, !Self.endsClause(all[before]) || Self.isConjunction(line) {} else {
                        kept += blanks
                    }
                }
                blanks = []
                if sawBreak && !kept.isEmpty {
                    let dropped = footnotes.count
                    Self.dropFootnotes(&kept, after: pageStart, all, doubleSpaced: doubleSpaced, into: &footnotes)
                    pageStart = kept.count
                    // A footnote dropped at the page's foot may go on at the next page's top.
                    if footnotes.count > dropped, let end = Self.footnoteTail(all, from: index, removed: removed) {
                        footnotes += index...end
                        tailEnd = end
                        continue
                    }
                    if !line.afterPageBreak { pageStarts.append(kept.count) }
                }
                sawBreak = false
                kept.append(index)
            }
            kept += blanks
            lines = all.keeping(kept, pageStarts: pageStarts)
            furniture = removed.union(footnotes).sorted().map { all[$0].number }
        }
        utf8 = decoded.utf8
    }

    /// Whether the text is double-spaced, a blank line after nearly every line: pdfminer with a small line margin
    /// prints each line as a block of its own, a blank line after it, and "for the 12 months to" / "30 June 2015" are
    /// then two paragraphs. Told by blank lines that stand inside a sentence (the line before ends in no stop, the
    /// line after opens in lower case), which a paragraph break never does: three lines in ten or more, of forty or more.
    static func isDoubleSpaced(_ lines: NormalisedLines) -> Bool {
        var nonBlank = 0
        var inSentence = 0
        for index in lines.indices where !lines[index].isBlank {
            nonBlank += 1
            guard index + 2 < lines.count, lines[index + 1].isBlank, !lines[index + 2].isBlank,
                  lines[index + 2].opening &- 0x61 < 26 else { continue }
            if let last = lines[index].withText({ $0.last }), !".!?:;".utf8.contains(last) { inSentence += 1 }
        }
        return nonBlank >= 40 && inSentence * 10 >= nonBlank * 3
    }

    /// Whether a line ends a list item's clause or a lead-in: ";" or ":", perhaps before a closing quote or bracket,
    /// or "; and", "; or". Not a ";" inside a quotation the line opens and does not close: "the category 'Evidential
    /// difficulties;" goes on "victim does not support police action'" on the next line.
    static func endsClause(_ line: NormalisedLine) -> Bool {
        line.withText { bytes in
            if endsInsideQuotation(bytes) { return false }
            var end = bytes.count
            while end > 0, [0x22, 0x27, 0x29, 0x5D].contains(bytes[end - 1]) || (end >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && bytes[end - 1] == 0x99) {
                end -= bytes[end - 1] == 0x99 ? 3 : 1
            }
            guard end > 0 else { return false }
            if bytes[end - 1] == 0x3B || bytes[end - 1] == 0x3A { return true }
            let words = bytes[..<end].split(separator: 0x20)
            guard words.count >= 2, let last = words.last, let before = words.dropLast().last, before.last == 0x3B else { return false }
            return last.elementsEqual("and".utf8) || last.elementsEqual("or".utf8)
        }
    }

    /// Whether the last quotation mark in `bytes` that opens a quotation (after a space, a bracket or the line's start,
    /// before a word: "'Evidential", "“Evidential") has none that closes it after it (after a word, before a space, a
    /// stop or the end: "action',"). An apostrophe inside a word ("force's") is neither.
    static func endsInsideQuotation(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var open = false
        var index = 0
        while index < bytes.count {
            var width = 0
            if bytes[index] == 0x27 || bytes[index] == 0x22 {
                width = 1
            } else if bytes[index] == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, (0x98...0x9D).contains(bytes[index + 2]) {
                width = 3
            }
            guard width > 0 else {
                index += 1
                continue
            }
            let before: UInt8 = index == 0 ? 0x20 : bytes[index - 1]
            let after: UInt8 = index + width < bytes.count ? bytes[index + width] : 0x20
            let spaceBefore = before == 0x20 || before == 0x28 || before == 0x5B
            let spaceAfter = after == 0x20 || ",.;:!?)]".utf8.contains(after)
            if spaceBefore && !spaceAfter {
                open = true
            } else if !spaceBefore && spaceAfter {
                open = false
            }
            index += width
        }
        return open
    }

    /// "and" or "or" alone on a line.
    static func isConjunction(_ line: NormalisedLine) -> Bool {
        line.withText { $0.elementsEqual("and".utf8) || $0.elementsEqual("or".utf8) }
    }

    /// Footnotes at the foot of the page that ends at `kept`'s last line: blocks of a few lines, a blank line above
    /// each, opening with a footnote's number and its text and ending it ("12 Home Office, London, July 2015."), the
    /// last of them just above the page break. They go the way of the page's footer: a paragraph, list item, table or
    /// Force in numbers block that runs over the break reads on past them (before, the footnote ended a list or stood
    /// in a table as a row). A block with no blank line above it on its page is left: it may be the page's text.
    /// `pageStart`: where the page's lines start in `kept`.
    /// `doubleSpaced`: the blank lines inside a page's text are gone from `kept`, so a block is told by its opening: the
    /// nearest line up that opens like a footnote in a capital (or an address), a blank line above it in the text: every
    /// line has one there, and a sentence's line that opens with a number ("12 months to 30 June 2015 fell by …") opens
    /// in lower case after it, where footnotes open with a capital ("12 Home Office …").
    private static func dropFootnotes(_ kept: inout [Int], after pageStart: Int, _ all: NormalisedLines, doubleSpaced: Bool,
                                      into footnotes: inout [Int]) {
        while let last = kept.last, !all[last].isBlank {
            var top = kept.count - 1
            if doubleSpaced {
                while top > pageStart && kept.count - top <= 6
                        && !(all[kept[top]].withText(opensFootnoteInCapitals) && kept[top] > 0 && all[kept[top] - 1].isBlank) { top -= 1 }
            } else {
                while top > pageStart && !all[kept[top - 1]].isBlank { top -= 1 }
            }
            guard top > pageStart, kept.count - top <= 6, all[kept[top]].withText(opensFootnote), all[last].withText(endsFootnote) else { return }
            // An address ends a footnote's citation: a line after one that opens no footnote of its own is the page's
            // text (a heading that a page break's footnote came after), and so is the block.
            if doubleSpaced, (top..<(kept.count - 1)).contains(where: { all[kept[$0]].withText(endsInAddress) && !all[kept[$0 + 1]].withText(opensFootnote) }) {
                return
            }
            footnotes += kept[top...]
            kept.removeSubrange(top...)
            while let blank = kept.last, all[blank].isBlank { kept.removeLast() }
        }
    }

    /// Where a footnote's tail that the page break carried to the next page's top ends, if the lines from `start` (the
    /// page's first) are one: a reference's address, "Available from:" / "www.justiceinspectorates.gov.uk/….pdf", up to
    /// three lines before a blank one, the last ending in the address. Asked only where the page before ended in a
    /// footnote that was dropped; left in, the tail ran on to the last list item before it (an area for improvement
    /// ended "… effective practice. Available from: www…pdf"). A tail in other words is left, as before.
    static func footnoteTail(_ all: NormalisedLines, from start: Int, removed: Set<Int>) -> Int? {
        guard all[start].withText({ ASCIIBytes.hasPrefix($0, "available ") }) else { return nil }
        var end = start
        while end + 1 < all.count, !all[end + 1].isBlank, !removed.contains(end + 1) {
            end += 1
            if end - start >= 3 { return nil }
        }
        return all[end].withText(endsInAddress) ? end : nil
    }

    /// The last word an address: "www.gov.uk/…/hosb0115.pdf", "https://…".
    static func endsInAddress(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = text.count
        while end > 0 && text[end - 1] == 0x20 { end -= 1 }
        var start = end
        while start > 0 && text[start - 1] != 0x20 { start -= 1 }
        let word = UnsafeBufferPointer(rebasing: text[start..<end])
        return word.starts(with: "www.".utf8) || word.starts(with: "http".utf8)
    }

    /// A footnote's last line ends it: a full stop (or ")", "?", "!") or an address. One that stops mid-sentence goes on
    /// at the next page's top (mutool prints it there), where it cannot be told from the text the page break cut: it
    /// is left, as before, and ends the reader's list there.
    static func endsFootnote(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = text.count
        while end > 0 && text[end - 1] == 0x20 { end -= 1 }
        guard end > 0 else { return false }
        if ".)?!".utf8.contains(text[end - 1]) { return true }
        return endsInAddress(text)
    }

    /// "12 Home Office …", "3 *Crime Outcomes …*", "7 ‘Police …’": one to three digits, a space, then a letter, an
    /// emphasis mark or a non-ASCII character; not a row of counts ("3 30 10 0") nor a value with its unit.
    static func opensFootnote(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0
        while digits < text.count && text[digits] &- 0x30 < 10 { digits += 1 }
        guard (1...3).contains(digits), text.count > digits + 1, text[digits] == 0x20, text[0] != 0x30 else { return false }
        let next = text[digits + 1]
        return (next | 0x20) &- 0x61 < 26 || next == UInt8(ascii: "*") || next == UInt8(ascii: "_") || next >= 0x80
    }

    /// `opensFootnote`, the footnote's text opening with no lower-case ASCII letter unless it is an address
    /// ("5 www.college.police.uk/…"), and the number no day of a month ("30 June 2015 fell by 11 percent …").
    static func opensFootnoteInCapitals(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard opensFootnote(text) else { return false }
        var digits = 0
        while text[digits] != 0x20 { digits += 1 }
        let rest = UnsafeBufferPointer(rebasing: text[(digits + 1)...])
        if rest[0] &- 0x61 < 26 { return rest.starts(with: "www.".utf8) || rest.starts(with: "http".utf8) }
        var wordEnd = 0
        while wordEnd < rest.count && (rest[wordEnd] | 0x20) &- 0x61 < 26 { wordEnd += 1 }
        let word = rest[..<wordEnd]
        return !monthNames.contains { $0.count == word.count && zip($0, word).allSatisfy { $0 == $1 | 0x20 } }
    }

    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                     "october", "november", "december"].map { Array($0.utf8) }

    /// The pages a running line must stand on to be taken for one by its repeating alone (three: a heading opens two).
    public static let runningLinePages = PageFurniture.minimumPages

    /// Running lines no page break or number marks, found by what they say: the indices of `lines` from `start` on
    /// that open with a capital, a digit or a letter beyond ASCII and that `pagesNeeded` takes for one, where they stand
    /// at least as many times a page apart as it says (in a text with form feeds, only those it takes on one page).
    public static func namedRunningLines(_ lines: NormalisedLines, from start: Int, pagesNeeded: (UnsafeBufferPointer<UInt8>) -> Int?) -> Set<Int> {
        PageFurniture.namedRunningLines(lines, from: start, pagesNeeded: pagesNeeded)
    }

    /// The first `count` lines only (the rest is read by no one: a repeated copy of the report, say).
    public func prefix(_ count: Int) -> LaidOutText {
        LaidOutText(lines: lines.keeping(0..<min(count, lines.count)), furniture: furniture, utf8: utf8)
    }

    private init(lines: NormalisedLines, furniture: [Int], utf8: [UInt8]) {
        self.lines = lines
        self.furniture = furniture
        self.utf8 = utf8
    }

    /// The cells of the line at `index`: columns from the raw line, each cell cleaned.
    public func cells(_ index: Int) -> [Cell] {
        let line = lines[index]
        guard !line.isBlank else { return [] }
        guard !line.source.isEmpty, line.source.upperBound <= utf8.count else {
            return line.text.split(separator: "\t").map { Cell(text: String($0), column: 0) }
        }
        return utf8.withUnsafeBufferPointer { bytes in
            let raw = UnsafeBufferPointer(rebasing: bytes[line.source])
            // Most lines are one cell (prose): its text is the line's own, already cleaned; only its column is read.
            guard let indent = Cells.singleCellIndent(raw) else { return Cells.split(raw) }
            // A Markdown table row ("|Force|Q1. Preventing …|"): the cleaner set its cells a tab apart; each stands
            // where its pipe does.
            if Normaliser.opensTableRow(raw), case let cells = line.text.split(separator: "\t", omittingEmptySubsequences: false), cells.count > 1 {
                let pipes = Normaliser.tablePipes(raw)
                guard pipes.count == cells.count + 1 else { return [Cell(text: line.text, column: indent)] }
                return zip(cells, pipes).compactMap { $0.isEmpty ? nil : Cell(text: String($0), column: $1 + 1) }
            }
            return [Cell(text: line.text, column: indent)]
        }
    }

    /// The line at `index` as the text wrote it, markup and all (its display columns and first word are a wrapping
    /// tool's measure: pandoc wraps its Markdown, raw HTML marks included, at 72 columns). Nil where the line has no
    /// source bytes.
    public func rawLine(_ index: Int) -> (width: Int, firstWordWidth: Int)? {
        let line = lines[index]
        guard !line.source.isEmpty, line.source.upperBound <= utf8.count else { return nil }
        return utf8.withUnsafeBufferPointer { bytes in
            let raw = UnsafeBufferPointer(rebasing: bytes[line.source])
            var start = 0
            while start < raw.count && (raw[start] == 0x20 || raw[start] == 0x0C) { start += 1 }
            var end = start
            while end < raw.count && raw[end] != 0x20 && raw[end] != 0x0D { end += 1 }
            return (Cells.width(raw), Cells.width(UnsafeBufferPointer(rebasing: raw[start..<end])))
        }
    }

    /// The indices of the lines where `match` holds at an occurrence of `byte`, found in one pass over the text's
    /// bytes (eight at a time between occurrences): for rare patterns, far cheaper than asking every line.
    public func lines(where byte: UInt8, _ match: (UnsafeBufferPointer<UInt8>, Int) -> Bool) -> [Int] {
        var found: [Int] = []
        utf8.withUnsafeBufferPointer { bytes in
            var offset = ByteSearch.firstIndex(of: byte, in: bytes, from: 0)
            var line = 0
            while offset < bytes.count {
                if match(bytes, offset) {
                    // Lines are in source order: move on to the one whose bytes hold the offset.
                    while line < lines.count && lines[line].source.upperBound < offset { line += 1 }
                    if line < lines.count, lines[line].source.contains(offset), found.last != line { found.append(line) }
                }
                offset = ByteSearch.firstIndex(of: byte, in: bytes, from: offset + 1)
            }
        }
        return found
    }
}
