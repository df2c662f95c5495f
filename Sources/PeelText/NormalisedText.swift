/// A line of report text with extraction artefacts removed, and the original line it came from.
///
/// Its text is not a `String` of its own: the cleaner writes the lines of a text back to back into one buffer
/// (`LineTexts`), and a line keeps its bytes' place there. Most lines are only ever looked at by their marks or read
/// as bytes (`withText`); a `String` is made when `text` is asked for. (A `String` a line was allocated, validated again
/// by the standard library, and freed for every line of every report: some 6 % of the instructions that are not
/// SHA-256, callgrind.)
///
/// **Lifetime.** A line the cleaner made holds no reference to that buffer: it is kept by the `NormalisedLines` the
/// line came from, and the line is valid while that collection (or a copy or slice of it) is, which is how every reader
/// has its lines: as a parameter, or in a value it holds. Never keep such a line apart from its collection. (A
/// reference a line was an atomic retain and release for every line made, copied and destroyed: some 2.5 % of a run's
/// CPU, paired runs over the 1 GB benchmark corpus.) A line made on its own, `init(number:text:…)`, owns its bytes; an
/// array of lines taken out of a collection (`filter`, `Array(_:)`) reads its text only while the collection lives.
///
/// Unchecked Sendable: `textStart` points to bytes that are final before the line is handed out.
public struct NormalisedLine: @unchecked Sendable, Equatable {
    /// 1-based line number in the original entry.
    public let number: Int
    /// The text's bytes: `textCount` of them from `textStart`.
    @usableFromInline let textStart: UnsafePointer<UInt8>
    @usableFromInline let textCount: Int
    /// The bytes of a line made on its own; nil for a line the cleaner made (its collection keeps them).
    @usableFromInline let ownBytes: LineTexts?
    /// The line's bytes in `DecodedText.utf8`, before cleaning: the layout stage reads table cells and their
    /// columns from them (cleaning collapses the runs of spaces that show the columns).
    public let source: Range<Int>
    /// The text's first two bytes and what else every reader asks of every line (`isHeading`, `afterPageBreak`,
    /// `isBlank`, `holdsTab`, `holdsHyphen`, `cappedByteCount`: bits 0–15, 16–20, 21–31), in one word, known without
    /// touching the text. One word: with a stored field more, the compiler copied and destroyed the line through
    /// outlined functions, a call for every line an extractor took (callgrind).
    @usableFromInline let marks: UInt32

    /// Text without markup, footnote markers, NBSPs or ligatures; single spaces; tabs kept as cell separators.
    /// Made from the line's bytes at each call: a reader that passes over many lines reads `withText` instead.
    public var text: String { withText { String(decoding: $0, as: UTF8.self) } }

    /// The text's UTF-8 bytes (valid UTF-8: cleaning keeps the decoded text's validity), read in place.
    @inlinable public func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(ownBytes) { try body(UnsafeBufferPointer(start: textStart, count: textCount)) }
    }

    /// The text's length in bytes.
    @inlinable public var byteCount: Int { textCount }

    /// A markdown heading (`#`), or a line that was bold throughout (`**…**`, `<b>…</b>`).
    @inlinable public var isHeading: Bool { marks & 0x1_0000 != 0 }
    /// The text's first byte, 0 for a blank line. The extractors pass over most lines on their first bytes, and
    /// reading them here touches no text.
    @inlinable public var opening: UInt8 { UInt8(truncatingIfNeeded: marks) }
    /// The text's second byte, 0 for a text shorter than two bytes.
    @inlinable public var secondByte: UInt8 { UInt8(truncatingIfNeeded: marks >> 8) }
    /// A page break (form feed) stood on this line or on the blank lines just before it: page furniture
    /// (running headers and footers) is looked for beside such lines.
    @inlinable public var afterPageBreak: Bool { marks & 0x2_0000 != 0 }
    /// The text is empty.
    @inlinable public var isBlank: Bool { marks & 0x4_0000 != 0 }
    /// The text holds a tab: it is a table row, its cells between the tabs.
    @inlinable public var holdsTab: Bool { marks & 0x8_0000 != 0 }
    /// The text holds a hyphen-minus: only such lines can print a hyphenated word, which the findings reader looks for
    /// in every line of a report.
    @inlinable public var holdsHyphen: Bool { marks & 0x10_0000 != 0 }
    /// The text's length in bytes, or 2,047 for a longer one: readers that pass over lines by their length (the wrap
    /// width's histogram, the short lines a heading can be) read it here, without a copy of the line and its text.
    @inlinable public var cappedByteCount: Int { Int(marks >> 21) }
    /// The largest length `cappedByteCount` tells exactly.
    public static let byteCountCap = 2047

    public init(number: Int, text: String, isHeading: Bool = false, source: Range<Int> = 0..<0, afterPageBreak: Bool = false) {
        let bytes = Array(text.utf8)
        let shape = bytes.withUnsafeBufferPointer {
            Self.shape(of: $0, holdsTab: ByteSearch.firstIndex(of: 0x09, in: $0, from: 0) < $0.count,
                       holdsHyphen: ByteSearch.firstIndex(of: 0x2D, in: $0, from: 0) < $0.count)
        }
        let own = LineTexts(bytes)
        self.init(number: number, text: UnsafeBufferPointer(start: own.base, count: bytes.count), ownBytes: own, source: source, shape: shape,
                  isHeading: isHeading, afterPageBreak: afterPageBreak)
    }

    /// A line whose text is `text` (in `ownBytes`, or in a buffer its collection keeps when that is nil), with the
    /// marks the cleaner took as it wrote the text (`shape(of:holdsTab:holdsHyphen:)`).
    fileprivate init(number: Int, text: UnsafeBufferPointer<UInt8>, ownBytes: LineTexts?, source: Range<Int>, shape: UInt32, isHeading: Bool,
                     afterPageBreak: Bool) {
        self.number = number
        textStart = UnsafePointer(text.baseAddress!)
        textCount = text.count
        self.ownBytes = ownBytes
        self.source = source
        marks = shape | (isHeading ? 0x1_0000 : 0) | (afterPageBreak ? 0x2_0000 : 0)
    }

    /// The same line, marked a heading.
    var markedHeading: NormalisedLine {
        withText { NormalisedLine(number: number, text: $0, ownBytes: ownBytes, source: source, shape: marks, isHeading: true, afterPageBreak: false) }
    }

    /// The same line, marked `afterPageBreak`.
    var markedAfterPageBreak: NormalisedLine {
        withText { NormalisedLine(number: number, text: $0, ownBytes: ownBytes, source: source, shape: marks, isHeading: false, afterPageBreak: true) }
    }

    /// Lines are equal when their numbers, sources, marks and text bytes are (wherever their bytes are kept).
    public static func == (a: NormalisedLine, b: NormalisedLine) -> Bool {
        a.number == b.number && a.source == b.source && a.marks == b.marks && a.withText { x in b.withText { y in x.elementsEqual(y) } }
    }

    /// The marks a text's bytes give: its first two bytes, whether it is blank, whether it holds a tab or a hyphen,
    /// and its length up to `byteCountCap` (in the top eleven bits).
    /// The marks of an empty line.
    fileprivate static let blankShape: UInt32 = 0x4_0000

    fileprivate static func shape(of bytes: UnsafeBufferPointer<UInt8>, holdsTab: Bool, holdsHyphen: Bool) -> UInt32 {
        guard !bytes.isEmpty else { return 0x4_0000 }
        return UInt32(bytes[0]) | (bytes.count > 1 ? UInt32(bytes[1]) << 8 : 0)
            | (holdsTab ? 0x8_0000 : 0) | (holdsHyphen ? 0x10_0000 : 0) | UInt32(min(bytes.count, byteCountCap)) << 21
    }
}

