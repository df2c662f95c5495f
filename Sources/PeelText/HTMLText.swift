/// HTML (a report saved from a web page, or made by poppler's `pdftohtml`) → the text a browser shows, as the lines
/// every other text is read in. Pure: `DecodedText` in, `DecodedText` out.
///
/// Each line of the text keeps the number of the source line its first character came from, so a value read from it
/// names the line of the HTML file. Written by hand: no Swift package on the machine's list parses HTML (SwiftSoup is
/// not among them); libxml2's HTML parser could, through a C shim, for a tree of which only the text, its line numbers
/// and the few rules below matter to what a report says.
///
/// - The document's head, scripts and styles are not text.
/// - White space runs (line breaks among them) are one space, as a browser shows them; `<pre>` keeps its lines.
/// - A block element (`<p>`, `<div>`, `<li>`, `<tr>`, a heading …) and `<br>` end a line (a block that opens with a
///   closing mark, such as ", the NPCC", goes on the line before); a heading, list or table ends with a blank line.
/// - Table cells in a row are separated by tabs, as the samples print a table, a short cell's paragraphs on its row's
///   line; a rule (`<hr>`) is a line "---", and a list item starts with its bullet or number, as text browsers print
///   them.
/// - `<sup>…</sup>` stays marked (a footnote's number, which the line cleaner drops with its marks: without them it
///   would run into the number before it); every other tag goes, its text kept.
/// - Character references become their characters; a form feed marks the start of each page `pdftohtml` numbers
///   (`<!-- Page 5 -->`, `<a name=5>`), as `pdftotext` marks one.
/// - Poppler's words with their boxes (`pdftotext -bbox`, `-bbox-layout`) are laid out by their positions instead
///   (`PopplerWordBoxes`).
public enum HTMLText {
    /// Whether the text is an HTML document: its first markup, past white space, an XML declaration and comments, is
    /// `<!DOCTYPE html` or an `<html` tag. Text that merely holds tags (the samples' `<b>` and `<sup>`) is not.
    public static func isHTML(_ text: DecodedText) -> Bool {
        text.utf8.withUnsafeBufferPointer { bytes in
            var index = 0
            func skipSpace() { index = skippingSpace(bytes, from: index) }
            func skip(past end: String) -> Bool {
                guard let found = find(end, in: bytes, from: index) else { return false }
                index = found + end.utf8.count
                return true
            }
            skipSpace()
            if startsIgnoringCase("<?xml", bytes, at: index) {
                guard skip(past: "?>") else { return false }
                skipSpace()
            }
            while startsIgnoringCase("<!--", bytes, at: index) {
                guard skip(past: "-->") else { return false }
                skipSpace()
            }
            if startsIgnoringCase("<!doctype html", bytes, at: index) { return true }
            guard startsIgnoringCase("<html", bytes, at: index) else { return false }
            let after = index + 5
            return after == bytes.count || isSpace(bytes[after]) || bytes[after] == UInt8(ascii: ">")
        }
    }

    /// The text an HTML document shows, or nil for text that is no HTML document: how every stage reads an entry.
    public static func textIfHTML(_ text: DecodedText) -> DecodedText? {
        isHTML(text) ? self.text(of: text) : nil
    }

    /// The text of an HTML document (see `isHTML`), in the encoding it was read in.
    static func text(of html: DecodedText) -> DecodedText {
        // Poppler's words with their boxes (`pdftotext -bbox`, `-bbox-layout`): laid out as `-layout` prints a page.
        if html.utf8.withUnsafeBufferPointer(PopplerWordBoxes.isWordBoxes) { return PopplerWordBoxes.text(of: html) }
        var converter = Converter()
        html.utf8.withUnsafeBufferPointer { converter.convert($0) }
        return DecodedText(utf8: converter.out, encoding: html.encoding, lines: converter.finish())
    }
}

private struct Converter {
    var out: [UInt8] = []
    var lines: [TextLine] = []
    /// Where the line being written starts in `out`, and the source line of its first character (nil while empty).
    var lineStart = 0
    var lineNumber: Int?
    /// The source line at the byte being read.
    var sourceLine = 1
    /// White space seen since the last character written (written as one space before the next, on the same line).
    var pendingSpace = false
    /// Line ends owed before the next character: 1 ends the line, 2 leaves a blank line after it.
    var pendingBreaks = 0
    /// A page begins at the next character (`pdftohtml`'s page comments).
    var pendingPage = false
    /// Cells opened in the current table row.
    var cellsInRow = 0
    /// Inside a short table cell (`isShortCell`): its line breaks are spaces.
    var inCell = false
    /// Bytes the lists may still read ahead (`linkListEnd`): four times the document, and a megabyte.
    var listLookAhead = 0
    /// Inside `<pre>`: white space kept as it is.
    var preDepth = 0
    /// The lists open around the text: an ordered list's items so far, nil for a list of bullets.
    var lists: [Int?] = []

