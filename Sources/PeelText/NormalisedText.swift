/// A line of report text with extraction artefacts removed, and the original line it came from.
public struct NormalisedLine: Sendable, Equatable {
    /// 1-based line number in the original entry.
    public let number: Int
    /// Text without markup, footnote markers, NBSPs or ligatures; single spaces; tabs kept as cell separators.
    public let text: String
    /// A markdown heading (`#`), or a line that was bold throughout (`**…**`, `<b>…</b>`).
    public let isHeading: Bool

    public init(number: Int, text: String, isHeading: Bool = false) {
        self.number = number
        self.text = text
        self.isHeading = isHeading
    }

    public var isBlank: Bool { text.isEmpty }
}

/// Text as the parser reads it: both extraction flavours (plain lines; markdown-ish with `**`, `<b>`,
/// `<sup>`, `#`) reduced to the same plain lines, PDF page numbers and form feeds dropped.
/// Every kept line remembers its original number, so values parsed from it can name their source.
public struct NormalisedText: Sendable {
    public let lines: [NormalisedLine]

    public init(lines: [NormalisedLine]) {
        self.lines = lines
    }

    public init(_ text: DecodedText) {
        var out: [NormalisedLine] = []
        out.reserveCapacity(text.lines.count)
        var formFeedPending = false
        for line in text.lines {
            // Most lines are plain ASCII prose: they take a byte-level path (the scalar-level one was a third of
            // the parse time). Lines with markup, form feeds or non-ASCII take the full path.
            let hadFormFeed: Bool
            let clean: String
            let heading: Bool
            if let plain = Normaliser.cleanPlainASCII(text.utf8[line.range]) {
                (clean, heading, hadFormFeed) = (plain, false, false)
            } else {
                var raw = text.string(line)
                hadFormFeed = raw.contains("\u{0C}")
                if hadFormFeed { raw.removeAll { $0 == "\u{0C}" } }
                (clean, heading) = Normaliser.clean(raw)
            }
            // A page number is a short number alone on a line beside a form feed (pdftotext's page break).
            if Normaliser.isPageNumber(clean) && (hadFormFeed || formFeedPending) {
                formFeedPending = false
                continue
            }
            if hadFormFeed {
                // The number may stand just before the break: drop it if it is the last kept line.
                if let last = out.last(where: { !$0.isBlank }), Normaliser.isPageNumber(last.text),
                   let index = out.lastIndex(of: last), out[(index + 1)...].allSatisfy(\.isBlank) {
                    out.remove(at: index)
                }
                formFeedPending = clean.isEmpty
            } else if !clean.isEmpty {
                formFeedPending = false
            }
            out.append(NormalisedLine(number: line.number, text: clean, isHeading: heading))
        }
        lines = out
    }
}

enum Normaliser {
    /// The cleaned line when it is ASCII without anything to unmark (`< * $ ^ \\ [`, a leading `#`, controls
    /// other than tab); nil otherwise. Spaces are collapsed as `collapseSpaces` does.
    static func cleanPlainASCII(_ bytes: ArraySlice<UInt8>) -> String? {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var sawContent = false
        for byte in bytes {
            switch byte {
            case 0x80...0xFF, 0x3C, 0x2A, 0x24, 0x5E, 0x5C, 0x5B: return nil  // non-ASCII < * $ ^ \ [
            case 0x23 where !sawContent: return nil  // a leading # may be a heading
            case 0x20:
                pendingSpace = true
            case 0x09:
                pendingSpace = false
                if out.last == 0x20 { out.removeLast() }
                out.append(0x09)
            case 0x00...0x1F, 0x7F:
                return nil
            default:
                if pendingSpace && !out.isEmpty && out.last != 0x09 { out.append(0x20) }
                pendingSpace = false
                sawContent = true
                out.append(byte)
            }
        }
        while let last = out.last, last == 0x09 || last == 0x20 { out.removeLast() }
        let leadingTabs = out.prefix { $0 == 0x09 }.count
        return String(decoding: out.dropFirst(leadingTabs), as: UTF8.self)
    }

    static func isPageNumber(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 3 && text.allSatisfy(\.isASCIIDigit)
    }