/// The first two bytes of some phrases, ignoring ASCII case: a reader that acts only on lines opening with one of its
/// phrases passes over the rest (most prose) on `NormalisedLine`'s first two bytes, without reading their text.
public struct LineOpenings: Sendable {
    /// A bit per pair of lowercased bytes (first << 8 | second).
    @usableFromInline let bits: [UInt64]
    /// The phrases' first four bytes, lowercased, as words (first byte highest); empty when a phrase is shorter or
    /// opens with a non-ASCII byte among them.
    @usableFromInline let fours: [UInt32]

    /// Phrases of two bytes or more; each opens with ASCII (a reader's vocabulary is English).
    public init(_ phrases: [String]) {
        var bits = [UInt64](repeating: 0, count: 1024)
        var fours: [UInt32] = []
        for phrase in phrases {
            let bytes = Array(phrase.utf8.prefix(4))
            precondition(bytes.count >= 2 && bytes[..<2].allSatisfy { $0 < 0x80 }, "a phrase opens with two ASCII bytes")
            let key = Self.key(bytes[0], bytes[1])
            bits[key >> 6] |= 1 << UInt64(key & 63)
            fours.append(bytes.count == 4 && bytes.allSatisfy { $0 < 0x80 } ? Self.four(bytes[...]) : 0)
        }
        self.bits = bits
        self.fours = fours.contains(0) ? [] : Array(Set(fours)).sorted()
    }

    /// `mayOpen`, then, where every phrase opens with four ASCII bytes, the line's first four bytes too: false only
    /// when they are ASCII and open no phrase, or the line is ASCII and shorter than four bytes. Two bytes pass many
    /// lines of prose for some vocabularies ("in", "re", "an" open headings and sentences alike); four pass few, and
    /// the same argument holds (an ASCII byte is a starter that no normalisation or lowercasing turns into another).
    @inlinable public func mayOpenOnFourBytes(_ line: NormalisedLine) -> Bool {
        mayOpen(line) && (fours.isEmpty || opensOnFourBytes(line))
    }

    /// The four-byte test of `mayOpenOnFourBytes`, apart: most lines are settled by `mayOpen` inline.
    @usableFromInline func opensOnFourBytes(_ line: NormalisedLine) -> Bool {
        line.withText { bytes in
            let count = min(bytes.count, 4)
            for index in 0..<count where bytes[index] >= 0x80 { return true }
            guard count == 4 else { return false }
            return fours.contains(Self.four(bytes[..<4]))
        }
    }

    /// Four bytes lowercased (ASCII letters only), first byte highest.
    private static func four<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt32 {
        bytes.reduce(0) { $0 << 8 | UInt32(ASCIIBytes.lower($1)) }
    }

    /// False only when the line opens with two ASCII bytes that open no phrase, ignoring case. An ASCII character is
    /// a starter that no normalisation or lowercasing outside ASCII turns into another, so such a line can neither
    /// equal a phrase nor start with one, however its text is compared. A line opening with non-ASCII may.
    @inlinable public func mayOpen(_ line: NormalisedLine) -> Bool {
        let first = line.opening, second = line.secondByte
        guard first < 0x80 && second < 0x80 else { return true }
        let key = Self.key(first, second)
        return bits[key >> 6] >> UInt64(key & 63) & 1 != 0
    }

    @inlinable static func key(_ first: UInt8, _ second: UInt8) -> Int {
        Int(ASCIIBytes.lower(first)) << 8 | Int(ASCIIBytes.lower(second))
    }
}

/// The cleaned bytes of the lines one reading of a text made, back to back; never changed once that reading ends (a
/// line points into them, so that a line is no allocation of its own; its `NormalisedLines` keeps them).
/// Unchecked Sendable: the bytes are written by the reading that makes the lines, before any of them is handed out,
/// and never after; the object only frees them.
/// (Owned memory, not an array: its address never moves.)
public final class LineTexts: @unchecked Sendable {
    @usableFromInline let base: UnsafeMutablePointer<UInt8>

    /// How many bytes `base` holds.
    private let capacity: Int

    /// Takes `base`, allocated for `capacity` bytes (at least one), whose bytes are final before any line reading them is
    /// handed out.
    init(owning base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    convenience init(_ bytes: [UInt8]) {
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        bytes.withUnsafeBufferPointer { if let source = $0.baseAddress { base.initialize(from: source, count: $0.count) } }
        self.init(owning: base, capacity: max(bytes.count, 1))
    }

    deinit {
        #if DEBUG
        // Overwritten before it is freed, in the builds the tests run: a line read after its collection is gone (see
        // `NormalisedLine`, "Lifetime") reads `~`s, which no expectation takes for text, instead of bytes that freed
        // memory may still hold.
        base.initialize(repeating: UInt8(ascii: "~"), count: capacity)
        #endif
        base.deallocate()
    }
}

/// Lines in order, with the buffers the cleaner wrote their bytes to (`NormalisedLine`, "Lifetime"): a line taken from
/// here is valid while this collection, or a copy or slice of it, is.
public struct NormalisedLines: RandomAccessCollection, Sendable {
    @usableFromInline var elements: [NormalisedLine]
    /// Never removed from: a line of `elements` may point into any of them.
    @usableFromInline var buffers: [LineTexts]

    /// Lines made on their own (`NormalisedLine(number:text:…)`), which own their bytes. A line the cleaner made is
    /// refused: only its own collection keeps its bytes (`keeping` selects from one).
    public init(_ lines: [NormalisedLine]) {
        precondition(lines.allSatisfy { $0.ownBytes != nil }, "a line the cleaner made stays with its own collection")
        elements = lines
        buffers = []
    }

