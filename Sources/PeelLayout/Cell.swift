import PeelText

/// One cell of a line laid out in columns: a piece of text between tabs or runs of two or more spaces, and the
/// display column it starts at (tabs expanded to multiples of 8). A line of prose is one cell.
public struct Cell: Sendable, Equatable {
    public var text: String
    public let column: Int
    /// The display column just past the cell's last character as its raw line sets it (the text may be shorter:
    /// markup goes), so the columns a cell covers are `column..<endColumn`. Where it is not given, its text's bytes
    /// stand for it (no count of characters for every cell asked for: a cell's end is read only side by side).
    public let endColumn: Int

    public init(text: String, column: Int, endColumn: Int? = nil) {
        self.text = text
        self.column = column
        self.endColumn = endColumn ?? column + text.utf8.count
    }
}

extension Cell {
    /// A word of a cell and the display column it starts at.
    public struct PlacedWord: Sendable {
        public let text: Substring
        public let column: Int
    }

    /// The cell's words, split at single spaces (an empty word where two stand together), each with its column counted
    /// a scalar a column from the cell's; and whether they measure the cell, the last ending at `endColumn` (they do not
    /// where its text was cleaned to another width: markup gone, a hyphen joined).
    public func placedWords() -> (words: [PlacedWord], measureCell: Bool) {
        var words: [PlacedWord] = []
        var column = self.column
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            words.append(PlacedWord(text: word, column: column))
            column += word.unicodeScalars.count + 1
        }
        return (words, column - 1 == endColumn)
    }
}

enum Cells {
    /// The indentation of a line that holds one cell (no tab, no two spaces after its first text, no bar that ends a
    /// cell), or nil.
    static func singleCellIndent(_ raw: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var indent = 0
        while index < raw.count && (raw[index] == 0x20 || raw[index] == 0x0C) {
            if raw[index] == 0x20 { indent += 1 }
            index += 1
        }
        var end = raw.count
        while end > index && (raw[end - 1] == 0x20 || raw[end - 1] == 0x0D) { end -= 1 }
        // A Markdown table row that opens with its pipe is the cleaner's to part (`Normaliser.tableRowCells`).
        let bars = index < end && raw[index] != UInt8(ascii: "|")
        while index < end {
            let byte = raw[index]
            if byte == 0x09 || (byte == 0x20 && index + 1 < end && raw[index + 1] == 0x20) { return nil }
            if byte == UInt8(ascii: "|") && bars && endsCell(raw, bar: index) { return nil }
            index += 1
        }
        return indent
    }

    /// Whether the bar at `bar` ends a cell: it follows the cell's last character and a space (a no-break one too), a
    /// tab or the line's end follows it. So html2text writes a table, a Markdown table without its outer pipes
    /// ("Force| Q1. Preventing …| Q2. …"), its rows wrapped at 78 columns ("**Avon and Somerset**|  Good| Requires
    /// improvement|" / "Good| …"). A bar with spaces on both sides ("Kent | Good") is a word of its own, which the words
    /// pass over (`Word.isCellRule`).
    static func endsCell(_ raw: UnsafeBufferPointer<UInt8>, bar: Int) -> Bool {
        guard bar > 0, raw[bar - 1] != 0x20, raw[bar - 1] != 0x09 else { return false }
        let next = bar + 1
        return next == raw.count || raw[next] == 0x20 || raw[next] == 0x09 || raw[next] == 0x0D
            || (raw[next] == 0xC2 && next + 1 < raw.count && raw[next + 1] == 0xA0)
    }

    /// The display columns a raw line's text covers after `indent` (a scalar a column), its ends' spaces aside.
    static func width(_ raw: UnsafeBufferPointer<UInt8>) -> Int {
        var lower = 0
        var upper = raw.count
        while lower < upper && (raw[lower] == 0x20 || raw[lower] == 0x0C) { lower += 1 }
        while upper > lower && (raw[upper - 1] == 0x20 || raw[upper - 1] == 0x0D) { upper -= 1 }
        return raw[lower..<upper].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    }

    /// The cells of one raw line: split at tabs and at runs of two or more spaces (pdftotext -layout and
    /// `column -t` separate columns so; prose has single spaces), each cleaned as a line is. Empty cells
    /// (markup alone) are dropped.
    static func split(_ raw: UnsafeBufferPointer<UInt8>) -> [Cell] {
        var cells: [Cell] = []
        var column = 0
        var index = 0
        var start: Int?
        var startColumn = 0
        var end = 0
        var endColumn = 0
        func close() {
            guard let from = start else { return }
            let text = Normaliser.cleanCell(UnsafeBufferPointer(rebasing: raw[from..<end]))
            if !text.isEmpty { cells.append(Cell(text: text, column: startColumn, endColumn: endColumn)) }
            start = nil
        }
        // Bars end cells only where the line does not open with one (`singleCellIndent`).
        let bars = raw.first(where: { $0 != 0x20 && $0 != 0x0C }) != UInt8(ascii: "|")
        while index < raw.count {
            let byte = raw[index]
            if byte == 0x09 {
                close()
                column = (column / 8 + 1) * 8
                index += 1
                continue
            }
            if byte == UInt8(ascii: "|"), bars, start != nil, endsCell(raw, bar: index) {
                close()
                column += 1
                index += 1
                continue
            }
            if byte == 0x20 || byte == 0x0C || byte == 0x0D {
                // One space inside a cell; two or more end it.
                if byte == 0x20, start != nil, index + 1 < raw.count, raw[index + 1] != 0x20 && raw[index + 1] != 0x09 {
                    column += 1
                    index += 1
                    continue
                }
                close()
                if byte == 0x20 { column += 1 }
                index += 1
                continue
            }
            if start == nil {
                start = index
                startColumn = column
            }
            // A display column per scalar: continuation bytes add none.
            if byte & 0xC0 != 0x80 { column += 1 }
            index += 1
            end = index
            endColumn = column
        }
        close()
        return cells
    }
}
