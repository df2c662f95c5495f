import PeelText

/// A cell of a table in reading order, with the line it starts on.
public struct Token: Sendable, Equatable {
    public var text: String
    /// The source line number (for provenance).
    public let line: Int
}

extension LaidOutText {
    /// The cells of `lines[range]` in reading order, one token each, blank lines skipped. In a column layout a cell
    /// wrapped over several lines prints its continuations on the following lines, in its own column, with fewer
    /// cells than the row: those are joined to the cell they continue, so "Requires" over "improvement" is one token
    /// and a reading-order extraction (one cell per line) gives the same tokens as a column one, but split.
    /// A line longer than `longest` bytes ends the tokens: a table's rows are short, a paragraph after it is not.
    public func tokens(_ range: Range<Int>, longest: Int = 300) -> [Token] {
        var tokens: [Token] = []
        /// The current row: its cells' columns and the token each became.
        var row: [(cell: Cell, token: Int)] = []
        for index in range where !lines[index].isBlank {
            if lines[index].text.utf8.count > longest { break }
            let cells = cells(index)
            if row.count >= 2, cells.count < row.count, let targets = continuation(cells, of: row) {
                for (cell, target) in zip(cells, targets) {
                    tokens[row[target].token].text = joined(tokens[row[target].token].text, cell.text)
                }
                continue
            }
            row = []
            for cell in cells {
                row.append((cell, tokens.count))
                tokens.append(Token(text: cell.text, line: lines[index].number))
            }
        }
        return tokens
    }

    /// For each cell, the row cell it continues: every cell must start where one of the row's cells other than the
    /// first starts (two columns either way), in order; else nil. A line with text in the first column starts a new
    /// row: hard-wrapped text starts every line there, so its words are never moved out of reading order.
    private func continuation(_ cells: [Cell], of row: [(cell: Cell, token: Int)]) -> [Int]? {
        var targets: [Int] = []
        var next = 1
        for cell in cells {
            guard next < row.count, let found = row[next...].firstIndex(where: { abs($0.cell.column - cell.column) <= 2 }) else { return nil }
            targets.append(found)
            next = found + 1
        }
        return targets
    }
}

/// A word of a token, with the token's line: the unit the vocabulary readers match phrases on.
public struct Word: Sendable, Equatable {
    public let text: Substring
    public let line: Int
    /// The index of its token: two values read from one token (cell) mean the cells ran together.
    public let token: Int

    public init(text: Substring, line: Int, token: Int) {
        self.text = text
        self.line = line
        self.token = token
    }
}

extension Array where Element == Token {
    /// The words of the tokens in order, split at spaces.
    public var words: [Word] {
        var words: [Word] = []
        for (index, token) in enumerated() {
            // Split on the bytes: splitting Characters was most of the cost of reading a table.
            let text = token.text, utf8 = text.utf8
            var start: String.Index?
            var position = utf8.startIndex
            while position < utf8.endIndex {
                if utf8[position] == 0x20 {
                    if let from = start { words.append(Word(text: text[from..<position], line: token.line, token: index)) }
                    start = nil
                } else if start == nil {
                    start = position
                }
                position = utf8.index(after: position)
            }
            if let from = start { words.append(Word(text: text[from...], line: token.line, token: index)) }
        }
        return words
    }
}

/// Two pieces of a wrapped text: a hyphen at the end of the first joins without a space ("anti-" + "social").
func joined(_ first: String, _ second: String) -> String {
    if first.utf8.last == UInt8(ascii: "-"), first.utf8.count >= 2 { return first + second }
    return first + " " + second
}