    init() {
        elements = []
        buffers = []
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { elements.count }
    @inlinable public subscript(position: Int) -> NormalisedLine { elements[position] }

    /// The lines at `indices`, in that order, kept by the same buffers.
    public func keeping<Indices: Sequence<Int>>(_ indices: Indices) -> NormalisedLines {
        var kept = NormalisedLines()
        kept.elements = indices.map { elements[$0] }
        kept.buffers = buffers
        return kept
    }

    /// The lines at `indices`, as `keeping`, those at `pageStarts` (indices into `indices`) marked `afterPageBreak`:
    /// the first line kept after a page's furniture, where the break itself was not kept.
    public func keeping(_ indices: [Int], pageStarts: [Int]) -> NormalisedLines {
        var kept = keeping(indices)
        for start in pageStarts { kept.elements[start] = kept.elements[start].markedAfterPageBreak }
        return kept
    }
}

/// A page number the normaliser removed beside a page break: where it stood (the index of the kept line it stood
/// before), its value, and whether it closed the page before the break (a footer) or opened the page after it.
public struct RemovedPageNumber: Sendable, Equatable {
    public var position: Int
    public let value: Int
    public let closesPage: Bool
}

/// Text as the parser reads it: both extraction flavours (plain lines; markdown-ish with `**`, `<b>`,
/// `<sup>`, `#`) reduced to the same plain lines, PDF page numbers and form feeds dropped.
/// Every kept line remembers its original number, so values parsed from it can name their source.
public struct NormalisedText: Sendable {
    public private(set) var lines = NormalisedLines()
    /// How many lines of the source have been read (all, unless built from a prefix and not yet extended).
    public private(set) var sourceLinesRead = 0
    /// A form feed stood on the last non-empty line read: a page number may follow.
    private var formFeedPending = false
    /// A form feed was read and no kept non-blank line has followed it yet.
    private var pageBreakPending = false
    /// Form feeds read, and the last page number removed: page numbers run in order, so a number beside a break
    /// that does not continue them (a Force in numbers value that ends a page) is text, not furniture.
    private var pageBreaks = 0
    private var lastPageNumber: Int?
    /// The byte offset of the next form feed at or after the last line read (`read`), or -1 before the first search.
    private var nextFormFeed = -1
    /// The page numbers removed beside page breaks, in line order: the layout stage tells from them which number the
    /// pages around one that kept its number carry.
    public private(set) var pageNumbers: [RemovedPageNumber] = []
    /// Page-marker lines read ("# Page 2", as `pypdfium2 extract-text` parts pages) in a text with no form feed: each
    /// but the first a page break.
    private var pageMarkers = 0
    /// The longest line an underline makes a heading: headings are short; a rule under a paragraph's line is no
    /// underline.
    private static let longestUnderlinedHeading = 160

    /// Whether the line below `line` goes on with its paragraph: `line` is prose (60 bytes or more, no heading) whose
    /// sentence is unfinished (it ends in no full stop, colon, semicolon, question or exclamation mark).
    static func continuesOnto(_ line: NormalisedLine) -> Bool {
        guard !line.isBlank, !line.isHeading, line.byteCount >= 60 else { return false }
        return line.withText { text in
            guard let last = text.last else { return false }
            return last != UInt8(ascii: ".") && last != UInt8(ascii: ":") && last != UInt8(ascii: ";") && last != UInt8(ascii: "?")
                && last != UInt8(ascii: "!")
        }
    }

    /// Whether `text` is a page number that continues the ones removed so far (then it is one more of them).
    /// `position` is the index in `all` of the line being read, whose bytes are `bytes` (`Normaliser.carriedOn`).
    private mutating func takePageNumber(_ text: UnsafeBufferPointer<UInt8>, at position: Int, of all: [TextLine], bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let number = Normaliser.pageNumber(text) else { return false }
        if let last = lastPageNumber {
            guard number == last + 1 || number == last + 2 else { return false }
        } else {
            // The first number stands at its page or one before it (a cover without one), as numbers from the cover
            // on do, or further before it (numbering begun again after front pages); either way the next page, if
            // any, carries it on. A value that happens to end or open a page of a text whose pages carry no numbers (a
            // web page printed without them: "1", the last line of a Force in numbers page) is text, and so is one
            // that opens a page whose number is in a running footer ("7 | PEEL …", as mutool prints them).
            guard number <= pageBreaks + 5 else { return false }
            if !Normaliser.carriedOn(number, after: position, in: all, bytes: bytes) {
                guard number + 1 >= pageBreaks, !Normaliser.pageFollows(position, in: all, bytes: bytes) else { return false }
            }
        }
        lastPageNumber = number
        return true
    }

    /// How many lines before a page break its page's number may stand (blank ones between): the only line ever taken
    /// back from the end of a prefix's lines is the last non-blank one among this many.
    public static let numberBeforeBreakReach = 64

    public init(_ text: DecodedText) {
        self.init(text, prefix: text.lines.count)
    }

    /// The first `count` lines only: enough to read a title page without cleaning a whole document.
    /// `extend` reads on from there, to the same lines as reading the whole text at once.
    public init(_ text: DecodedText, prefix count: Int) {
        lines.elements.reserveCapacity(min(count, text.lines.count))
        read(text, text.lines.prefix(count))
    }

    /// Whether `prefix(count)` saw every line of `text`.
    public static func covers(_ text: DecodedText, prefix count: Int) -> Bool { count >= text.lines.count }

    /// Reads `count` more lines of `text` (the text this was started on), or up to its end.
    public mutating func extend(_ text: DecodedText, by count: Int = .max) {
        let end = count >= text.lines.count - sourceLinesRead ? text.lines.count : sourceLinesRead + count
        lines.elements.reserveCapacity(end)
        read(text, text.lines[sourceLinesRead..<end])
    }

