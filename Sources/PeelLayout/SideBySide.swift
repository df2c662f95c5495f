import PeelText

/// A piece of text in the order a reader takes it: a whole line, or, where blocks of text stand side by side on the
/// page, one column's part of a line.
public struct LinePiece: Sendable, Equatable {
    /// The index of its line in `LaidOutText.lines` (the line's number traces it to the source).
    public let index: Int
    public let text: String
    /// Whether the piece is its line whole (so the line's own marks, a heading's say, are the piece's).
    public let isWholeLine: Bool
}

extension LaidOutText {
    /// The lines of `range` read a block at a time where blocks of text stand side by side: a graphic's panels set in a
    /// grid, which `pdftotext -layout` prints a row of panels at a time, each line holding a line of each panel
    /// ("Calls for assistance      Anti-social behaviour", "Gwent Police              Gwent Police"). Such a run of lines
    /// is read a column at a time, top to bottom, left to right; every other line whole. Nil where no blocks stand
    /// side by side, and the lines are read as they are. Blank lines are left out.
    ///
    /// A run of lines is read so only where something shows the columns are blocks of text: columns of spaces that no
    /// line's text crosses, at least two of its lines holding words (letters) on both sides of them, the words after
    /// them starting at the block's edge. A name beside its value ("Gwent Police      338") is a row of one block, and
    /// stays a line. It is a reading proposed, not proven: a single column whose words are spaced out
    /// (`pdftotext -fixed`) where the same words repeat ("Gwent       Police") can look like blocks, so a reader that
    /// can tell what it reads should check it against the lines read as they are.
    public func sideBySideReading(_ range: Range<Int>) -> [LinePiece]? {
        // Most texts' lines are one cell each: settled on their bytes, no cell made.
        guard range.contains(where: holdsCells) else { return nil }
        let rows = range.map { index -> [Cell]? in lines[index].isBlank ? [] : spans(index) }
        let bands = SideBySide.bands(rows)
        guard !bands.isEmpty else { return nil }
        var pieces: [LinePiece] = []
        var next = 0
        func whole(_ row: Int) {
            let index = range.lowerBound + row
            if !lines[index].isBlank { pieces.append(LinePiece(index: index, text: lines[index].text, isWholeLine: true)) }
        }
        for band in bands {
            while next < band.rows.lowerBound {
                whole(next)
                next += 1
            }
            for column in 0...band.cuts.count {
                let from = column == 0 ? Int.min : band.cuts[column - 1]
                let to = column == band.cuts.count ? Int.max : band.cuts[column]
                for row in band.rows {
                    guard let cells = rows[row] else { continue }
                    let inColumn = cells.filter { $0.column >= from && $0.column < to }
                    guard !inColumn.isEmpty else { continue }
                    pieces.append(LinePiece(index: range.lowerBound + row, text: inColumn.map(\.text).joined(separator: " "),
                                            isWholeLine: inColumn.count == cells.count))
                }
            }
            next = band.rows.upperBound
        }
        while next < range.count {
            whole(next)
            next += 1
        }
        return pieces
    }

    /// Whether the line at `index` holds two cells or more (a tab, or two spaces after its first text).
    private func holdsCells(_ index: Int) -> Bool {
        let line = lines[index]
        guard !line.isBlank, !line.source.isEmpty, line.source.upperBound <= utf8.count else { return false }
        // Two spaces between cells are one in the line's text, a tab stays: a line as long as its source holds none.
        guard line.holdsTab || line.source.count > line.byteCount else { return false }
        return utf8.withUnsafeBufferPointer { Cells.singleCellIndent(UnsafeBufferPointer(rebasing: $0[line.source])) == nil }
    }

    /// The cells of a line with the columns its raw text covers; nil for a line whose raw text is not known.
    func spans(_ index: Int) -> [Cell]? {
        let line = lines[index]
        guard !line.source.isEmpty, line.source.upperBound <= utf8.count else { return nil }
        return utf8.withUnsafeBufferPointer { bytes in
            let raw = UnsafeBufferPointer(rebasing: bytes[line.source])
            guard let indent = Cells.singleCellIndent(raw) else { return Cells.split(raw) }
            // A Markdown table row is no block of text.
            if Normaliser.opensTableRow(raw) { return nil }
            return [Cell(text: line.text, column: indent, endColumn: indent + Cells.width(raw))]
        }
    }
}

/// The general part: where a run of lines holds blocks side by side, from the columns each line's cells cover.
enum SideBySide {
    /// A run of lines that holds blocks side by side, and the columns where each block after the first starts.
    struct Band: Equatable {
        let rows: Range<Int>
        let cuts: [Int]
    }

    /// `rows`: each line's cells, [] for a blank line, nil for a line whose columns are not known (no band holds it).
    /// A band grows from a line of two or more cells, down and then up, over every line that leaves a column of spaces
    /// between those cells (blank lines go with it); the columns of spaces are what no line of the band covers.
    /// The most lines a band grows over from the line it starts at, each way.
    static let maximumRows = 120

