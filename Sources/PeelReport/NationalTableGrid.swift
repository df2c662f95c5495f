import PeelLayout
import PeelText

extension JudgmentExtractor {
    /// The all-force table read a row at a time by where its cells stand: for a table whose cells wrapped inside
    /// narrow columns, words broken by hyphenation ("Bedford-" / "shire", "Requires im-" / "provement", a typesetter's
    /// page in `pdftotext -layout`), which the word reader cannot tell from another row's words.
    ///
    /// A row opens on a line whose first cell is the name column's and whose other cells each open a grade ("Good",
    /// "Requires", "Outstand-"): one cell a column, whose starts are that row's columns (a page sets its own). The lines
    /// after it up to the next such line are the row's, each cell under one of those starts and within its column; each
    /// column's parts joined (a word hyphenated at a part's end joined whole) must be a force's name and one grade each,
    /// or the row is left out, said. A row whose opening line holds fewer cells (two run together) is left out, said;
    /// a repeated header of the same questions is passed over; any other line ends the table. Returns the rows read
    /// and the index of the table's last line, or nil where the first line opens no row.
    static func gridRows(_ text: LaidOutText, from first: Int, questions: [Question], registry: ForceRegistry, scale: GradeScale,
                         into report: inout Report) -> (rows: Int, last: Int)? {
        let lines = text.lines
        let columns = questions.count + 1
        var rows = 0
        /// The open row: its columns' starts, each column's parts, its first line's number; nil where the row is left
        /// out (its continuation lines passed over).
        var starts: [Int] = []
        var parts: [[String]]?
        var rowLine = 0
        var inRow = false
        var inHeader = false
        var last = first

        func close() {
            defer { parts = nil; inRow = false }
            guard inRow, let parts else { return }
            let name = joinedParts(parts[0])
            let nameWords = name.split(separator: " ").map { Word(text: $0, line: rowLine, token: 0) }
            let named = Phrases.force(nameWords, at: 0, registry: registry).flatMap { $0.length == nameWords.count ? $0.id : nil }
            guard let forceID = named ?? forceSpelled(byLettersOf: parts[0], registry: registry) else {
                report.problems.append(ParseProblem(.error, line: rowLine, "all-force judgments table row \"\(name)\" names no force: not read"))
                return
            }
            var grades: [Grade] = []
            for (column, cell) in parts.dropFirst().enumerated() {
                let printed = joinedParts(cell)
                guard let grade = Grade(printed: printed) else {
                    report.problems.append(ParseProblem(.error, line: rowLine, "unknown grade \"\(printed)\" for \(forceID) \(questions[column].rawValue)"))
                    return
                }
                grades.append(grade)
            }
            for (question, grade) in zip(questions, grades) where onScale(grade, scale, line: rowLine, problems: &report.problems) {
                report.judgments.append(Judgment(forceID: forceID, question: question, grade: grade, scale: scale, line: rowLine))
            }
            rows += 1
        }

        /// A table ended at a line that is none of its rows, a row opening with a force's name just after it: the rows
        /// from there are not read, said.
        func sayIfRowsFollow(from stop: Int) {
            for next in (stop + 1)..<min(lines.count, stop + 12) where !lines[next].isBlank {
                let cells = text.cells(next)
                guard Self.opensRow(cells),
                      case let words = cells[0].text.split(separator: " ").map({ Word(text: $0, line: lines[next].number, token: 0) }),
                      let (forceID, _) = Phrases.force(words, at: 0, registry: registry) else { continue }
                report.problems.append(ParseProblem(.warning, line: lines[stop].number,
                                                    "the all-force judgments table stops at \"\(lines[stop].text)\": its rows from \(forceID) (line \(lines[next].number)) on are not read"))
                return
            }
        }

        // Until a row sets them, the columns start where the header's do (its markers: "Q1.", …, "Overall").
        if let header = (max(0, first - 8)..<first).reversed().first(where: { text.cells($0).first?.text.hasPrefix(ignoringASCIICase: "force") == true }),
           let markers = Self.markerStarts(text.cells(header)), markers.count == columns {
            starts = markers
        }
        /// A blank line since the last line read: after one, only a row or a header goes on with the table.
        var afterBlank = false
        /// Lines passed over since the last row opened: a header's, or those of a row left out (bounded: a table
        /// ends).
        var passedOver = 0
        var index = first
        while index < lines.count {
            defer { index += 1 }
            if lines[index].isBlank {
                afterBlank = true
                continue
            }
            defer { afterBlank = false }
            var cells = text.cells(index)
            let opensRow = Self.opensRow(cells)
                && (!inRow || starts.first.map { cells[0].column <= $0 + 1 } ?? true)
            if opensRow {
                close()
                inHeader = false
                inRow = true
                passedOver = 0
                rowLine = lines[index].number
                last = index
                // Two cells one space apart ("Requires improve- Inadequate") are parted where the columns start (the
                // last row's, or the header's), a word opening there or a place either side.
                if cells.count < columns, starts.count == columns, case let parted = Self.parted(cells, at: starts),
                   parted.count == columns, Self.opensRow(parted) {
                    cells = parted
                }
                guard cells.count == columns else {
                    report.problems.append(ParseProblem(.error, line: rowLine, "an all-force judgments table row with \(cells.count) cells where the table has \(columns) (two run together): not read"))
                    continue
                }
                starts = cells.map(\.column)
                parts = cells.map { [$0.text] }
                continue
            }
            // A header repeated on a new page, naming the same questions in the same order: its lines, up to the next
            // row, passed over. Any other header (another table's, or one whose columns are not read) ends this table.
            if cells.first.map({ $0.text.equals(ignoringASCIICase: "force") }) == true {
                close()
                guard alignedHeader(text, at: index, registry: registry)?.questions == questions else { break }
                inHeader = true
                if let markers = Self.markerStarts(cells), markers.count == columns { starts = markers }
                continue
            }
            // A header's lines, and a row's left out (its cells run together: where they stand says nothing).
            if inHeader || (inRow && parts == nil && !afterBlank) {
                passedOver += 1
                if passedOver <= 8 { continue }
            }
            if inRow, parts != nil { cells = Self.parted(cells, at: starts) }
            guard inRow, parts != nil, !afterBlank, cells.allSatisfy({ cell in
                guard let column = starts.firstIndex(where: { abs($0 - cell.column) <= 1 }) else { return false }
                return column + 1 == starts.count || cell.endColumn < starts[column + 1]
            }) else {
                if first == index { return nil }
                sayIfRowsFollow(from: index)
                break
            }
            last = index
            for cell in cells {
                guard let column = starts.firstIndex(where: { abs($0 - cell.column) <= 1 }) else { continue }
                parts?[column].append(cell.text)
            }
        }
        close()
        return rows > 0 || last > first ? (rows, last) : nil
    }