    private mutating func read(_ text: DecodedText, _ source: ArraySlice<TextLine>) {
        defer { sourceLinesRead = source.endIndex }
        guard let first = source.first, let last = source.last else { return }
        var scratch: [UInt8] = []
        // Every line's text into one buffer: cleaning never lengthens a line, so the source's span is enough. The
        // lines are made as they are cleaned, each referring to the buffer its text is still being written to: no
        // line is handed out before the last byte is written. (Cleaned first and made in a second pass, every line
        // was written twice.)
        let capacity = max(last.range.upperBound - first.range.lowerBound, 1)
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        lines.buffers.append(LineTexts(owning: base, capacity: capacity))
        var written = 0
        text.utf8.withUnsafeBufferPointer { bytes in
            // The next form feed at or after the line being read: found once for all the lines before it (a search a
            // line cost a call to `memchr` for every line of a report, and few hold one). Kept from block to block: a
            // text with none was searched to its end again for every block of lines the title page is read in (8 MB
            // of blank lines, 50,000 blocks: 9 s).
            var formFeed = nextFormFeed
            defer { nextFormFeed = formFeed }
            let all = text.lines
            for position in source.indices {
                let line = source[position]
                if formFeed < line.range.lowerBound { formFeed = ByteSearch.firstIndex(of: 0x0C, in: bytes, from: line.range.lowerBound) }
                let start = written
                var (count, heading, hadFormFeed, shape) = Normaliser.clean(UnsafeBufferPointer(rebasing: bytes[line.range]),
                                                                            into: base + start, scratch: &scratch,
                                                                            holdsFormFeed: formFeed < line.range.upperBound)
                // A text without form feeds may part its pages with a line that says so, numbered from 1: the second
                // and later such lines are page breaks, and every one is furniture (a blank line).
                if count >= 6 && count <= 24 && formFeed == bytes.count && pageBreaks == max(pageMarkers - 1, 0),
                   let number = Normaliser.pageMarker(UnsafeBufferPointer(start: base + start, count: count)), number == pageMarkers + 1 {
                    pageMarkers += 1
                    (count, heading, shape) = (0, false, NormalisedLine.blankShape)
                    if number > 1 { hadFormFeed = true }
                }
                let clean = UnsafeBufferPointer(start: base + start, count: count)
                if hadFormFeed {
                    pageBreakPending = true
                    pageBreaks += 1
                }
                // A page number is a short number alone on a line beside a form feed (pdftotext's page break).
                if (hadFormFeed || formFeedPending) && takePageNumber(clean, at: position, of: all, bytes: bytes) {
                    formFeedPending = false
                    // The number opens the page after the break, unless the form feed follows it on its line ("7\f").
                    let closes = hadFormFeed && bytes[line.range].first { $0 != 0x20 && $0 != 0x09 } != 0x0C
                    pageNumbers.append(RemovedPageNumber(position: lines.count, value: lastPageNumber!, closesPage: closes))
                    continue
                }
                if hadFormFeed {
                    // The number may stand just before the break: drop it if it is the last kept line. Only this
                    // removes an earlier line, so a prefix's lines are final up to its last line that is no number.
                    // Looked for among the last few lines only: a text of form feeds and nothing else had every break
                    // look back over all the blank lines before it (minutes for a file of 400 kB).
                    if let index = lines.elements.indices.suffix(Self.numberBeforeBreakReach).last(where: { !lines.elements[$0].isBlank }),
                       lines[index].withText({ takePageNumber($0, at: position, of: all, bytes: bytes) }) {
                        lines.elements.remove(at: index)
                        for mark in pageNumbers.indices where pageNumbers[mark].position > index { pageNumbers[mark].position -= 1 }
                        pageNumbers.append(RemovedPageNumber(position: index, value: lastPageNumber!, closesPage: true))
                    }
                    formFeedPending = count == 0
                } else if count != 0 {
                    formFeedPending = false
                }
                // A heading's underline (Markdown's setext, reStructuredText's: "=====" or "-----" at least half as long
                // as the short line of text just above it) makes that line a heading and is no text itself. Not where
                // that line ends a wrapped paragraph (the line before it long, its sentence unfinished), nor where it
                // opens in lower case, as no heading does (the paragraph wrapped narrow, or a running header between it
                // and its last words): there the dashes are a rule, a footnote's, and the line the paragraph's last words
                // ("… should thereafter implement" / "it." / "---").
                if count >= 3, Normaliser.isUnderline(clean), let above = lines.elements.last, !above.isBlank,
                   above.cappedByteCount <= Self.longestUnderlinedHeading, count * 2 >= above.byteCount,
                   above.opening != clean[0], above.opening &- 0x61 >= 26,
                   !(lines.elements.count >= 2 && Self.continuesOnto(lines.elements[lines.elements.count - 2])) {
                    lines.elements[lines.elements.count - 1] = above.markedHeading
                    written = start
                    lines.elements.append(NormalisedLine(number: line.number, text: UnsafeBufferPointer(start: base + start, count: 0), ownBytes: nil,
                                                         source: line.range, shape: NormalisedLine.blankShape, isHeading: false, afterPageBreak: false))
                    continue
                }
                let afterBreak = pageBreakPending
                if count != 0 { pageBreakPending = false }
                written = start + count
                lines.elements.append(NormalisedLine(number: line.number, text: clean, ownBytes: nil, source: line.range, shape: shape,
                                            isHeading: heading, afterPageBreak: afterBreak))
            }
        }
    }
}

extension NormalisedLine {
    /// A short number alone on a line: what a page break may remove from the end of a prefix's lines.
    public var isPageNumber: Bool { withText { Normaliser.pageNumber($0) != nil } }
}

/// Cleans lines on their UTF-8 bytes: this runs on every byte of every entry, so it never builds Characters or
/// scalar arrays (a scalar-level version was a third of the parse time). Non-ASCII scalars are decoded only to be
/// folded or dropped; look-ahead windows are counted in scalars, as the rules are stated.
public enum Normaliser {
    /// One cell of a table row (bytes of the raw line between column gaps), cleaned as a line is.
    public static func cleanCell(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        var scratch: [UInt8] = []
        return String(unsafeUninitializedCapacity: raw.count) { out in
            out.isEmpty ? 0 : clean(raw, into: out.baseAddress!, scratch: &scratch).count
        }
    }

    /// The number of a line that marks where a page begins: "Page 2", "PAGE 2", "--- Page 2 ---", "[Page 2]" ("# Page 2"
    /// is a heading "Page 2" once cleaned).
    static func pageMarker(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        func isFrame(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x2D || byte == 0x3D || byte == 0x5B || byte == 0x5D }
        var start = 0, end = text.count
        while start < end && isFrame(text[start]) { start += 1 }
        while end > start && isFrame(text[end - 1]) { end -= 1 }
        guard end - start >= 6, text[start] | 0x20 == 0x70, text[start + 1] | 0x20 == 0x61, text[start + 2] | 0x20 == 0x67,
              text[start + 3] | 0x20 == 0x65, text[start + 4] == 0x20 else { return nil }
        let digits = UnsafeBufferPointer(rebasing: text[(start + 5)..<end])
        guard digits.count <= 4, digits.allSatisfy({ $0 &- 0x30 < 10 }), digits.first != 0x30 else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 &- 0x30) }
    }

    /// The number of a page-number line: one to three ASCII digits, nothing else.
    static func pageNumber(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !text.isEmpty, text.count <= 3, text.allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
        return text.reduce(0) { $0 * 10 + Int($1 &- 0x30) }
    }

    /// Whether a page with text on it follows the line at `position`: a form feed after it, and after that some text.
    static func pageFollows(_ position: Int, in lines: [TextLine], bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard position < lines.count else { return false }
        let formFeed = ByteSearch.firstIndex(of: 0x0C, in: bytes, from: lines[position].range.upperBound)
        guard formFeed < bytes.count else { return false }
        return bytes[(formFeed + 1)...].contains { $0 > 0x20 }
    }

    /// Whether the first page break after line `position` has `number + 1` or `number + 2` as a page number beside it:
    /// the nearest non-blank line before the break (after `position`) or after it, cleaned as every line is. Asked only
    /// of a number beside a break before any page number was taken (few lines), so the text is read here as bytes again.
    static func carriedOn(_ number: Int, after position: Int, in lines: [TextLine], bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard position < lines.count else { return false }
        let formFeed = ByteSearch.firstIndex(of: 0x0C, in: bytes, from: lines[position].range.upperBound)
        guard formFeed < bytes.count else { return false }
        var holder = position + 1
        while holder < lines.count && lines[holder].range.upperBound <= formFeed { holder += 1 }
        guard holder < lines.count, lines[holder].range.lowerBound <= formFeed else { return false }
        var scratch: [UInt8] = []
        /// The page number a span of the text is, cleaned; `nil` when it is blank, `.some(nil)` when it is other text.
        func value(_ range: Range<Int>) -> Int?? {
            let out = UnsafeMutablePointer<UInt8>.allocate(capacity: max(range.count, 1))
            defer { out.deallocate() }
            let count = clean(UnsafeBufferPointer(rebasing: bytes[range]), into: out, scratch: &scratch).count
            return count == 0 ? nil : .some(pageNumber(UnsafeBufferPointer(start: out, count: count)))
        }
        let held = lines[holder].range
        var before = value(held.lowerBound..<formFeed), index = holder
        while before == nil && index - 1 > position {
            index -= 1
            before = value(lines[index].range)
        }
        var after = value((formFeed + 1)..<held.upperBound)
        index = holder
        while after == nil && index + 1 < lines.count {
            index += 1
            after = value(lines[index].range)
        }
        return [before, after].contains { $0 == .some(number + 1) || $0 == .some(number + 2) }
    }

