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
        var reader = TokenReader(range, longest: longest)
        while reader.readLine(self) {}
        return reader.tokens
    }

    /// The words of `tokens(range, longest:)`, made a line at a time as far as a reader asks for them (`WordWindow`).
    public func wordWindow(_ range: Range<Int>, longest: Int = 300) -> WordWindow {
        WordWindow(text: self, reader: TokenReader(range, longest: longest))
    }

    /// For each cell, the row cell it continues: every cell must start where one of the row's cells other than the
    /// first starts (two columns either way), in order; else nil. A line with text in the first column starts a new
    /// row: hard-wrapped text starts every line there, so its words are never moved out of reading order. So does a line
    /// whose text starts no more than a column past the row's first cell: where that cell is narrow ("1| 24| 18| 0"),
    /// the next cell starts within two columns of a line indented by one.
    fileprivate func continuation(_ cells: [Cell], of row: [(cell: Cell, token: Int)]) -> [Int]? {
        guard let first = cells.first, let rowFirst = row.first, first.column > rowFirst.cell.endColumn else { return nil }
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

/// `LaidOutText.tokens`, a line at a time: the tokens so far, and how many of them no later line can change (those
/// before the current row, whose cells a continuation line may still lengthen).
struct TokenReader {
    private var next: Int
    private let end: Int
    private let longest: Int
    private(set) var tokens: [Token] = []
    /// The current row: its cells' columns and the token each became.
    private var row: [(cell: Cell, token: Int)] = []
    private(set) var finished = false

    init(_ range: Range<Int>, longest: Int) {
        next = range.lowerBound
        end = range.upperBound
        self.longest = longest
    }

    /// Tokens that no later line can change: all, once the lines are read.
    var settled: Int { finished ? tokens.count : row.first?.token ?? tokens.count }

    /// Reads the next line that is not blank; false once the lines are read (or a line too long ended them).
    mutating func readLine(_ text: LaidOutText) -> Bool {
        while next < end && text.lines[next].isBlank { next += 1 }
        guard next < end, text.lines[next].byteCount <= longest else {
            finished = true
            return false
        }
        let index = next
        next += 1
        let cells = text.cells(index)
        // A line that opens a page is no continuation of the row that ended the page before: a table's next header
        // line, its "Force" on the line after, may stand there over the row's columns.
        if row.count >= 2, cells.count < row.count, !text.lines[index].afterPageBreak, let targets = text.continuation(cells, of: row) {
            for (cell, target) in zip(cells, targets) {
                tokens[row[target].token].text = joined(tokens[row[target].token].text, cell.text)
            }
            return true
        }
        row = []
        for cell in cells {
            row.append((cell, tokens.count))
            tokens.append(Token(text: cell.text, line: text.lines[index].number))
        }
        return true
    }
}

/// The words of a range's tokens, made as far as they are read: a table reader stops at the table's end, most often a
/// few lines into a window of sixty, and tokenising the prose after it was most of reading a table (callgrind). The
/// words made are always those of `tokens(range).words`, in order: a token's words are made once no later line can
/// change it.
public struct WordWindow {
    private let text: LaidOutText
    private var reader: TokenReader
    /// The words made so far: a prefix of the window's words.
    public private(set) var words: [Word] = []
    private var worded = 0

    init(text: LaidOutText, reader: TokenReader) {
        self.text = text
        self.reader = reader
    }

    /// Whether the window has a word at `index`, making words until it does or the window is read.
    public mutating func has(_ index: Int) -> Bool {
        while words.count <= index {
            if worded < reader.settled {
                reader.tokens.appendWords(of: worded..<reader.settled, to: &words)
                worded = reader.settled
                continue
            }
            guard !reader.finished else { return false }
            _ = reader.readLine(text)
        }
        return true
    }

    /// All the window's words (the same as `tokens(range).words`).
    public mutating func all() -> [Word] {
        _ = has(.max - 1)
        return words
    }
}

/// A word of a token, with the token's line: the unit the vocabulary readers match phrases on.
public struct Word: Sendable, Equatable {
    /// Whether a word opening with `byte` may be a rule (`isCellRule`).
    @inlinable public static func mayOpenCellRule(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "|") || byte == 0xC2 || byte == 0xE2 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
    }

    /// A bar that parts cells ("|", "¦", "│", "┃") or a Markdown delimiter row's cells (three or more of "-" and ":", a
    /// dash among them; bars between them where the row has no spaces, "---|---|---", as html2text writes it): no word
    /// of a table. A lone "-" (no value) or "–" stays a word.
    @inlinable public static func isCellRule<Bytes: Collection>(_ word: Bytes) -> Bool where Bytes.Element == UInt8 {
        guard let first = word.first else { return false }
        switch first {
        case UInt8(ascii: "|"): return word.count == 1
        case 0xC2: return word.elementsEqual([0xC2, 0xA6])  // ¦
        case 0xE2: return word.elementsEqual([0xE2, 0x94, 0x82]) || word.elementsEqual([0xE2, 0x94, 0x83])  // │ ┃
        case UInt8(ascii: "-"), UInt8(ascii: ":"):
            return word.count >= 3 && word.contains(UInt8(ascii: "-"))
                && word.allSatisfy { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "|") }
        default: return false
        }
    }

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
        appendWords(of: indices, to: &words)
        return words
    }

    /// The words of `tokens[range]`, each with its token's index. A bar standing alone between cells ("Kent | Good |
    /// Requires improvement", a Markdown table without its outer pipes, or box-drawing text) and a Markdown delimiter
    /// row's dashes ("--- | :---:") are no words: such a row reads as its cells one space apart do.
    func appendWords(of range: Range<Int>, to words: inout [Word]) {
        for index in range {
            let token = self[index]
            // Split on the bytes: splitting Characters was most of the cost of reading a table.
            let text = token.text, utf8 = text.utf8
            var start: String.Index?
            // Whether the word being read opens as a rule may (most open with a letter or digit and are not asked).
            var mayBeRule = false
            var position = utf8.startIndex
            while position < utf8.endIndex {
                let byte = utf8[position]
                if byte == 0x20 {
                    if let from = start, !(mayBeRule && Word.isCellRule(utf8[from..<position])) {
                        words.append(Word(text: text[from..<position], line: token.line, token: index))
                    }
                    start = nil
                } else if start == nil {
                    start = position
                    mayBeRule = Word.mayOpenCellRule(byte)
                }
                position = utf8.index(after: position)
            }
            if let from = start, !(mayBeRule && Word.isCellRule(utf8[from...])) { words.append(Word(text: text[from...], line: token.line, token: index)) }
        }
    }
}

/// Two pieces of a wrapped text: a hyphen at the end of the first joins without a space ("anti-" + "social").
func joined(_ first: String, _ second: String) -> String {
    if first.utf8.last == UInt8(ascii: "-"), first.utf8.count >= 2 { return first + second }
    return first + " " + second
}