    /// `cells` with any cell that runs over the start of another column parted there, where one of its words opens at
    /// that column (or a place either side, as a layout rounds): a layout sets cells whose text nearly fills their
    /// columns one space apart ("improvemen improvement", "Requires improve- Inadequate"), one cell to the line's
    /// spaces. A cell whose words do not measure its columns (its text cleaned to another width) is left whole.
    static func parted(_ cells: [Cell], at starts: [Int]) -> [Cell] {
        guard cells.contains(where: { cell in starts.contains { $0 > cell.column + 1 && $0 < cell.endColumn } }) else { return cells }
        var result: [Cell] = []
        for cell in cells {
            guard starts.contains(where: { $0 > cell.column + 1 && $0 < cell.endColumn }) else {
                result.append(cell)
                continue
            }
            let placed = cell.placedWords()
            guard placed.measureCell, !placed.words.contains(where: \.text.isEmpty) else {
                result.append(cell)
                continue
            }
            var pieces: [Cell] = []
            var words: [Substring] = []
            var pieceStart = cell.column
            for word in placed.words {
                if !words.isEmpty, starts.contains(where: { abs($0 - word.column) <= 1 }) {
                    pieces.append(Cell(text: words.joined(separator: " "), column: pieceStart, endColumn: word.column - 1))
                    words = []
                    pieceStart = word.column
                }
                words.append(word.text)
            }
            pieces.append(Cell(text: words.joined(separator: " "), column: pieceStart, endColumn: cell.endColumn))
            result += pieces
        }
        return result
    }

    /// The columns a header's first line starts: its first cell's ("Force"), then each word that marks a question's
    /// column ("Q1.", "Overall"), where the line's cells measure their words (as `parted`); nil otherwise.
    static func markerStarts(_ cells: [Cell]) -> [Int]? {
        guard let first = cells.first else { return nil }
        var starts = [first.column]
        for cell in cells {
            let placed = cell.placedWords()
            guard placed.measureCell else { return nil }
            for word in placed.words where word.column > first.column
                && (word.text.equals(ignoringASCIICase: "overall") || questionNumber(word.text) != nil) {
                starts.append(word.column)
            }
        }
        return starts
    }

    /// The force whose name's letters a name cell's parts spell, where a layout broke the name inside a word with no
    /// hyphen ("Cambridgesh" / "ire"), or nil.
    static func forceSpelled(byLettersOf parts: [String], registry: ForceRegistry) -> String? {
        let letters = parts.flatMap(ForceRegistry.letters)
        guard letters.count >= 4 else { return nil }
        return registry.id(spelledBy: letters)
    }

    /// Whether a line's cells open a row: a name's, then each opening a grade (its count checked by the caller).
    static func opensRow(_ cells: [Cell]) -> Bool {
        cells.count >= 2 && cells.dropFirst().allSatisfy { opensGrade($0.text) }
    }

    /// Whether a cell opens with a grade's first word, or the opening of one broken by hyphenation ("Outstand-",
    /// "Inad-") or, in a cell too narrow for it, with no hyphen ("Outstandi", "Inadequa": five letters or more): a
    /// grade cell's first line. (Its other lines open with the rest of a word or "improvement".)
    static func opensGrade(_ cell: String) -> Bool {
        guard let word = cell.split(separator: " ").first else { return false }
        let letters = word.hasSuffix("-") ? word.dropLast() : word
        guard letters.count >= 3, letters.utf8.allSatisfy(ASCIIBytes.isLetter) else { return false }
        let lower = letters.lowercased()
        return ["good", "outstanding", "requires", "inadequate", "ungraded"].contains {
            $0.hasPrefix(lower) && (word.hasSuffix("-") || $0 == lower || lower.count >= 5)
        }
    }

    /// A cell's parts, line by line, as one text: a part ending in a word broken at its hyphen runs on into the next
    /// without a space, the hyphen dropped before a lowercase letter ("Bedford-" / "shire") and kept before a capital
    /// ("Dyfed-" / "Powys", the name's own).
    static func joinedParts(_ parts: [String]) -> String {
        var joined = ""
        for part in parts {
            guard !joined.isEmpty else {
                joined = part
                continue
            }
            let bytes = Array(joined.utf8)
            if bytes.count >= 2, bytes[bytes.count - 1] == UInt8(ascii: "-"), ASCIIBytes.isLetter(bytes[bytes.count - 2]),
               let next = part.utf8.first, ASCIIBytes.isLetter(next) {
                if next &- UInt8(ascii: "a") < 26 { joined.removeLast() }
                joined += part
            } else {
                joined += " " + part
            }
        }
        return joined
    }
}