    /// One line: markup and footnote markers out, look-alike characters folded, spaces collapsed (runs of spaces
    /// become one; spaces around tabs and at the ends go; tabs stay, as table cell separators), written at `out`, which
    /// has room for as many bytes as `raw` (cleaning never lengthens a line). Returns the text's length, whether the
    /// line is a heading (`#`, or bold throughout), whether it held a form feed (removed), and the text's shape as
    /// `NormalisedLine` keeps it (taken as it was written: scanning every line again for it cost more).
    /// `holdsFormFeed`: whether the line holds one, if the caller knows; `scratch` holds a line without its form feeds.
    static func clean(_ raw: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, scratch: inout [UInt8], holdsFormFeed: Bool? = nil)
        -> (count: Int, isHeading: Bool, hadFormFeed: Bool, shape: UInt32) {
        let formFeed = holdsFormFeed ?? (ByteSearch.firstIndex(of: 0x0C, in: raw, from: 0) < raw.count)
        if !raw.isEmpty && raw[0] == UInt8(ascii: "."), isHyperlinkTarget(raw) {
            let (count, heading, shape) = cleanText(UnsafeBufferPointer(rebasing: raw[0..<0]), into: out)
            return (count, heading, formFeed, shape)
        }
        let pipeRow = opensTableRow(raw)
        guard formFeed || pipeRow else {
            let (count, heading, shape) = cleanText(raw, into: out)
            return (count, heading, false, shape)
        }
        scratch.removeAll(keepingCapacity: true)
        if formFeed { appendWithoutFormFeeds(raw, to: &scratch) } else { scratch.append(contentsOf: raw) }
        if pipeRow { tableRowCells(&scratch) }
        let (count, heading, shape) = scratch.withUnsafeBufferPointer { cleanText($0, into: out) }
        return (count, heading, formFeed, shape)
    }

    /// `raw` without its form feeds: one after text on its line (pages joined with no line break between,
    /// "1\u{0C}282": a page's number, then the next page's first value) parts the two as a space would (dropped, it ran
    /// them into one number). Apart from `clean`, which every table row goes through: kept there, its loop cost some
    /// 10 M instructions on the 20 MB corpus (callgrind).
    @inline(never)
    static func appendWithoutFormFeeds(_ raw: UnsafeBufferPointer<UInt8>, to scratch: inout [UInt8]) {
        for byte in raw {
            if byte != 0x0C {
                scratch.append(byte)
            } else if let last = scratch.last, last != 0x20, last != 0x09 {
                scratch.append(0x20)
            }
        }
    }

    /// A reStructuredText hyperlink target, ".. _recommendation-2-2:" (pandoc -t rst writes one before each heading):
    /// markup that prints nothing, so a blank line, not text run on from the paragraph or list item above.
    static func isHyperlinkTarget(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = raw.count
        while end > 0 && (raw[end - 1] == 0x20 || raw[end - 1] == 0x0D || raw[end - 1] == 0x0C) { end -= 1 }
        guard end > 5, raw[0] == UInt8(ascii: "."), raw[1] == UInt8(ascii: "."), raw[2] == 0x20, raw[3] == UInt8(ascii: "_"),
              raw[end - 1] == UInt8(ascii: ":") else { return false }
        return !raw[4..<(end - 1)].contains(0x20)
    }

    /// Whether a line may be a Markdown table row ("|Force|Q1. Preventing …|", as PDF-to-Markdown tools write tables):
    /// it opens with a pipe. One byte looked at a line (an indent walked on every line cost some 27 M instructions on
    /// the 200 MB corpus). The cleaner and the layout stage's cells ask the same.
    public static func opensTableRow(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        !raw.isEmpty && raw[0] == UInt8(ascii: "|")
    }

    /// Where the pipes that part a Markdown table row's cells stand: every pipe not escaped (`\|` is a pipe inside a
    /// cell).
    public static func tablePipes(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var pipes: [Int] = []
        for index in bytes.indices where bytes[index] == UInt8(ascii: "|") && (index == 0 || bytes[index - 1] != UInt8(ascii: "\\")) {
            pipes.append(index)
        }
        return pipes
    }

    /// A Markdown table row, `| a | b |`, as the cells it holds, one tab apart (as a table's cells stand in the text
    /// the layout stage reads); its delimiter row (`|---|:--:|`) as nothing. Left as it is unless it also ends with a
    /// pipe, but for a line block's mark. A pipe escaped in a cell (`\|`) stays in it.
    static func tableRowCells(_ line: inout [UInt8]) {
        var end = line.count
        while end > 0 && (line[end - 1] == 0x20 || line[end - 1] == 0x09 || line[end - 1] == 0x0D) { end -= 1 }
        var start = 0
        while start < end && line[start] == 0x20 { start += 1 }
        let pipes = line.withUnsafeBufferPointer { tablePipes(UnsafeBufferPointer(rebasing: $0[start..<end])) }.map { $0 + start }
        // A reStructuredText line block ("| 12 months to", as pandoc -t rst keeps a label's line breaks): the one pipe
        // opens the line, a space after it, and marks the line, not a cell.
        if pipes == [start], start + 1 == end || line[start + 1] == 0x20 {
            line = Array(line[(start + 1)..<end])
            return
        }
        guard pipes.count >= 2, pipes[0] == start, pipes[pipes.count - 1] == end - 1 else { return }
        var cells: [UInt8] = []
        cells.reserveCapacity(end - start)
        var delimiterRow = true
        for (from, to) in zip(pipes, pipes.dropFirst()) {
            if from > start { cells.append(0x09) }
            var index = from + 1
            while index < to {
                let byte = line[index]
                // An escaped pipe: the pipe alone.
                if byte != UInt8(ascii: "\\") || line[index + 1] != UInt8(ascii: "|") { cells.append(byte) }
                if byte != UInt8(ascii: "-") && byte != UInt8(ascii: ":") && byte != 0x20 { delimiterRow = false }
                index += 1
            }
        }
        line = delimiterRow ? [] : cells
    }

