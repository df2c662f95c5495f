import PeelText

/// A hyphen that ended a wrapped line inside a word ("part-" / "ner"): a compound's own hyphen ("multi-" / "agency") or
/// one that hyphenation set to break the word, which the word does not have. Findings' lines are joined with `mark`
/// there, and the report's own spellings decide once all its lines are known: the hyphen is kept where the report
/// prints the word with it inside a line, dropped where it prints the word whole ("partner", "partnership"), and kept
/// where it prints neither (as the page showed it). A justified, hyphenated A4 page had nine findings read with
/// "part-ner", "ana-lysis", "ab-use".
enum LineEndHyphens {
    /// The mark: a control byte, which no line's text holds (the normaliser makes every one a space).
    static let mark: Character = "\u{1F}"
    static let markByte: UInt8 = 0x1F

    /// More distinct words than this in one report (hostile text) keep their hyphens unread: each is looked for in every
    /// line.
    static let maximumWords = 64

    /// `texts` with each mark made a hyphen or dropped, as `lines` spell the word it stands in.
    static func resolving(_ texts: [String], in lines: NormalisedLines) -> [String] {
        guard texts.contains(where: { $0.containsByte(markByte) }) else { return texts }
        var verdicts: [Word: Bool] = [:]  // the word → whether it keeps its hyphen
        return texts.map { text in
            guard text.containsByte(markByte) else { return text }
            var bytes = Array(text.utf8)
            var index = 0
            while index < bytes.count {
                guard bytes[index] == markByte else {
                    index += 1
                    continue
                }
                var start = index, end = index + 1
                while start > 0 && isLetter(bytes[start - 1]) { start -= 1 }
                while end < bytes.count && isLetter(bytes[end]) { end += 1 }
                var keeps = true
                if start < index && end > index + 1 {
                    let word = Word(first: bytes[start..<index].map(ASCIIBytes.lower), second: bytes[(index + 1)..<end].map(ASCIIBytes.lower))
                    if let verdict = verdicts[word] {
                        keeps = verdict
                    } else if verdicts.count < maximumWords {
                        keeps = !(spelledWhole(word, in: lines) && !spelledHyphenated(word, in: lines))
                        verdicts[word] = keeps
                    }
                }
                if keeps {
                    bytes[index] = UInt8(ascii: "-")
                    index += 1
                } else {
                    bytes.remove(at: index)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `text` as the page shows it, each mark a hyphen (for a message quoting a text not yet resolved).
    static func shown(_ text: String) -> String {
        text.containsByte(markByte) ? String(decoding: text.utf8.map { $0 == markByte ? UInt8(ascii: "-") : $0 }, as: UTF8.self) : text
    }

    /// A word's two parts either side of the line's end, lowercase ASCII letters.
    struct Word: Hashable {
        let first: [UInt8]
        let second: [UInt8]
    }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    /// Whether a line opens a word with the parts joined ("partner", "partners"), or their stem joined ("attend" for
    /// "at-" / "tending").
    static func spelledWhole(_ word: Word, in lines: NormalisedLines) -> Bool {
        opensWord(word.first + stem(word.second), in: lines)
    }

    /// Whether a line opens a word with the parts and the hyphen between ("multi-agency"), or their stem so.
    static func spelledHyphenated(_ word: Word, in lines: NormalisedLines) -> Bool {
        opensWord(word.first + [UInt8(ascii: "-")] + stem(word.second), in: lines)
    }

    /// A word's second part without an ending that another form of the word may lack ("tending" → "tend"), where
    /// three letters or more are left; a word is looked for by its opening, so the stem finds every form.
    static func stem(_ part: [UInt8]) -> [UInt8] {
        for ending in endings where part.count >= ending.count + 3 && part.suffix(ending.count).elementsEqual(ending) {
            return Array(part.dropLast(ending.count))
        }
        return part
    }

    /// Inflections, longest first (each before the endings it ends with).
    static let endings: [[UInt8]] = ["ments", "ment", "ions", "ion", "ings", "ing", "ers", "er", "ed", "es", "ly", "s"].map { Array($0.utf8) }

    /// Whether some line holds `needle` (lowercase) after a byte that is no letter, or at its start.
    static func opensWord(_ needle: [UInt8], in lines: NormalisedLines) -> Bool {
        needle.withUnsafeBufferPointer { needle in
            lines.contains { line in
                guard line.byteCount >= needle.count else { return false }
                return line.withText { bytes in
                    var from = 0
                    while from + needle.count <= bytes.count,
                          let found = ASCIIBytes.firstIndex(of: needle, in: UnsafeBufferPointer(rebasing: bytes[from...])) {
                        let at = from + found
                        if at == 0 || !isLetter(bytes[at - 1]) { return true }
                        from = at + 1
                    }
                    return false
                }
            }
        }
    }
}
