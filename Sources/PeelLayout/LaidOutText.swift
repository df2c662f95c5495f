public import PeelText

/// A report's text laid out: normalised lines with page furniture removed, and each line's cells (with their
/// columns) on request, for the table readers. Prose readers use the lines' text, where runs of spaces are one.
public struct LaidOutText: Sendable {
    /// The lines in order, without running headers, footers and page numbers.
    public let lines: NormalisedLines
    /// Source line numbers removed as page furniture.
    public let furniture: [Int]
    private let utf8: [UInt8]

    public init(_ text: NormalisedText, decoded: DecodedText) {
        let removed = PageFurniture.find(text.lines)
        let all = text.lines
        if removed.isEmpty && !all.contains(where: \.afterPageBreak) {
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
            for index in all.indices {
                let line = all[index]
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
                if !sawBreak || kept.isEmpty { kept += blanks }
                blanks = []
                if sawBreak && !kept.isEmpty && !line.afterPageBreak { pageStarts.append(kept.count) }
                sawBreak = false
                kept.append(index)
            }
            kept += blanks
            lines = all.keeping(kept, pageStarts: pageStarts)
            furniture = removed.sorted().map { all[$0].number }
        }
        utf8 = decoded.utf8
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