    /// A line without form feeds, written at `out`: its length, whether it is a heading, and its shape. (A static
    /// function: a local one, passed on as a value, had its captured flag checked for exclusive access on every line.)
    private static func cleanText(_ line: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> (Int, Bool, UInt32) {
        guard !line.isEmpty else {
            return (0, false, NormalisedLine.shape(of: UnsafeBufferPointer(start: nil, count: 0), holdsTab: false, holdsHyphen: false))
        }
        var writer = SpaceCollapsingWriter(base: out)
        let heading = clean(line, into: &writer)
        let written = writer.finish()
        let shape = NormalisedLine.shape(of: UnsafeBufferPointer(start: out, count: written), holdsTab: writer.firstTab < written,
                                         holdsHyphen: writer.wroteHyphen)
        return (written, heading, shape)
    }

    private static func clean(_ all: UnsafeBufferPointer<UInt8>, into out: inout SpaceCollapsingWriter) -> Bool {
        let count = all.count
        var heading = false
        // Markdown heading marks.
        var start = 0
        while start < count && all[start] == 0x20 { start += 1 }
        if start < count && all[start] == 0x23 {
            var end = start
            while end < count && all[end] == 0x23 { end += 1 }
            if end == count || all[end] == 0x20 {
                heading = true
                start = end
            } else {
                start = 0
            }
        } else if start + 3 < count && all[start] == 0x3E && all[start + 1] == 0x20 && all[start + 2] &- 0x30 < 10 {
            // "> 87 These are repeated …": a footnote set as a Markdown block quote (pymupdf4llm) is read as the footnote.
            var digits = start + 2
            while digits < count && all[digits] &- 0x30 < 10 { digits += 1 }
            start = digits - start - 2 <= 3 && digits < count && all[digits] == 0x20 ? start + 2 : 0
        } else {
            start = 0
        }
        // Bold throughout: "**…**" or "<b>…</b>" once spaces and tabs are trimmed.
        var lower = start, upper = count
        while lower < upper && (all[lower] == 0x20 || all[lower] == 0x09) { lower += 1 }
        while upper > lower && (all[upper - 1] == 0x20 || all[upper - 1] == 0x09) { upper -= 1 }
        let trimmed = UnsafeBufferPointer(rebasing: all[lower..<upper])
        // Compared byte by byte: the generic `starts(with:)` over the reversed line cost more than the rest of the test.
        func opens(_ marks: StaticString) -> Bool {
            trimmed.count >= marks.utf8CodeUnitCount && (0..<marks.utf8CodeUnitCount).allSatisfy { trimmed[$0] == marks.utf8Start[$0] }
        }
        func closes(_ marks: StaticString) -> Bool {
            let count = marks.utf8CodeUnitCount, offset = trimmed.count - count
            return offset >= 0 && (0..<count).allSatisfy { trimmed[offset + $0] == marks.utf8Start[$0] }
        }
        let bold = (trimmed.count > 4 && opens("**") && closes("**")) || (opens("<b>") && closes("</b>"))

        /// Whether `prefix` (lowercase ASCII) starts at `position`, ignoring ASCII case.
        func starts(_ prefix: StaticString, at position: Int) -> Bool {
            let length = prefix.utf8CodeUnitCount
            guard position + length <= count else { return false }
            let pattern = prefix.utf8Start
            for offset in 0..<length where all[position + offset] | (isUpper(all[position + offset]) ? 0x20 : 0) != pattern[offset] {
                return false
            }
            return true
        }
        /// The first position from `position`, within `limit` scalars, where `found` holds.
        func first(from position: Int, within limit: Int, where found: (Int) -> Bool) -> Int? {
            var index = position, scalars = 0
            while index < count {
                if all[index] & 0xC0 != 0x80 {
                    if scalars == limit { return nil }
                    scalars += 1
                }
                if found(index) { return index }
                index += 1
            }
            return nil
        }
        func find(_ byte: UInt8, from position: Int, within limit: Int = 200) -> Int? {
            first(from: position, within: limit) { all[$0] == byte }
        }

        /// Where the `*` that closes an emphasis opened earlier stands.
        var emphasisClose = -1
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        /// PDFium's mark of a hyphen that ended a line (the lines joined), `length` bytes at `index`: a hyphen where it
        /// stands inside a word, else a space.
        func lineEndHyphen(at index: Int, length: Int) -> UInt8 {
            index > start && !isSpace(all[index - 1]) && index + length < count && !isSpace(all[index + length]) ? 0x2D : 0x20
        }
        func isEmphasisOpening(_ index: Int) -> Bool {
            guard index + 1 < count, !isSpace(all[index + 1]), all[index + 1] != 0x2A else { return false }
            return index == start || isSpace(all[index - 1]) || all[index - 1] == 0x28 || all[index - 1] == 0x22
        }
        func isEmphasisClosing(_ index: Int) -> Bool {
            guard all[index] == 0x2A, !isSpace(all[index - 1]), all[index - 1] != 0x5C, all[index - 1] != 0x2A else { return false }
            guard index + 1 < count else { return true }
            return isSpace(all[index + 1]) || ",.;:)'\"?!".utf8.contains(all[index + 1])
        }
        /// Past a closing mark that ends at `index`: where the text goes on. Some converters (pymupdf4llm) set a space
        /// between a styled run and the punctuation after it ("**By 1 December 2016** ,", "*Crime* )"); no prose puts
        /// one there, so it is dropped.
        func afterClosing(_ index: Int) -> Int {
            index + 1 < count && all[index] == 0x20 && ",.;:)".utf8.contains(all[index + 1]) ? index + 1 : index
        }
        /// Superscript digits opened the line: a footnote's number.
        var leadingNumber = false
        var index = start
        while index < count {
            let byte = all[index]
            if leadingNumber && byte < 0x80 {
                leadingNumber = false
                if byte != 0x20 { out.append(0x20) }
            }
            // Most bytes are letters, spaces and punctuation that no rule but the space rule touches.
            if byte == 0x20 || isPlain(byte) {
                index = out.appendText(all, from: index)
                continue
            }
            switch byte {
            case 0x3C where index > start && all[index - 1] == 0x60:  // `<
                // pandoc's raw HTML, `<b>`{=html}: the tag goes with its marks (the opening backtick was copied); a
                // <sup> and what it holds, up to its `</sup>`{=html}, go together (a footnote reference).
                if starts("<sup>`{=html}", at: index),
                   let close = first(from: index, within: 80, where: { starts("`</sup>`{=html}", at: $0) }) {
                    out.dropLast()
                    index = close + 15
                    continue
                }
                if let close = first(from: index + 1, within: 24, where: { starts("`{=html}", at: $0) }) {
                    out.dropLast()
                    if starts("<br", at: index) { out.append(0x20) }
                    index = close + 8
                    continue
                }
                out.append(byte)
            case 0x3C:  // <
                // <sup>…</sup> is a footnote reference: dropped with its content. Other short tags: the tag only.
                if starts("<sup>", at: index), let close = first(from: index, within: 64, where: { starts("</sup>", at: $0) }) {
                    index = close + 6
                    continue
                }
                if let close = find(0x3E, from: index, within: 16), isTag(all[(index + 1)..<close]) {
                    // A line break inside a cell or paragraph ("Requires<br>improvement"): the words stay apart.
                    if starts("<br", at: index) { out.append(0x20) }
                    index = close + 1
                    continue
                }
                out.append(byte)
            case 0x24 where starts("$^{", at: index), 0x5E where starts("^{", at: index):
                // $^{5\,6\,7}$ and ^{3}: LaTeX-style footnote references.
                if let close = find(0x7D, from: index) {
                    index = close + 1
                    if byte == 0x24 && index < count && all[index] == 0x24 { index += 1 }
                    continue
                }
                out.append(byte)
            case 0x5E where index > start && !isSpace(all[index - 1]) && index + 1 < count && all[index + 1] &- 0x30 < 10:
                // "judgment^1": a superscript as a text browser shows it (w3m), a footnote reference, dropped with its
                // digits where they end the word ("x^2y" is left).
                var end = index + 1
                while end < count && all[end] &- 0x30 < 10 { end += 1 }
                if end - index <= 3 && (end == count || !ASCIIBytes.isLetterOrDigit(all[end])) {
                    index = end
                    continue
                }
                out.append(byte)
            case 0x2A where index + 1 < count && all[index + 1] == 0x2A:
                // Bold; a closing pair (after a word) may have a space before punctuation.
                index = index > start && !isSpace(all[index - 1]) ? afterClosing(index + 2) : index + 2
                continue
            case 0x2A where index == emphasisClose:
                index = afterClosing(index + 1)  // the end of an *emphasis*
                continue
            case 0x2A where isEmphasisOpening(index):
                // *Title of a publication*: markdown emphasis, dropped in pairs. A lone asterisk is a footnote mark.
                // (_Title_ is left to the findings reader: an underscore here would cost every line's scan a test.)
                if let close = first(from: index + 2, within: 300, where: { isEmphasisClosing($0) }) {
                    emphasisClose = close
                    index += 1
                    continue
                }
                out.append(byte)
            case 0x5C where index + 1 < count && isASCIIPunctuation(all[index + 1]):
                // Markdown's escape: \* is a literal asterisk (a footnote mark in the report); pandoc's Markdown
                // escapes quotes and dollar signs too (\', \$).
                out.append(all[index + 1])
                index += 2
                continue
            case 0x5C where all[(index + 1)..<count].allSatisfy({ $0 == 0x20 }):
                index = count  // a backslash ending a line is Markdown's line break (pandoc writes it so)
                continue
            case 0x5B:
                // [text](url) → text
                if let closeText = find(0x5D, from: index), closeText + 1 < count, all[closeText + 1] == 0x28,
                   let closeURL = find(0x29, from: closeText + 1, within: 400) {
                    for inner in all[(index + 1)..<closeText] { out.append(inner) }
                    index = closeURL + 1
                    continue
                }
                out.append(byte)
            case 0x80...0xFF:
                let (scalar, length) = decodeScalar(all, at: index)
                // A superscript number that starts a line is a footnote's own number ("⁷ Crime Inspection 2014 …"), as
                // PDF extraction prints it ("7 Crime …"): kept as digits, so the footnote is known for one.
                if let digit = superscriptDigit(scalar), out.isEmpty || leadingNumber {
                    out.append(digit)
                    leadingNumber = true
                    index += length
                    continue
                }
                if leadingNumber {
                    leadingNumber = false
                    out.append(0x20)
                }
                if scalar == 0xFFFE {
                    // PDFium's text-range reading writes the hyphen that ended a line as this noncharacter (STX in
                    // its bounded reading, above).
                    out.append(lineEndHyphen(at: index, length: length))
                } else if let replacement = fold(scalar) {
                    for folded in replacement.utf8 { out.append(folded) }
                } else if !isFootnoteMarker(scalar) && !isInvisible(scalar) {
                    for offset in 0..<length { out.append(all[index + offset]) }
                }
                index += length
                continue
            case 0x02:
                // PDFium (Chrome's PDF reader, pypdfium2) writes a hyphen that ended a line as STX and joins the
                // lines ("anti\u{2}social"): a hyphen where it stands inside a word, else nothing but a space.
                out.append(lineEndHyphen(at: index, length: 1))
            case 0x1E:
                out.append(0x2D)  // Word's non-breaking hyphen, as its text keeps it
            case 0x1F:
                break  // Word's optional hyphen: shown only where a line breaks, like a soft hyphen
            case 0x00...0x08, 0x0B, 0x0E...0x1D, 0x7F:
                // Any other control character (a vertical tab for Word's manual line break, a stray bell) stands
                // between words; none may reach a table's cell.
                out.append(0x20)
            default:
                out.append(byte)
            }
            index += 1
        }
        return heading || bold
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// A line of one of "=", "-", "~", "^" and nothing else: a heading's underline where it stands under one.
    static func isUnderline(_ clean: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = clean.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "-") || first == UInt8(ascii: "~")
                || first == UInt8(ascii: "^") else { return false }
        return clean.allSatisfy { $0 == first }
    }

    /// ASCII punctuation, which Markdown lets a backslash escape.
    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// ASCII that the loop in `clean` only copies: not a space or tab (collapsed), none of `< $ * ^ [ \`
    /// (markup) and no control character but the line and page ones (line feed, form feed, carriage return). One
    /// bit per byte value below 0x80, in two words.
    @inline(__always)
    static func isPlain(_ byte: UInt8) -> Bool {
        let controls: UInt64 = 0xFFFF_FFFF & ~(1 << 0x0A | 1 << 0x0C | 1 << 0x0D)
        let low: UInt64 = ~(controls | 1 << 0x20 | 1 << 0x24 | 1 << 0x2A | 1 << 0x3C)
        let high: UInt64 = ~(1 << (0x5B - 64) | 1 << (0x5C - 64) | 1 << (0x5E - 64) | 1 << (0x7F - 64))
        return byte < 0x80 && ((byte < 64 ? low : high) >> (byte & 63)) & 1 != 0
    }

    /// The scalar starting at `index` of valid UTF-8 (decoded text always is) and its length in bytes.
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= bytes.count else { return (0xFFFD, 1) }
        var value = lead & (0x7F >> UInt32(length))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (value, length)
    }