    static func bands(_ rows: [[Cell]?]) -> [Band] {
        var bands: [Band] = []
        var floor = 0
        var start = 0
        while start < rows.count {
            guard let cells = rows[start], cells.count >= 2 else {
                start += 1
                continue
            }
            // The spaces between its cells, and before and after them (a panel may start lower than its neighbours),
            // each with the lines so far that hold words on both sides of it.
            var gutters = zip(cells, cells.dropFirst()).compactMap { $0.endColumn < $1.column ? $0.endColumn..<$1.column : nil }
            if cells[0].column > 0 { gutters.insert(0..<cells[0].column, at: 0) }
            gutters.append(cells[cells.count - 1].endColumn..<Int.max)
            var parted = gutters.map { wordsOnBothSides(of: $0, in: cells) ? 1 : 0 }
            /// Whether the line at `row` leaves the gutters that part words so far blank, and some gutter between text:
            /// then it narrows them to what it leaves. A line that runs over a gutter between blocks ends the band
            /// there (the next row of panels may set its columns elsewhere).
            func admits(_ row: Int) -> Bool {
                guard let cells = rows[row] else { return false }
                var narrowed: [Range<Int>] = [], counts: [Int] = []
                for (gutter, count) in zip(gutters, parted) {
                    let parts = cells.reduce([gutter]) { open, cell in
                        open.flatMap { part -> [Range<Int>] in
                            guard cell.column < part.upperBound && cell.endColumn > part.lowerBound else { return [part] }
                            return [part.lowerBound..<max(part.lowerBound, cell.column), min(part.upperBound, cell.endColumn)..<part.upperBound]
                                .filter { !$0.isEmpty }
                        }
                    }
                    // A gutter between words so far must stay, and the words after it keep their edge: a block that
                    // starts further left is the next row of panels, set in other columns.
                    if count > 0 && parts.allSatisfy({ $0.upperBound <= gutter.upperBound - 2 }) { return false }
                    for part in parts {
                        narrowed.append(part)
                        counts.append(count + (wordsOnBothSides(of: part, in: cells) ? 1 : 0))
                    }
                }
                // Some column of spaces must stay between text: the margins left and right of every line are none.
                guard narrowed.contains(where: { $0.lowerBound > 0 && $0.upperBound < Int.max }) else { return false }
                gutters = narrowed
                parted = counts
                return true
            }
            var last = start
            var row = start + 1
            // A page's row of panels is some tens of lines: a band stops growing at `maximumRows`, so a long run of
            // aligned lines that part no words (a hostile text's, a table of numbers) costs each start that many rows,
            // not the rest of the text.
            while row < rows.count && row - start < Self.maximumRows && admits(row) {
                if rows[row]?.isEmpty == false { last = row }
                row += 1
            }
            var first = start
            row = start - 1
            while row >= floor && start - row < Self.maximumRows && admits(row) {
                if rows[row]?.isEmpty == false { first = row }
                row -= 1
            }
            let band = first..<(last + 1)
            // Blocks side by side stand apart from the text above them (a blank line, the range's start): where a line
            // that runs across the columns touches the run's first line, the blocks began in it (an extractor that set
            // their first words one space apart), and the run holds only their ends, which read apart from their
            // beginnings would give one block's values another's label. (Below, a note that runs across the page may
            // follow the blocks at once.)
            let touching = first > 0 && rows[first - 1]?.isEmpty != true

            // A gutter parts blocks of text where at least two lines hold words on both sides of it, and the words after
            // it start where a block's lines do, at its edge (pdftotext sets a line of a block up to three columns off):
            // words spaced out along a line (`pdftotext -fixed`) leave columns of spaces too, but the words after them
            // start anywhere.
            let supported = gutters.filter { gutter in
                var both = 0, atEdge = 0
                for cells in rows[band] {
                    guard let cells, cells.contains(where: { $0.endColumn <= gutter.lowerBound && holdsLetter($0.text) }),
                          let after = cells.first(where: { $0.column >= gutter.upperBound }), holdsLetter(after.text) else { continue }
                    both += 1
                    if after.column <= gutter.upperBound + 3 { atEdge += 1 }
                }
                return both >= 2 && atEdge * 5 >= both * 4
            }.map(\.upperBound)
            // Between two such columns, only numbers (a value that stands out from its panel's words into the spaces
            // before the next panel) are no block: they stay with the words before them.
            let cuts = supported.indices.filter { index in
                index + 1 == supported.count || rows[band].contains { cells in
                    cells?.contains { $0.column >= supported[index] && $0.column < supported[index + 1] && holdsLetter($0.text) } == true
                }
            }.map { supported[$0] }
            guard !cuts.isEmpty, !touching else {
                // No blocks side by side here (a name beside its value, say): a later line may still start a band.
                start += 1
                continue
            }
            bands.append(Band(rows: band, cuts: cuts))
            floor = last + 1
            start = last + 1
        }
        return bands
    }

    /// Whether a line's cells hold words before `gutter` and after it.
    private static func wordsOnBothSides(of gutter: Range<Int>, in cells: [Cell]) -> Bool {
        cells.contains { $0.endColumn <= gutter.lowerBound && holdsLetter($0.text) }
            && cells.contains { $0.column >= gutter.upperBound && holdsLetter($0.text) }
    }

    private static func holdsLetter(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.isAlphabetic }
    }
}