    mutating func convert(_ bytes: UnsafeBufferPointer<UInt8>) {
        out.reserveCapacity(bytes.count / 2)
        listLookAhead = 4 * bytes.count + (1 << 20)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "<"):
                index = markup(bytes, at: index)
            case UInt8(ascii: "&"):
                index = reference(bytes, at: index)
            default:
                if byte == 0x0A { sourceLine += 1 }
                if preDepth > 0 && byte == 0x0A {
                    lineBreak(1)
                } else if isSpace(byte) && preDepth == 0 {
                    pendingSpace = true
                } else {
                    // A block that opens with a closing mark ("By 1 December 2016" in bold, then ", the NPCC …" placed
                    // after it by pdftohtml -c) goes on the line before: no line starts with one.
                    // So does one after a styled run: "<strong>By 1 December 2016</strong> , the NPCC" has no space there.
                    if preDepth == 0 && pendingBreaks <= 1 && ",.;:)".utf8.contains(byte) && (index + 1 == bytes.count || !isNameByte(bytes[index + 1])) {
                        pendingBreaks = 0
                        pendingSpace = false
                    }
                    write(byte)
                }
                index += 1
            }
        }
    }

    /// The lines, once the last is ended.
    mutating func finish() -> [TextLine] {
        if out.count > lineStart || lineNumber != nil { endLine() }
        return lines
    }

    // MARK: Writing

    mutating func write(_ byte: UInt8) {
        settleBeforeText()
        // No space opens a line or a cell.
        if pendingSpace && out.count > lineStart && out.last != 0x09 { out.append(UInt8(ascii: " ")) }
        pendingSpace = false
        out.append(byte)
    }

    mutating func write(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { write(byte) }
    }

    /// Bytes that are markup, not text; the white space before a cell's tab is not written.
    mutating func writeMark(_ mark: StaticString) {
        settleBeforeText()
        if mark.utf8CodeUnitCount == 1 && mark.utf8Start.pointee == 0x09 {
            pendingSpace = false
        } else if pendingSpace && out.count > lineStart {
            out.append(UInt8(ascii: " "))
            pendingSpace = false
        }
        out.append(contentsOf: UnsafeBufferPointer(start: mark.utf8Start, count: mark.utf8CodeUnitCount))
    }

    /// The line ends and the page start owed, and the source line of a line's first character.
    mutating func settleBeforeText() {
        // A page starts on a line of its own.
        if pendingPage && out.count > lineStart { pendingBreaks = max(pendingBreaks, 1) }
        if pendingBreaks > 0 {
            if out.count > lineStart || lineNumber != nil {
                endLine()
                if pendingBreaks > 1 { endLine() }
            }
            pendingBreaks = 0
            pendingSpace = false
        }
        if lineNumber == nil { lineNumber = sourceLine }
        if pendingPage {
            // Only where text came before: the first page's start is the text's.
            if !lines.isEmpty { out.append(0x0C) }
            pendingPage = false
        }
    }

    mutating func endLine() {
        lines.append(TextLine(number: lineNumber ?? sourceLine, range: lineStart..<out.count))
        out.append(0x0A)
        lineStart = out.count
        lineNumber = nil
    }

    mutating func lineBreak(_ count: Int) {
        if inCell {
            pendingSpace = true
            return
        }
        pendingBreaks = max(pendingBreaks, count)
        pendingSpace = false
    }

    // MARK: Markup

    /// Reads the markup at `index` (a tag, a comment, a declaration) and returns the index after it; a `<` that opens
    /// none is text.
    mutating func markup(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        if startsIgnoringCase("<!--", bytes, at: index) {
            let end = find("-->", in: bytes, from: index + 4) ?? bytes.count
            if isPageComment(bytes, index + 4..<end) { pendingPage = true }
            return passOver(bytes, from: index, to: min(bytes.count, end + 3))
        }
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
            return passOver(bytes, from: index, to: tagEnd(bytes, from: index + 1))
        }
        let (closing, nameRange) = tagName(bytes, at: index)
        guard !nameRange.isEmpty, isASCIILetter(bytes[nameRange.lowerBound]) else {
            write(UInt8(ascii: "<"))
            return index + 1
        }
        let name = lowercased(bytes, nameRange)
        let end = passOver(bytes, from: index, to: tagEnd(bytes, from: nameRange.upperBound))
        if !closing, Self.notText.contains(name) {
            // Everything up to its closing tag (or the end, as a browser reads an unclosed script).
            let close = findClosing(name, in: bytes, from: end) ?? bytes.count
            return passOver(bytes, from: end, to: close == bytes.count ? close : tagEnd(bytes, from: close + 2 + name.count))
        }
        if !closing, name == Self.ul || name == Self.ol, let after = linkListEnd(bytes, from: end) {
            // A list of links into the document (pdftohtml's outline of its headings, a page's contents): its items
            // are headings again, out of place, not the report's text.
            lineBreak(2)
            return passOver(bytes, from: end, to: after)
        }
        if !closing, name == Self.hr, pageAnchor(bytes, from: skippingSpace(bytes, from: end)) {
            // pdftohtml's page break (without -s): the page's anchor follows, and marks it.
            lineBreak(1)
            return end
        }
        if !closing, name == Self.a, pageAnchor(bytes, from: index) { pendingPage = true }
        if name == Self.td || name == Self.th || name == Self.tr || name == Self.table {
            // A cell short enough to be one (not a page laid out in a table) keeps its paragraphs and breaks on its row's
            // line: a row of cells each in a <p> is still a row.
            inCell = !closing && (name == Self.td || name == Self.th) && isShortCell(bytes, from: end)
        }
        element(name, closing: closing)
        return end
    }

    /// Whether the cell whose content starts at `start` ends (at the next cell, row or table tag) within 4 KB, with no
    /// table inside it.
    func isShortCell(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var index = start
        let limit = min(bytes.count, start + 4096)
        while index < limit {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            let nameRange = tagName(bytes, at: index).name
            let name = lowercased(bytes, nameRange)
            if name == Self.table { return false }
            if name == Self.td || name == Self.th || name == Self.tr { return true }
            index = nameRange.upperBound
        }
        return false
    }

    /// Whether the markup at `index` is pdftohtml's page anchor, `<a name=5>` (a number for a name).
    func pageAnchor(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Bool {
        guard startsIgnoringCase("<a name=", bytes, at: index) else { return false }
        var digit = index + 8
        if digit < bytes.count && (bytes[digit] == UInt8(ascii: "\"") || bytes[digit] == UInt8(ascii: "'")) { digit += 1 }
        let first = digit
        while digit < bytes.count, bytes[digit] >= UInt8(ascii: "0") && bytes[digit] <= UInt8(ascii: "9") { digit += 1 }
        guard digit > first, digit < bytes.count else { return false }
        return [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ">"), UInt8(ascii: " ")].contains(bytes[digit])
    }

    /// Where the list whose content starts at `start` ends (after its closing tag), when its items hold nothing but
    /// links to places in a document (`href="…#…"`); nil for any other list. Each list looks ahead over the lists
    /// inside it: `listLookAhead` bounds what all of them read, so that lists nested without end cost no more than a
    /// few readings of the document.
    mutating func linkListEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        var depth = 1
        var inLink = false
        var links = 0
        defer { listLookAhead -= index - start }
        while index < bytes.count && index - start < listLookAhead {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") else {
                if !inLink && !isSpace(byte) { return nil }
                index += 1
                continue
            }
            let (closing, nameRange) = tagName(bytes, at: index)
            let nameEnd = nameRange.upperBound
            let end = tagEnd(bytes, from: nameEnd)
            let name = lowercased(bytes, nameRange)
            switch name {
            case Self.ul, Self.ol:
                depth += closing ? -1 : 1
                if depth == 0 { return links > 0 ? end : nil }
            case Self.a:
                if closing {
                    inLink = false
                } else {
                    guard let href = find("href=", in: UnsafeBufferPointer(rebasing: bytes[nameEnd..<end]), from: 0),
                          bytes[(nameEnd + href)..<end].contains(UInt8(ascii: "#")) else { return nil }
                    inLink = true
                    links += 1
                }
            case Self.li:
                break
            default:
                // Markup inside a link (a <b>) is the link's; anything else makes the list more than links.
                if !inLink { return nil }
            }
            index = end
        }
        return nil
    }

    mutating func element(_ name: [UInt8], closing: Bool) {
        switch name {
        case Self.br:
            lineBreak(1)
        case Self.sup:
            closing ? writeMark("</sup>") : writeMark("<sup>")
        case Self.pre:
            preDepth = max(0, preDepth + (closing ? -1 : 1))
            lineBreak(2)
        case Self.hr:
            // A rule, as text browsers draw one: what sets a page's footnotes apart from the text above them.
            lineBreak(2)
            writeMark("---")
            lineBreak(2)
        case Self.tr:
            cellsInRow = 0
            lineBreak(1)
        case Self.ul, Self.ol:
            if closing {
                _ = lists.popLast()
            } else {
                lists.append(name == Self.ol ? 0 : nil)
            }
            lineBreak(2)
        case Self.li:
            lineBreak(1)
            guard !closing else { return }
            // Its mark, as a text browser prints one: what tells an item from the paragraph around it.
            if let last = lists.indices.last, let number = lists[last] {
                lists[last] = number + 1
                write(Array("\(number + 1).".utf8))
                pendingSpace = true
            } else {
                writeMark("\u{2022} ")
            }
        case Self.td, Self.th:
            guard !closing else { return }
            if cellsInRow > 0 { writeMark("\t") }
            cellsInRow += 1
        default:
            if Self.paragraphs.contains(name) {
                lineBreak(2)
            } else if Self.blocks.contains(name) {
                lineBreak(1)
            }
        }
    }

    /// Counts the line feeds in `from..<to` (markup read past) and returns `to`.
    mutating func passOver(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var index = from
        while index < to {
            if bytes[index] == 0x0A { sourceLine += 1 }
            index += 1
        }
        return to
    }

    static let br = Array("br".utf8), sup = Array("sup".utf8), pre = Array("pre".utf8)
    static let tr = Array("tr".utf8), td = Array("td".utf8), th = Array("th".utf8)
    static let hr = Array("hr".utf8), table = Array("table".utf8)
    static let ul = Array("ul".utf8), ol = Array("ol".utf8), li = Array("li".utf8), a = Array("a".utf8)
    /// Elements whose content is no text on the page.
    static let notText: Set<[UInt8]> = Set(["head", "script", "style", "noscript", "template", "title", "nav"].map { Array($0.utf8) })
    /// Block elements that end a paragraph: a blank line after them.
    static let paragraphs: Set<[UInt8]> = Set(["h1", "h2", "h3", "h4", "h5", "h6", "table", "dl", "blockquote",
                                               "figure", "section", "article", "body"].map { Array($0.utf8) })
    /// Other block elements: a line of their own.
    static let blocks: Set<[UInt8]> = Set(["p", "div", "dt", "dd", "caption", "thead", "tbody", "tfoot", "header", "footer",
                                           "nav", "aside", "main", "address", "figcaption", "form", "fieldset", "center"].map { Array($0.utf8) })

    // MARK: Character references

    /// Writes the character reference at `index` (`&amp;`, `&#160;`, `&#x2013;`) and returns the index after it; an
    /// `&` that opens none is text.
    mutating func reference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        var end = index + 1
        while end < bytes.count, end - index <= 32, isNameByte(bytes[end]) || bytes[end] == UInt8(ascii: "#") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > index + 1 else {
            write(UInt8(ascii: "&"))
            return index + 1
        }
        let body = index + 1..<end
        var scalar: Unicode.Scalar?
        if bytes[body.lowerBound] == UInt8(ascii: "#") {
            let hex = body.count > 1 && (bytes[body.lowerBound + 1] | 0x20) == UInt8(ascii: "x")
            let digits = String(decoding: UnsafeBufferPointer(rebasing: bytes[(body.lowerBound + (hex ? 2 : 1))..<end]), as: UTF8.self)
            // A reference to no character (0, a surrogate, past U+10FFFF) is U+FFFD, as a browser shows it.
            scalar = UInt32(digits, radix: hex ? 16 : 10).map { Unicode.Scalar($0 == 0 ? 0xFFFD : $0) ?? "\u{FFFD}" }
        } else {
            scalar = Self.named[Array(UnsafeBufferPointer(rebasing: bytes[body]))]
        }
        guard let scalar else {
            write(UInt8(ascii: "&"))
            return index + 1
        }
        if scalar == "\u{AD}" { return end + 1 }  // a soft hyphen shows only where a line breaks
        write(Array(String(Character(scalar)).utf8))
        return end + 1
    }

    /// The named references a report's text uses (HTML has some 2,000; an unknown one stays as written).
    static let named: [[UInt8]: Unicode.Scalar] = {
        let table: [(String, UInt32)] = [
            ("amp", 0x26), ("lt", 0x3C), ("gt", 0x3E), ("quot", 0x22), ("apos", 0x27), ("nbsp", 0xA0), ("shy", 0xAD),
            ("ndash", 0x2013), ("mdash", 0x2014), ("lsquo", 0x2018), ("rsquo", 0x2019), ("sbquo", 0x201A),
            ("ldquo", 0x201C), ("rdquo", 0x201D), ("bdquo", 0x201E), ("hellip", 0x2026), ("bull", 0x2022),
            ("middot", 0xB7), ("pound", 0xA3), ("euro", 0x20AC), ("cent", 0xA2), ("copy", 0xA9), ("reg", 0xAE),
            ("trade", 0x2122), ("deg", 0xB0), ("plusmn", 0xB1), ("times", 0xD7), ("divide", 0xF7), ("minus", 0x2212),
            ("frac12", 0xBD), ("frac14", 0xBC), ("frac34", 0xBE), ("permil", 0x2030), ("sect", 0xA7), ("para", 0xB6),
            ("laquo", 0xAB), ("raquo", 0xBB), ("thinsp", 0x2009), ("ensp", 0x2002), ("emsp", 0x2003),
            ("zwnj", 0x200C), ("zwj", 0x200D), ("eacute", 0xE9), ("egrave", 0xE8), ("aacute", 0xE1), ("agrave", 0xE0),
            ("oacute", 0xF3), ("uacute", 0xFA), ("iacute", 0xED), ("ccedil", 0xE7), ("ouml", 0xF6), ("uuml", 0xFC),
            ("auml", 0xE4), ("euml", 0xEB), ("iuml", 0xEF), ("acirc", 0xE2), ("ecirc", 0xEA), ("ocirc", 0xF4),
            ("Eacute", 0xC9), ("wcirc", 0x175), ("ycirc", 0x177),
        ]
        return Dictionary(uniqueKeysWithValues: table.map { (Array($0.0.utf8), Unicode.Scalar($0.1)!) })
    }()
}