    /// <b>, </b>, <i>, <br/>, <span class="x"> …: a letter or / after <, a short name.
    private static func isTag(_ inner: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let scalars = String(decoding: inner, as: UTF8.self).unicodeScalars
        guard let first = scalars.first, first == "/" || first.properties.isAlphabetic else { return false }
        let name = scalars.drop { $0 == "/" }.prefix { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        return !name.isEmpty && name.count <= 10
    }

    /// NBSPs and thin spaces → space; ligatures → letters; curly quotes → straight.
    private static func fold(_ scalar: UInt32) -> String? {
        switch scalar {
        case 0x00A0, 0x2007, 0x2009, 0x200A, 0x202F, 0x3000: return " "
        case 0xFB00: return "ff"
        case 0xFB01: return "fi"
        case 0xFB02: return "fl"
        case 0xFB03: return "ffi"
        case 0xFB04: return "ffl"
        case 0x2018, 0x2019, 0x201B: return "'"
        case 0x201C, 0x201D: return "\""
        case 0x2212: return "-"  // minus sign
        default: return nil
        }
    }

    /// The ASCII digit of a superscript digit (¹ ² ³ ⁰ ⁴ … ⁹).
    private static func superscriptDigit(_ scalar: UInt32) -> UInt8? {
        switch scalar {
        case 0x00B9: return 0x31
        case 0x00B2: return 0x32
        case 0x00B3: return 0x33
        case 0x2070: return 0x30
        case 0x2074...0x2079: return UInt8(0x34 + scalar - 0x2074)
        default: return nil
        }
    }

    /// Superscript digits and signs are footnote references in these reports (¹, ², ³ …).
    private static func isFootnoteMarker(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x00B9, 0x00B2, 0x00B3, 0x2070...0x207F: return true
        default: return false
        }
    }

    /// Soft hyphens, zero-width characters, byte-order marks and private-use glyphs (lost bullets).
    private static func isInvisible(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x00AD, 0x200B...0x200D, 0x2060, 0xFEFF, 0xE000...0xF8FF: return true
        default: return false
        }
    }
}

/// Writes bytes with runs of spaces made one, spaces before and after a tab dropped, and no space or tab at the
/// start or end of the line; tabs stay (table cells). Each byte written stands for at least one byte read, so a
/// buffer as long as the line is enough.
private struct SpaceCollapsingWriter {
    private let base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var pendingSpace = false
    /// Where the first tab was written (`Int.max` for none): the text holds a tab if it stands before the end that
    /// `finish` keeps.
    private(set) var firstTab = Int.max
    /// A hyphen-minus was written (`finish` trims only spaces and tabs, so it stays). Noted as the bytes go by, a
    /// compare a block: the findings reader scanned every line of a report for one (perf).
    private(set) var wroteHyphen = false

