/// Words with their boxes, as poppler's `pdftotext -bbox` and `-bbox-layout` write them (an XHTML page of `<doc>`, its
/// `<page>`s, each word a `<word xMin="…" yMin="…" xMax="…" yMax="…">` in points) → each page's text laid out as
/// `pdftotext -layout` prints it, so the readers of a laid-out page (table columns, wrapped cells) read it the same.
/// Pure: `DecodedText` in, `DecodedText` out; each line keeps the source line of its first word.
///
/// - A page's words are its lines where their boxes overlap the line's first in height by half the smaller (a raised
///   footnote number stays on its line; a box much taller than the usual is a line of its own), each line's words in
///   order across the page.
/// - Words a space apart (a gap no wider than twice the page's usual one between words) are one space apart; a wider
///   gap (a table's columns) is two spaces at least, as far as the page's narrowest characters' width places the word; a
///   smaller box that starts where the one before ends (under a third of the usual gap: a raised footnote number) none.
/// - A gap between lines wider than the page's usual line pitch leaves a blank line (a paragraph's or table's end), as
///   `-layout` does; each page after the first opens with a form feed.
///
/// The `<flow>`, `<block>` and `<line>` of `-bbox-layout` are poppler's reading order, which the layout does not need.
enum PopplerWordBoxes {
    /// Whether an HTML document is poppler's word boxes: a `<doc>` element, then a `<word xMin=` within its first page.
    static func isWordBoxes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let doc = index(of: "<doc>", in: bytes, from: 0, within: 8192) else { return false }
        return index(of: "<word xmin=\"", in: bytes, from: doc, within: 8192) != nil
    }

    private struct Box {
        let xMin: Double, yMin: Double, xMax: Double, yMax: Double
        let text: [UInt8]
        let sourceLine: Int
        /// The word's characters (Unicode scalars: its width in a laid-out line).
        let count: Int
    }

    static func text(of html: DecodedText) -> DecodedText {
        var out: [UInt8] = []
        var lines: [TextLine] = []
        html.utf8.withUnsafeBufferPointer { bytes in
            var pages: [[Box]] = []
            var sourceLine = 1
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A { sourceLine += 1 }
                guard byte == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                if starts("<page", bytes, at: index), index + 5 < bytes.count, bytes[index + 5] == 0x20 || bytes[index + 5] == UInt8(ascii: ">") {
                    pages.append([])
                    index += 5
                    continue
                }
                // Both ends looked for within a few KB: a tag never closed is passed over at the cost of those bytes
                // (searched to the text's end, a text of unclosed "<word " tags cost its length squared).
                guard starts("<word ", bytes, at: index), let close = Self.index(of: ">", in: bytes, from: index, within: 4096),
                      let end = Self.index(of: "</word>", in: bytes, from: close, within: 4096) else {
                    index += 1
                    continue
                }
                let tag = UnsafeBufferPointer(rebasing: bytes[index..<close])
                if let xMin = attribute("xMin", tag), let yMin = attribute("yMin", tag), let xMax = attribute("xMax", tag),
                   let yMax = attribute("yMax", tag), xMax >= xMin, yMax > yMin {
                    let text = unescaped(UnsafeBufferPointer(rebasing: bytes[(close + 1)..<end]))
                    if !text.isEmpty {
                        if pages.isEmpty { pages.append([]) }
                        pages[pages.count - 1].append(Box(xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax, text: text, sourceLine: sourceLine,
                                                          count: text.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }))
                    }
                }
                for inner in bytes[index..<end] where inner == 0x0A { sourceLine += 1 }
                index = end + 7
            }
            for (number, page) in pages.enumerated() where !page.isEmpty {
                lay(page, formFeed: number > 0 && !out.isEmpty, budget: 4 * bytes.count, into: &out, lines: &lines)
            }
        }
        return DecodedText(utf8: out, encoding: html.encoding, lines: lines)
    }

    /// One page's words, as lines of text.
    private static func lay(_ words: [Box], formFeed: Bool, budget: Int, into out: inout [UInt8], lines: inout [TextLine]) {
        let heights = words.map { $0.yMax - $0.yMin }.sorted()
        let height = heights[heights.count / 2]
        // Lines: words whose boxes overlap the line's first box in height by half the smaller, taken from the top. The
        // first box's span, not all the line's: a span grown by each word took in the lines below it one by one (two
        // columns half a line apart), and their words, sorted across, ran into false numbers. A box much taller than
        // the page's usual (a large figure, a rotated header beside a table's rows) is a line of its own.
        var rows: [[Box]] = []
        var spans: [(top: Double, bottom: Double)] = []
        var lastTall = false
        for word in words.sorted(by: { ($0.yMin, $0.xMin) < ($1.yMin, $1.xMin) }) {
            let wordHeight = word.yMax - word.yMin
            let tall = wordHeight > height * 2.5
            if !tall, !lastTall, let last = spans.last,
               min(last.bottom, word.yMax) - max(last.top, word.yMin) >= min(wordHeight, last.bottom - last.top) / 2 {
                rows[rows.count - 1].append(word)
            } else {
                rows.append([word])
                spans.append((word.yMin, word.yMax))
                lastTall = tall
            }
        }
        for row in rows.indices { rows[row].sort { $0.xMin < $1.xMin } }
        // The page's measures: a character's width, its usual gap between words, its usual line pitch. The width is
        // the narrowest words' (the 5th percentile of three letters or more): a word set at its place in columns of that
        // width ends before the next word's place, so cells that start together start in one column whatever the
        // words before them on each line (at the average width, a wide word pushed the cell after it a column on).
        let widths = words.filter { $0.count >= 3 }.map { ($0.xMax - $0.xMin) / Double($0.count) }.sorted()
        let pitch = max(widths.isEmpty ? 5 : widths[widths.count / 20], 0.1)
        // The usual gap between words: the median of the gaps narrower than half a line's height (a table's columns,
        // wider, would be the median of a page that is mostly table).
        let gaps = rows.flatMap { row in zip(row, row.dropFirst()).map { $1.xMin - $0.xMax } }.filter { $0 > 0 && $0 < height / 2 }.sorted()
        let space = gaps.isEmpty ? height / 4 : gaps[gaps.count / 2]
        let pitches = zip(spans, spans.dropFirst()).map { $1.top - $0.top }.filter { $0 > 0 }.sorted()
        let linePitch = pitches.isEmpty ? 0 : pitches[pitches.count / 2]
        let left = words.map(\.xMin).min() ?? 0

        var first = true
        for (row, span) in zip(rows, spans.indices) {
            if !first, linePitch > 0, spans[span].top - spans[span - 1].top > linePitch * 1.5 {
                lines.append(TextLine(number: row[0].sourceLine, range: out.count..<out.count))
                out.append(0x0A)
            }
            let start = out.count
            if first && formFeed { out.append(0x0C) }
            first = false
            var column = 0
            var previous: Box?
            for word in row {
                // Within a page's width of columns (hostile boxes far off the page are set at its edge).
                let at = Int(min(((word.xMin - left) / pitch).rounded(), Double(Self.widestLine)))
                if let previous {
                    // A smaller box that starts where the one before ends (a raised footnote number, "judgment¹") is
                    // set against it, as `-layout` sets it; boxes that overlap are a space apart (never glued into one
                    // number). Padding stops once the text is four times the document's size (hostile boxes).
                    let gap = word.xMin - previous.xMax
                    let against = gap >= 0 && gap < space * 0.3 && word.yMax - word.yMin < 0.85 * (previous.yMax - previous.yMin)
                    let spaces = gap > 2 * space ? (out.count > budget ? 2 : max(2, at - column)) : against ? 0 : 1
                    out += repeatElement(0x20, count: spaces)
                    column += spaces
                } else if at > 0 {
                    let indent = out.count > budget ? 1 : at
                    out += repeatElement(0x20, count: indent)
                    column = indent
                }
                out += word.text
                column += word.count
                previous = word
            }
            lines.append(TextLine(number: row[0].sourceLine, range: start..<out.count))
            out.append(0x0A)
        }
    }

    /// The widest a laid-out line is set: some 2.5 pages' width of the narrowest characters.
    static let widestLine = 1000

    /// The number in an attribute `name="…"` of a tag; nil unless within `largestCoordinate`.
    private static func attribute(_ name: String, _ tag: UnsafeBufferPointer<UInt8>) -> Double? {
        let key = " " + name.lowercased() + "=\""
        guard let at = index(of: key, in: tag, from: 0, within: tag.count) else { return nil }
        let from = at + key.utf8.count
        guard let quote = tag[from...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return Double(String(decoding: tag[from..<quote], as: UTF8.self)).flatMap { abs($0) <= largestCoordinate ? $0 : nil }
    }

    /// The largest coordinate a box is read at, in points (a PDF page is at most 14,400 points wide): boxes beyond it
    /// (or not finite) are no page's, and their differences could overflow to infinity.
    static let largestCoordinate = 100_000.0

    /// A word's text with its character references read (poppler writes `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`).
    private static func unescaped(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard text.contains(UInt8(ascii: "&")) else { return Array(text) }
        let references: [(String, UInt8)] = [("&amp;", 0x26), ("&lt;", 0x3C), ("&gt;", 0x3E), ("&quot;", 0x22), ("&apos;", 0x27)]
        var out: [UInt8] = []
        var index = 0
        outer: while index < text.count {
            if text[index] == UInt8(ascii: "&") {
                for (name, byte) in references where starts(name, text, at: index) {
                    out.append(byte)
                    index += name.utf8.count
                    continue outer
                }
            }
            out.append(text[index])
            index += 1
        }
        return out
    }

    private static func starts(_ prefix: String, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var at = index
        for byte in prefix.utf8 {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
        }
        return true
    }

    /// Where `needle` (lowercase ASCII; case ignored) first stands in `bytes` from `start`, within `within` bytes.
    private static func index(of needle: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, within: Int) -> Int? {
        let end = min(bytes.count, start + within)
        guard start < end else { return nil }
        return Array(needle.utf8).withUnsafeBufferPointer { needle in
            ASCIIBytes.firstIndex(of: needle, in: UnsafeBufferPointer(rebasing: bytes[start..<end])).map { start + $0 }
        }
    }
}