// MARK: Bytes

private func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
}

private func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
}

private func isNameByte(_ byte: UInt8) -> Bool {
    ASCIIBytes.isLetterOrDigit(byte)
}

private func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
    bytes[range].map(ASCIIBytes.lower)
}

/// Whether `prefix` (lowercase) stands at `index`, ASCII letters in any case.
private func startsIgnoringCase(_ prefix: String, _ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    index <= bytes.count && ASCIIBytes.hasPrefix(UnsafeBufferPointer(rebasing: bytes[index...]), prefix)
}

/// Where `needle` (lowercase) first stands from `start`, ASCII letters in any case.
private func find(_ needle: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard start <= bytes.count else { return nil }
    let rest = UnsafeBufferPointer(rebasing: bytes[start...])
    return ASCIIBytes.with(needle.utf8) { ASCIIBytes.firstIndex(of: $0, in: rest) }.map { $0 + start }
}

/// The tag whose `<` is at `index`: whether it closes (`</`), and where its name's letters and digits lie (none when
/// no name follows).
private func tagName(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (closing: Bool, name: Range<Int>) {
    let closing = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")
    let start = min(bytes.count, index + (closing ? 2 : 1))
    var end = start
    while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
    return (closing, start..<end)
}

private func skippingSpace(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    return index
}

/// The index of `</name` (any case) from `start`, ending the name.
private func findClosing(_ name: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    var index = start
    while let open = find("</", in: bytes, from: index) {
        let nameStart = open + 2, nameEnd = nameStart + name.count
        if nameEnd <= bytes.count, lowercased(bytes, nameStart..<nameEnd) == name, nameEnd == bytes.count || !isNameByte(bytes[nameEnd]) {
            return open
        }
        index = open + 2
    }
    return nil
}

/// The index after the `>` that ends the tag whose name or body starts at `start` (quoted values may hold `>`).
private func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    var quote: UInt8?
    while index < bytes.count {
        let byte = bytes[index]
        if let open = quote {
            if byte == open { quote = nil }
        } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            quote = byte
        } else if byte == UInt8(ascii: ">") {
            return index + 1
        }
        index += 1
    }
    return bytes.count
}

/// `pdftohtml`'s page comment: "Page" and a number.
private func isPageComment(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    let words = bytes[range].split(whereSeparator: isSpace)
    return words.count == 2 && words[0].elementsEqual("Page".utf8) && words[1].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
}
