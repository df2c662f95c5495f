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

enum Cells {
    /// The indentation of a line that holds one cell (no tab, no two spaces after its first text), or nil.
    static func singleCellIndent(_ raw: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        var indent = 0
        while index < raw.count && (raw[index] == 0x20 || raw[index] == 0x0C) {
            if raw[index] == 0x20 { indent += 1 }
            index += 1
        }
        var end = raw.count
        while end > index && (raw[end - 1] == 0x20 || raw[end - 1] == 0x0D) { end -= 1 }
        while index < end {
            let byte = raw[index]
            if byte == 0x09 || (byte == 0x20 && index + 1 < end && raw[index + 1] == 0x20) { return nil }
            index += 1
        }
        return indent
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
        while index < raw.count {
            let byte = raw[index]
            if byte == 0x09 {
                close()
                column = (column / 8 + 1) * 8
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
