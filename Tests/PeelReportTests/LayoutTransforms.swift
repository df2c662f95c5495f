import Foundation
import PeelTestSupport

// MARK: - Layout transforms: the same report text as other extractions and tools lay it out
//
// Each transform is a pure, deterministic function of a sample's bytes (UTF-8, `\n` line ends) to the bytes of a
// realistic variant. The values in the variant are the sample's values; only the layout differs. They are the
// metamorphic inputs of `ExtractionCoverageTests`, which measures how many values the parser still finds.

/// A layout transform: sample bytes in, variant bytes out.
typealias LayoutTransform = @Sendable ([UInt8]) -> [UInt8]

enum Layout {
    // MARK: Line layout

    /// Tabs expanded to the next multiple of 8, then every line longer than `width` columns broken at spaces,
    /// greedily, as `fold -s`/`fmt` do (a single word longer than `width` stays whole on its own line).
    static func hardWrap(width: Int) -> LayoutTransform {
        { bytes in
            joinLines(lines(of: bytes).flatMap { wrap(expandTabs($0), width: width) })
        }
    }

    /// Each prose paragraph (blank lines apart, over 200 characters, no table row, list item or heading) joined and
    /// wrapped again at a width of its own, 40 to 160 columns, drawn from `seed`: a text with no one wrap width (pasted
    /// together from several sources, or wrapped by a tool that wraps each block to the box it stood in). The other
    /// paragraphs stay as they were.
    static func rewrappedParagraphs(seed: UInt64) -> LayoutTransform {
        { bytes in
            var generator = SplitMix(seed: seed)
            var out: [String] = []
            var paragraph: [String] = []
            func flush() {
                defer { paragraph = [] }
                let isProse = paragraph.joined(separator: " ").count > 200 && !paragraph.contains { line in
                    let start = line.drop { $0 == " " }
                    return line.contains("\t") || ["|", "#", "-", "*", "•"].contains { start.hasPrefix($0) }
                }
                guard isProse else { out += paragraph; return }
                let width = Int.random(in: 40...160, using: &generator)
                out += wrap(paragraph.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " "), width: width)
            }
            for line in lines(of: bytes) {
                if line.allSatisfy(\.isWhitespace) {
                    flush()
                    out.append(line)
                } else {
                    paragraph.append(line)
                }
            }
            flush()
            return joinLines(out)
        }
    }

    /// Each run of consecutive lines holding tabs (a table) laid out as `pdftotext -layout` or `column -t -s$'\t'` do:
    /// cells trimmed and padded with spaces to a common column start, at least 2 spaces between cells.
    static func tabsToAlignedSpaces(_ bytes: [UInt8]) -> [UInt8] {
        var out: [String] = []
        var table: [[String]] = []
        func flush() {
            guard !table.isEmpty else { return }
            let columns = table.map(\.count).max() ?? 0
            var widths = [Int](repeating: 0, count: columns)
            for row in table {
                for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
            }
            for row in table {
                var line = ""
                for (index, cell) in row.enumerated() {
                    line += cell
                    if index < row.count - 1 { line += String(repeating: " ", count: widths[index] - cell.count + 2) }
                }
                out.append(trimmedEnd(line))
            }
            table = []
        }
        for line in lines(of: bytes) {
            if line.contains("\t") {
                table.append(line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) })
            } else {
                flush()
                out.append(line)
            }
        }
        flush()
        return joinLines(out)
    }

    /// Each tab-separated row printed one (trimmed, non-empty) cell per line, as a reading-order extraction of a table.
    static func cellsOnePerLine(_ bytes: [UInt8]) -> [UInt8] {
        joinLines(lines(of: bytes).flatMap { line -> [String] in
            guard line.contains("\t") else { return [line] }
            return line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        })
    }

    /// Each tab-separated row printed one cell per line with a blank line after each, as extractors that print every
    /// table cell as a block of its own (mutool's text, pdfminer's paragraphs) give a table: the table's lines triple.
    /// Table cells a bar apart, as a Markdown table without its outer pipes ("Force | Q1. Preventing … | …", then a
    /// delimiter row "--- | --- | …" under each table's first row) or text drawn with box bars ("Kent │ Good │ …").
    static func cellsBarred(_ bar: String, delimiterRow: Bool) -> LayoutTransform {
        barredTables(between: " \(bar) ", delimiterRow: delimiterRow ? " \(bar) " : nil, wrapAt: nil)
    }

    /// Table cells each followed by a bar, as html2text writes an HTML table (a Markdown table without its outer pipes,
    /// the bar against the cell before it: "Force| Q1. Preventing …| …", a delimiter row "---|---|…" under each
    /// table's first row), the rows wrapped at `width` columns where one is given (html2text wraps them at 78, where
    /// a cell's words and the next cell's may share a line: "Requires improvement| Good|" / "Requires improvement").
    static func cellsBarAfter(wrapAt width: Int?) -> LayoutTransform {
        barredTables(between: "| ", delimiterRow: "|", wrapAt: width)
    }

    /// Each tab-separated row's cells joined by `between`; under each table's first row, where `delimiterRow` is
    /// given, a delimiter row ("---" a cell, joined by it); each row wrapped at `width` columns where one is given.
    private static func barredTables(between: String, delimiterRow: String?, wrapAt width: Int?) -> LayoutTransform {
        { bytes in
            var out: [String] = []
            var inTable = false
            for line in lines(of: bytes) {
                guard line.contains("\t") else {
                    out.append(line)
                    inTable = false
                    continue
                }
                let cells = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let row = cells.joined(separator: between)
                out += width.map { wrap(row, width: $0) } ?? [row]
                if let delimiterRow, !inTable { out.append(cells.map { _ in "---" }.joined(separator: delimiterRow)) }
                inTable = true
            }
            return joinLines(out)
        }
    }

    /// Each table (a run of tab-separated lines) printed as one paragraph, its cells and rows a space apart, wrapped at
    /// `width`: a Markdown renderer's view of tab-separated rows (no table syntax), as a browser then prints it.
    /// With `cellMarks`, each cell between the two marks, as pandoc's Markdown keeps a cell's raw HTML bold
    /// ("`<b>`{=html}Avon and Somerset`</b>`{=html}"): the lines are wrapped at `width` with the marks, so most are short
    /// once the marks are gone.
    static func tablesAsParagraphs(width: Int, cellMarks: (open: String, close: String)? = nil) -> LayoutTransform {
        { bytes in
            var out: [String] = []
            var rows: [String] = []
            func flush() {
                guard !rows.isEmpty else { return }
                out += wrap(rows.joined(separator: " "), width: width)
                out.append("")
                rows = []
            }
            for line in lines(of: bytes) {
                guard line.contains("\t") else {
                    flush()
                    out.append(line)
                    continue
                }
                let cells = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                rows.append(cells.map { cell in
                    guard let (open, close) = cellMarks else { return cell }
                    return open + cell.replacingOccurrences(of: "<b>", with: "").replacingOccurrences(of: "</b>", with: "") + close
                }.joined(separator: " "))
            }
            flush()
            return joinLines(out)
        }
    }

    static func cellsAsBlocks(_ bytes: [UInt8]) -> [UInt8] {
        joinLines(lines(of: bytes).flatMap { line -> [String] in
            guard line.contains("\t") else { return [line] }
            return line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.flatMap { [$0, ""] }
        })
    }

    /// `pageFurniture(every:)` with no form feeds (as `pdftotext -nopgbrk` and extractors that mark no pages give it):
    /// the page number and the running header stand in the text, found by what they say or not at all.
    static func unpagedFurniture(every: Int) -> LayoutTransform {
        let paged = pageFurniture(every: every)
        return { bytes in paged(bytes).filter { $0 != 0x0C } }
    }

    /// After every `every` lines (wherever that falls, in a table or a list too) the lines `pageEnd` gives for the page
    /// that ends there: its number (from 1) and the sample's running header.
    private static func pageBreaks(every: Int, _ pageEnd: @escaping @Sendable (_ page: Int, _ header: String) -> [String]) -> LayoutTransform {
        { bytes in
            let all = lines(of: bytes)
            let header = runningHeader(all)
            var out: [String] = []
            var page = 1
            for (index, line) in all.enumerated() {
                out.append(line)
                if (index + 1) % every == 0 && index + 1 < all.count {
                    out += pageEnd(page, header)
                    page += 1
                }
            }
            return joinLines(out)
        }
    }

    /// A page number alone (no running header, no form feed) between blank lines every `every` lines: a footer of the
    /// number only, as extractors that mark no pages give it.
    static func pageNumbersAlone(every: Int) -> LayoutTransform {
        pageBreaks(every: every) { page, _ in ["", "\(page)", ""] }
    }

    /// The running header alone between blank lines every `every` lines: no form feed, no page number (a copy from a
    /// viewer of a report whose pages carry no number). Only its repeating says it is furniture.
    static func headersAlone(every: Int) -> LayoutTransform {
        pageBreaks(every: every) { _, header in ["", header, ""] }
    }

    /// `headersAlone(every:)` with no blank line around the header: it stands in the paragraph, list or table it cut.
    static func headersInline(every: Int) -> LayoutTransform {
        pageBreaks(every: every) { _, header in [header] }
    }

    /// `headersInline(every:)` as books set running headers: the sample's on odd pages, the inspectorate's name ("HMIC")
    /// on even ones; no form feed, no page number.
    static func alternatingHeadersInline(every: Int) -> LayoutTransform {
        pageBreaks(every: every) { page, header in [page % 2 == 1 ? header : "HMIC"] }
    }

    /// `pageFurniture(every:)` with a footnote at the foot of each page, above its number, set apart by a blank line:
    /// "12 Home Office, London, July 2015." A list item or paragraph that runs over the page break runs over it too.
    static func footnotedPages(every: Int) -> LayoutTransform {
        let notes = ["Home Office, London, July 2015.", "See the methodology annex.", "Crime Outcomes in England and Wales.",
                     "Available from: www.gov.uk/government/statistics/crime-outcomes", "Figures rounded to one decimal place.",
                     "Source: Office for National Statistics.", "As defined by the National Crime Recording Standard."]
        return pageBreaks(every: every) { page, header in
            ["", "\(10 + page % 990) \(notes[page % notes.count])", "", "\(page)", "\u{0C}" + header, ""]
        }
    }

    /// After every `every` lines (wherever that falls, in a table or a list too) a pdftotext page break: the page
    /// number on its own line, then a form feed starting the next page's running header
    /// ("PEEL: Police effectiveness 2015 – Wiltshire Police", from the sample's first lines), then a blank line.
    static func pageFurniture(every: Int) -> LayoutTransform {
        pageBreaks(every: every) { page, header in ["\(page)", "\u{0C}" + header, ""] }
    }

    /// After every `every` lines a footer of the page's number and the running header ("7 | PEEL: Police effectiveness
    /// 2015 – Wiltshire Police"), then a form feed alone on its line, as mutool ends a page: the footer's number grows a
    /// digit at page 10.
    static func numberedFooter(every: Int) -> LayoutTransform {
        pageBreaks(every: every) { page, header in ["", "\(page) | \(header)", "\u{0C}"] }
    }

    /// `pageFurniture(every:)` with running headers as books set them: the sample's on odd pages, the inspectorate's name
    /// on even ones ("HMIC"), each on half the pages only.
    static func alternatingHeaders(every: Int) -> LayoutTransform {
        pageBreaks(every: every) { page, header in ["", "\(page)", "\u{0C}" + (page % 2 == 1 ? header : "HMIC"), ""] }
    }

    /// List bullets ("- " at a line's start) numbered instead ("1. ", "2. " …), each list from 1; an indented sub-list
    /// keeps its bullets and does not restart its list's count.
    static func numberedLists(_ bytes: [UInt8]) -> [UInt8] {
        var number = 0
        return joinLines(lines(of: bytes).map { line in
            if line.hasPrefix("- ") {
                number += 1
                return "\(number). " + line.dropFirst(2)
            }
            if !line.allSatisfy(\.isWhitespace) && !line.hasPrefix(" ") { number = 0 }
            return line
        })
    }

    /// List bullets ("- " at a line's start, or after an indentation: a sub-list) lettered instead, each list from its
    /// first: `marker(1)`, `marker(2)` … ("(a) ", "b) ", "(iv) "). A sub-list counts on its own, its list's count kept.
    static func letteredLists(_ marker: @escaping @Sendable (Int) -> String) -> LayoutTransform {
        { bytes in
            var number = 0
            var subNumber = 0
            return joinLines(lines(of: bytes).map { line in
                let indentation = line.prefix { $0 == " " }
                if line.dropFirst(indentation.count).hasPrefix("- ") {
                    if indentation.isEmpty {
                        number += 1
                        subNumber = 0
                        return marker(number) + line.dropFirst(2)
                    }
                    subNumber += 1
                    return String(indentation) + marker(subNumber) + line.dropFirst(indentation.count + 2)
                }
                if !line.allSatisfy(\.isWhitespace) && !line.hasPrefix(" ") {
                    number = 0
                    subNumber = 0
                }
                return line
            })
        }
    }

    /// A blank line after every line, as a double-spaced page reads or pdfminer with a small line margin prints it
    /// (each line a block of its own): a paragraph break is a blank line like any other.
    static func doubleSpaced(_ bytes: [UInt8]) -> [UInt8] {
        joinLines(lines(of: bytes).flatMap { $0.allSatisfy(\.isWhitespace) ? [$0] : [$0, ""] })
    }

    /// Every empty or whitespace-only line removed.
    static func noBlankLines(_ bytes: [UInt8]) -> [UInt8] {
        joinLines(lines(of: bytes).filter { !$0.allSatisfy(\.isWhitespace) })
    }

    /// List bullets ("- ", "• ", "* " at line start, after any indentation) removed; the indentation stays.
    static func bulletsRemoved(_ bytes: [UInt8]) -> [UInt8] {
        joinLines(lines(of: bytes).map { line in
            let indentation = line.prefix { $0 == " " || $0 == "\t" }
            let rest = line.dropFirst(indentation.count)
            for bullet in ["- ", "• ", "* "] where rest.hasPrefix(bullet) {
                return String(indentation) + rest.dropFirst(bullet.count)
            }
            return line
        })
    }

    // MARK: Character noise

    /// `\n` line ends as `\r\n`.
    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
    }

    /// A space before a digit as U+00A0 NO-BREAK SPACE.
    static func nbsp(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x20, index + 1 < bytes.count, (0x30...0x39).contains(bytes[index + 1]) { out += [0xC2, 0xA0] }
            else { out.append(byte) }
        }
        return out
    }

    /// "fi", "fl" and then "ff" as the ligatures ﬁ ﬂ ﬀ ("office" → "ofﬁce", "different" → "diﬀerent").
    static func ligatures(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
            .replacingOccurrences(of: "fi", with: "\u{FB01}")
            .replacingOccurrences(of: "fl", with: "\u{FB02}")
            .replacingOccurrences(of: "ff", with: "\u{FB00}")
        return Array(text.utf8)
    }

    /// U+00AD SOFT HYPHEN after the 4th letter of every word of 10 or more letters ("effe\u{AD}ctiveness").
    static func softHyphens(_ bytes: [UInt8]) -> [UInt8] {
        var out = String.UnicodeScalarView()
        var word: [Unicode.Scalar] = []
        func flush() {
            if word.count >= 10 {
                out.append(contentsOf: word[..<4])
                out.append("\u{AD}")
                out.append(contentsOf: word[4...])
            } else {
                out.append(contentsOf: word)
            }
            word = []
        }
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if scalar.properties.isAlphabetic { word.append(scalar) }
            else { flush(); out.append(scalar) }
        }
        flush()
        return Array(String(out).utf8)
    }

    /// Typographic quotes: every ' as ’, and each "…" pair on a line as “…”.
    static func curlyQuotes(_ bytes: [UInt8]) -> [UInt8] {
        joinLines(lines(of: bytes).map { line in
            var result = ""
            var open = false
            let quotes = line.filter { $0 == "\"" }.count
            var seen = 0
            for character in line {
                switch character {
                case "'": result.append("\u{2019}")
                case "\"" where seen < quotes - quotes % 2:
                    seen += 1
                    result.append(open ? "\u{201D}" : "\u{201C}")
                    open.toggle()
                default: result.append(character)
                }
            }
            return result
        })
    }

    /// curlyQuotes, softHyphens, ligatures, nbsp and crlf, in that order.
    static func unicodeNoise(_ bytes: [UInt8]) -> [UInt8] {
        crlf(nbsp(ligatures(softHyphens(curlyQuotes(bytes)))))
    }

    // MARK: Helpers

    /// The lines of UTF-8 bytes split at `\n` (a final line without `\n` included; an empty last piece too, so
    /// `joinLines(lines(of: b)) == b`).
    static func lines(of bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    static func joinLines(_ lines: [String]) -> [UInt8] {
        Array(lines.joined(separator: "\n").utf8)
    }

    /// Every line's tabs expanded to stops `every` columns apart, as `expand -t N` does (and editors and terminals): a
    /// cell that ends a column before a stop is then one space from the next.
    static func tabsExpanded(every: Int) -> LayoutTransform {
        { bytes in joinLines(lines(of: bytes).map { expandTabs($0, every: every) }) }
    }

    /// Tabs replaced by spaces up to the next multiple of `every` columns (one column per Character).
    static func expandTabs(_ line: String, every: Int = 8) -> String {
        guard line.contains("\t") else { return line }
        var result = ""
        var column = 0
        for character in line {
            if character == "\t" {
                let spaces = every - column % every
                result += String(repeating: " ", count: spaces)
                column += spaces
            } else {
                result.append(character)
                column += 1
            }
        }
        return result
    }

    /// One line broken greedily at spaces into pieces of at most `width` columns. Leading indentation stays on the
    /// first piece; runs of spaces inside a piece stay; the run a break falls in is dropped.
    static func wrap(_ line: String, width: Int) -> [String] {
        guard line.count > width else { return [line] }
        let indentation = String(line.prefix { $0 == " " })
        // (gap before the word, word)
        var words: [(String, String)] = []
        var gap = indentation, word = ""
        for character in line.dropFirst(indentation.count) {
            if character == " " {
                if !word.isEmpty { words.append((gap, word)); gap = ""; word = "" }
                gap.append(character)
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append((gap, word)) }
        guard !words.isEmpty else { return [line] }
        var pieces: [String] = []
        var current = ""
        for (index, (gap, word)) in words.enumerated() {
            if index == 0 {
                current = gap + word
            } else if current.count + gap.count + word.count > width {
                pieces.append(current)
                current = word
            } else {
                current += gap + word
            }
        }
        pieces.append(current)
        return pieces
    }

    static func trimmedEnd(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }

    /// "PEEL: Police effectiveness 2015 – Wiltshire Police": the first non-empty line (markup taken out) and the
    /// second, without "An inspection of".
    static func runningHeader(_ lines: [String]) -> String {
        let titles = lines.lazy.map(plainTitle).filter { !$0.isEmpty }.prefix(2)
        let parts = titles.enumerated().map { index, line in
            index == 1 && line.hasPrefix("An inspection of ") ? String(line.dropFirst("An inspection of ".count)) : line
        }
        return parts.joined(separator: " \u{2013} ")
    }

    private static func plainTitle(_ line: String) -> String {
        var line = line
        for markup in ["**", "<b>", "</b>"] { line = line.replacingOccurrences(of: markup, with: "") }
        while line.hasPrefix("#") { line.removeFirst() }
        return line.trimmingCharacters(in: .whitespaces)
    }
}