    init(base: UnsafeMutablePointer<UInt8>) { self.base = base }

    /// Nothing written yet (spaces pending at the start are never written).
    var isEmpty: Bool { count == 0 }

    /// Takes back the last byte written (markup seen only after it was copied), and a space before it, which is
    /// pending again.
    mutating func dropLast() {
        guard count > 0 else { return }
        count -= 1
        if count > 0 && base[count - 1] == 0x20 {
            count -= 1
            pendingSpace = true
        }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        switch byte {
        case 0x20:
            pendingSpace = true
        case 0x09:
            // A space is only ever written just before other text, so none stands before this tab.
            pendingSpace = false
            if count > 0 {  // tabs at the start go
                if firstTab == .max { firstTab = count }
                write(0x09)
            }
        default:
            if pendingSpace && count > 0 && base[count - 1] != 0x09 { write(0x20) }
            pendingSpace = false
            if byte == 0x2D { wroteHyphen = true }
            write(byte)
        }
    }

    /// Appends `line` from `start` while its bytes are spaces or `Normaliser.isPlain`, exactly as `append` would
    /// one by one; returns where it stopped. State is held in locals and the space rule is applied once per word;
    /// runs of words and single spaces are copied sixteen bytes at a time where that changes nothing.
    @inline(__always)
    mutating func appendText(_ line: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let base = self.base
        let source = line.baseAddress!
        var index = start
        var count = self.count
        var pending = pendingSpace
        var hyphens = SIMDMask<SIMD16<Int8>>()
        var hyphen = false
        let end = line.count
        while index < end {
            let byte = line[index]
            if byte == 0x20 {
                pending = true
                index &+= 1
                continue
            }
            guard Normaliser.isPlain(byte) else { break }
            if pending && count > 0 && base[count - 1] != 0x09 {
                base[count] = 0x20
                count &+= 1
            }
            pending = false
            // The output never runs ahead of the input, so sixteen bytes always fit.
            var copiedBlock = false
            while index &+ 17 <= end, let block = Self.plainBlock(source + index) {
                UnsafeMutableRawPointer(base + count).storeBytes(of: block, as: SIMD16<UInt8>.self)
                hyphens .|= block .== SIMD16<UInt8>(repeating: 0x2D)
                count &+= 16
                index &+= 16
                copiedBlock = true
            }
            // The line's last bytes, fewer than seventeen, at once (byte by byte they stopped at every space, a
            // mispredicted branch a word): after a block the last sixteen bytes written are the sixteen read, so the
            // sixteen that end the line are written ending where the rest goes, their first ones over the same bytes.
            if copiedBlock, case let rest = end &- index, rest > 0, rest <= 16, let tail = Self.plainTail(source + end - 16, rest: rest) {
                UnsafeMutableRawPointer(base + count - (16 - rest)).storeBytes(of: tail, as: SIMD16<UInt8>.self)
                hyphens .|= tail .== SIMD16<UInt8>(repeating: 0x2D)
                count &+= rest
                index = end
            }
            while index < end {
                let byte = line[index]
                guard Normaliser.isPlain(byte) else { break }
                hyphen = hyphen || byte == 0x2D
                base[count] = byte
                count &+= 1
                index &+= 1
            }
        }
        self.count = count
        pendingSpace = pending
        if hyphen || ByteSearch.anyLane(hyphens) { wroteHyphen = true }
        return index
    }

    /// The sixteen bytes at `bytes` if copying them as they stand is what `append` would do: each is plain or a
    /// space, no space is followed by another (the seventeenth byte is looked at too), and the last is no space
    /// unless the seventeenth is plain. Then every space stands between plain bytes (the first, if a space, after
    /// plain text just written). (A sixth of blocks end in a space: refusing them all sent them to the byte loop.)
    @inline(__always)
    private static func plainBlock(_ bytes: UnsafePointer<UInt8>) -> SIMD16<UInt8>? {
        let block = UnsafeRawPointer(bytes).loadUnaligned(as: SIMD16<UInt8>.self)
        let next = UnsafeRawPointer(bytes + 1).loadUnaligned(as: SIMD16<UInt8>.self)
        let spaces = (block .== SIMD16<UInt8>(repeating: 0x20)) .& (next .== SIMD16<UInt8>(repeating: 0x20))
        let stop = neitherPlainNorSpace(block) .| spaces
        return ByteSearch.anyLane(stop) || (block[15] == 0x20 && !Normaliser.isPlain(bytes[16])) ? nil : block
    }

    /// The sixteen bytes at `bytes`, which end the line, if copying the last `rest` of them (1...16) as they stand
    /// is what `append` would do: each is plain or a space, no space stands beside another (the byte before them is
    /// looked at too: `bytes - 1` is still the line's), and the last is no space (it would be trimmed, not written).
    @inline(__always)
    private static func plainTail(_ bytes: UnsafePointer<UInt8>, rest: Int) -> SIMD16<UInt8>? {
        let block = UnsafeRawPointer(bytes).loadUnaligned(as: SIMD16<UInt8>.self)
        let previous = UnsafeRawPointer(bytes - 1).loadUnaligned(as: SIMD16<UInt8>.self)
        let lanes = SIMD16<UInt8>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
        let inRest = lanes .>= SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: 16 - rest))
        let spaces = (block .== SIMD16<UInt8>(repeating: 0x20)) .& (previous .== SIMD16<UInt8>(repeating: 0x20))
        let stop = (neitherPlainNorSpace(block) .| spaces) .& inRest
        return ByteSearch.anyLane(stop) || block[15] == 0x20 ? nil : block
    }

    /// The lanes of `block` that are neither `Normaliser.isPlain` nor a space: non-ASCII and delete, control
    /// characters (the tab among them; the line and page ones, rare inside a line, go the byte way too), `$`, `*`,
    /// `<`, `[`, `\`, `^` (the bytes the cleaner's rules read), for both block tests.
    @inline(__always)
    private static func neitherPlainNorSpace(_ block: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        let high = block .>= SIMD16<UInt8>(repeating: 0x7F)
        let control = block .< SIMD16<UInt8>(repeating: 0x20)
        let dollar = block .== SIMD16<UInt8>(repeating: 0x24)
        let star = block .== SIMD16<UInt8>(repeating: 0x2A)
        let angle = block .== SIMD16<UInt8>(repeating: 0x3C)
        let bracket = block .== SIMD16<UInt8>(repeating: 0x5B)
        let backslash = block .== SIMD16<UInt8>(repeating: 0x5C)
        let caret = block .== SIMD16<UInt8>(repeating: 0x5E)
        return high .| control .| dollar .| star .| angle .| bracket .| backslash .| caret
    }

    @inline(__always)
    private mutating func write(_ byte: UInt8) {
        base[count] = byte
        count += 1
    }

    /// The length written, trailing tabs dropped.
    mutating func finish() -> Int {
        while count > 0 && (base[count - 1] == 0x09 || base[count - 1] == 0x20) { count -= 1 }
        return count
    }
}

extension Character {
    /// 0–9 only (Character.isNumber also takes other scripts' digits and fractions).
    public var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension StringProtocol {
    /// Trims the characters of `set` from both ends (without Foundation).
    public func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