    /// One line: markup and footnote markers out, look-alike characters folded, spaces collapsed.
    static func clean(_ line: String) -> (String, Bool) {
        var all = Array(line.unicodeScalars)
        var heading = false
        // Markdown heading marks.
        var start = 0
        while start < all.count && all[start] == " " { start += 1 }
        if start < all.count && all[start] == "#" {
            var end = start
            while end < all.count && all[end] == "#" { end += 1 }
            if end == all.count || all[end] == " " {
                heading = true
                all.removeFirst(end)
            }
        }
        let trimmed = String(String.UnicodeScalarView(all)).trimmingCharacters(in: " \t")
        let bold = (trimmed.hasPrefix("**") && trimmed.hasSuffix("**") && trimmed.count > 4)
            || (trimmed.hasPrefix("<b>") && trimmed.hasSuffix("</b>"))

        var out = String.UnicodeScalarView()
        var index = 0
        /// Whether `prefix` (lowercase ASCII) starts at `position`, ignoring case.
        func starts(_ prefix: String, at position: Int) -> Bool {
            let scalars = Array(prefix.unicodeScalars)
            guard position + scalars.count <= all.count else { return false }
            for offset in 0..<scalars.count {
                var value = all[position + offset].value
                if (65...90).contains(value) { value += 32 }
                if value != scalars[offset].value { return false }
            }
            return true
        }
        func find(_ scalar: Unicode.Scalar, from position: Int, within limit: Int = 200) -> Int? {
            (position..<min(all.count, position + limit)).first { all[$0] == scalar }
        }
        while index < all.count {
            let scalar = all[index]
            switch scalar {
            case "<":
                // <sup>…</sup> is a footnote reference: dropped with its content. Other short tags: the tag only.
                if starts("<sup>", at: index), let close = (index..<min(all.count, index + 64)).first(where: { starts("</sup>", at: $0) }) {
                    index = close + 6
                    continue
                }
                if let close = find(">", from: index, within: 16), isTag(all[(index + 1)..<close]) {
                    index = close + 1
                    continue
                }
                out.append(scalar)
            case "$" where starts("$^{", at: index):
                // $^{5\,6\,7}$: LaTeX-style footnote references.
                if let close = find("}", from: index) {
                    index = close + 1
                    if index < all.count && all[index] == "$" { index += 1 }
                    continue
                }
                out.append(scalar)
            case "^" where starts("^{", at: index):
                if let close = find("}", from: index) {
                    index = close + 1
                    continue
                }
                out.append(scalar)
            case "*" where index + 1 < all.count && all[index + 1] == "*":
                index += 2  // bold
                continue
            case "\\" where index + 1 < all.count && "*_#[]()".unicodeScalars.contains(all[index + 1]):
                out.append(all[index + 1])  // \* is a literal asterisk (a footnote mark in the report)
                index += 2
                continue
            case "[":
                // [text](url) → text
                if let closeText = find("]", from: index), closeText + 1 < all.count, all[closeText + 1] == "(",
                   let closeURL = find(")", from: closeText + 1, within: 400) {
                    out.append(contentsOf: all[(index + 1)..<closeText])
                    index = closeURL + 1
                    continue
                }
                out.append(scalar)
            default:
                if let replacement = fold(scalar) {
                    out.append(contentsOf: replacement.unicodeScalars)
                } else if !isFootnoteMarker(scalar) && !isInvisible(scalar) {
                    out.append(scalar)
                }
            }
            index += 1
        }
        return (collapseSpaces(String(out)), heading || bold)
    }

    /// <b>, </b>, <i>, <br/>, <span class="x"> …: a letter or / after <, a short name.
    private static func isTag(_ inner: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = inner.first, first == "/" || first.properties.isAlphabetic else { return false }
        let name = inner.drop { $0 == "/" }.prefix { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        return !name.isEmpty && name.count <= 10
    }

    /// NBSPs and thin spaces → space; ligatures → letters; curly quotes → straight.
    private static func fold(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
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

    /// Superscript digits and signs are footnote references in these reports (¹, ², ³ …).
    private static func isFootnoteMarker(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00B9, 0x00B2, 0x00B3, 0x2070...0x207F: return true
        default: return false
        }
    }

    /// Soft hyphens, zero-width characters, byte-order marks and private-use glyphs (lost bullets).
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x200B...0x200D, 0x2060, 0xFEFF, 0xE000...0xF8FF: return true
        default: return false
        }
    }

    /// Runs of spaces become one; spaces around tabs and at the ends go; tabs stay (table cells).
    static func collapseSpaces(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character == " " {
                pendingSpace = true
                continue
            }
            if character == "\t" {
                pendingSpace = false
                if out.last == " " { out.removeLast() }
                out.append("\t")
                continue
            }
            if pendingSpace && !out.isEmpty && out.last != "\t" { out.append(" ") }
            pendingSpace = false
            out.append(character)
        }
        while out.last == "\t" || out.last == " " { out.removeLast() }
        while out.first == "\t" { out.removeFirst() }
        return out
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
