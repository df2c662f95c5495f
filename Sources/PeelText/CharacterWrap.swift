/// Text broken into lines at a fixed count of bytes, mid-word and mid-number, as `fold -w N` breaks it ("… in the 12
/// months to 31 March 20" / "15, 87.4 percent …"): read as it was, every value cut by a break would be another one.
/// `fold` counts a byte a column (a tab to the next multiple of eight), never leaves a line wider than its width, and
/// only inserts line breaks, so joining each line of exactly that width to the next gives the text back.
///
/// A text is taken for one only on its lines' lengths: the widest lines, at least 20 of them, are at least three
/// quarters of all the lines that come within 12 bytes of the widest and run on into another line. Text wrapped at
/// words (by a word processor, `fmt`, an extractor) fills its lines to the last byte a sixth of the time or so; a
/// text whose lines are padded to one width ends most of them with a space, which `fold` does about as often as the
/// text has spaces. And `fold` breaks words: a third at least of those widest lines end with a letter or digit that
/// the next line goes on from, which a table's rows padded to one width ("| Kent | Good |", "+------+") never do.
enum CharacterWrap {
    /// The width the lines were broken at, if the text is character-wrapped.
    static func width(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: [TextLine]) -> Int? {
        guard lines.count > 20 else { return nil }
        // One pass for the widest and how many are as wide (one, mostly): the rest only when 20 are.
        var widest = 0, asWide = 0
        for line in lines {
            let count = line.range.count
            if count > widest {
                widest = count
                asWide = 1
            } else if count == widest {
                asWide += 1
            }
        }
        guard widest >= 20, asWide >= 20 else { return nil }
        var full = 0, endingInSpace = 0, nearlyFull = 0, midWord = 0
        for (index, line) in lines.enumerated() where index + 1 < lines.count && line.range.count >= widest - 12 && !lines[index + 1].range.isEmpty {
            nearlyFull += 1
            if line.range.count == widest {
                full += 1
                let last = bytes[line.range.upperBound - 1]
                if last == 0x20 { endingInSpace += 1 }
                if ASCIIBytes.isLetterOrDigit(last) && ASCIIBytes.isLetterOrDigit(bytes[lines[index + 1].range.lowerBound]) { midWord += 1 }
            }
        }
        guard full >= 20, full * 4 >= nearlyFull * 3, endingInSpace * 2 <= full, midWord * 3 >= full else { return nil }
        return widest
    }

    /// The columns `fold` counts for a line: a byte each, a tab to the next multiple of eight.
    private static func columns(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 0
        for byte in line { column = byte == 0x09 ? (column / 8 + 1) * 8 : column + 1 }
        return column
    }

    /// The text with each line `fold` broke joined to the line after it: one of exactly `width` columns, or one the
    /// next line's opening tab would have taken past the width. A joined line keeps its first line's number.
    static func unfold(_ bytes: UnsafeBufferPointer<UInt8>, _ lines: [TextLine], width: Int) -> (utf8: [UInt8], lines: [TextLine]) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var joined: [TextLine] = []
        joined.reserveCapacity(lines.count)
        var start: (number: Int, offset: Int)?
        for (index, line) in lines.enumerated() {
            let text = UnsafeBufferPointer(rebasing: bytes[line.range])
            if start == nil { start = (line.number, out.count) }
            out.append(contentsOf: text)
            var broken = false
            if index + 1 < lines.count, let next = lines[index + 1].range.first {
                let used = line.range.count == width ? width : columns(text)
                broken = (used == width && !endsLine(text, before: UnsafeBufferPointer(rebasing: bytes[lines[index + 1].range])))
                    || (bytes[next] == 0x09 && (used / 8 + 1) * 8 > width)
            }
            if !broken {
                joined.append(TextLine(number: start!.number, range: start!.offset..<out.count))
                out.append(0x0A)
                start = nil
            }
        }
        return (out, joined)
    }

    /// Whether a line of the full width ended where the text's own line did, not where `fold` broke it: before a list
    /// item ("- ", "• "), a heading ("#"), a table's bar or border ("|", "+") or an opening tag ("<b>"), or before a capital that follows a
    /// sentence's end, a number or a closing mark ("… and support." / "- The force …"; "… 38.1  63.0" / "Victim-based
    /// crime …"), or a letter in a line with a tab, a table's ("… Rate" / "Charged/Summonsed …"). `fold` breaks
    /// mid-text there only where the text set the two together, which prose seldom does; joining would run a row or an
    /// item into the one before it, the worse mistake. A line that ends with a tab was broken (no text line ends so).
    /// The text's own lines of the full width (or a multiple of it) that end otherwise are joined to the next: they
    /// cannot be told from a break.
    private static func endsLine(_ line: UnsafeBufferPointer<UInt8>, before next: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = line.last, let first = next.first, last != 0x09 else { return false }
        let second = next.count > 1 ? next[1] : 0
        if (first == UInt8(ascii: "-") && second == 0x20) || next.starts(with: [0xE2, 0x80, 0xA2]) { return true }  // "- ", "•"
        if first == UInt8(ascii: "#") || first == UInt8(ascii: "|") || first == UInt8(ascii: "+")
            || (first == UInt8(ascii: "<") && second | 0x20 &- 0x61 < 26) { return true }
        guard first &- 0x41 < 26 else { return false }
        // Mid-word or mid-phrase: a capital (an acronym), a space, a mark a word may open with or run on from, a
        // character past ASCII (a curly quote); a lower-case letter ("MoRiLE") unless the line is a table's.
        if last &- 0x41 < 26 || last >= 0x80 || " -/'(\"*[_`".utf8.contains(last) { return false }
        if last &- 0x61 < 26 { return line.contains(0x09) }
        return true
    }

    /// `text` unfolded if it is character-wrapped, else itself.
    static func unfolded(_ text: DecodedText) -> DecodedText {
        text.utf8.withUnsafeBufferPointer { bytes in
            guard let width = width(bytes, text.lines) else { return text }
            let (utf8, lines) = unfold(bytes, text.lines, width: width)
            return DecodedText(utf8: utf8, encoding: text.encoding, lines: lines)
        }
    }
}
