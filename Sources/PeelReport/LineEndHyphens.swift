import PeelText

/// A hyphen that ended a wrapped line inside a word ("part-" / "ner"): a compound's own hyphen ("multi-" / "agency") or
/// one that hyphenation set to break the word, which the word does not have. Findings' lines are joined with `mark`
/// there, and the report's own spellings decide once all its lines are known: the hyphen is kept where the report
/// prints the word with it inside a line, dropped where it prints the word whole ("partner", "partnership") or where
/// the second part is an ending no compound is made with ("disrupt-" / "ive"), and kept where it prints neither (as the
/// page showed it). A justified, hyphenated A4 page had nine findings read with "part-ner", "ana-lysis", "ab-use". A
/// hyphen a space apart from the word before it ("detri -" / "mental": `pdftotext -layout` spaces a justified line's
/// last word out so) is joined with `spacedMark`: the word as the report spells it where it prints it (whole, or with
/// its hyphen), else the dash it looks like (" - ").
enum LineEndHyphens {
    /// The marks: control bytes, which no line's text holds (the normaliser drops 0x1F, makes 0x1E a hyphen and every
    /// other control byte a space).
    static let mark: Character = "\u{1F}"
    static let markByte: UInt8 = 0x1F
    static let spacedMark: Character = "\u{1E}"
    static let spacedMarkByte: UInt8 = 0x1E

    /// More distinct words than this in one report (hostile text) keep their hyphens unread: each is looked for in every
    /// line.
    static let maximumWords = 64
    /// A part longer than this (no word's: hostile text) keeps its hyphen unread, as the search is as long as the part.
    static let longestPart = 30

    /// How the report spells a word broken at a line's end.
    enum Spelling {
        case whole
        case hyphenated
        case neither
    }

    /// `texts` with each mark made a hyphen (or a spaced dash) or dropped, as `lines` spell the word it stands in.
    static func resolving(_ texts: [String], in lines: NormalisedLines) -> [String] {
        guard texts.contains(where: isMarked) else { return texts }
        var spellings: [Word: Spelling] = [:]
        return texts.map { text in
            guard isMarked(text) else { return text }
            var bytes = Array(text.utf8)
            var index = 0
            while index < bytes.count {
                let spaced = bytes[index] == spacedMarkByte
                guard spaced || bytes[index] == markByte else {
                    index += 1
                    continue
                }
                var start = index, end = index + 1
                while start > 0 && ASCIIBytes.isLetter(bytes[start - 1]) { start -= 1 }
                while end < bytes.count && ASCIIBytes.isLetter(bytes[end]) { end += 1 }
                let spelling = start < index && end > index + 1
                    ? Self.spelling(first: bytes[start..<index], second: bytes[(index + 1)..<end], in: lines, known: &spellings) : .neither
                switch spelling {
                case .whole:
                    bytes.remove(at: index)
                case .neither where spaced:
                    bytes.replaceSubrange(index...index, with: [0x20, UInt8(ascii: "-"), 0x20])
                    index += 3
                case .hyphenated, .neither:
                    bytes[index] = UInt8(ascii: "-")
                    index += 1
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// How the report spells the word whose parts (ASCII letters) a line's end parted: `known` holds the words looked
    /// up before, each once.
    static func spelling(first: some Collection<UInt8>, second: some Collection<UInt8>, in lines: NormalisedLines,
                         known: inout [Word: Spelling]) -> Spelling {
        guard first.count <= longestPart, second.count <= longestPart else { return .neither }
        let word = Word(first: first.map(ASCIIBytes.lower), second: second.map(ASCIIBytes.lower))
        // No compound's second word: hyphenation's ("disrupt-" / "ive", "reli-" / "ably", "na-" / "tionality").
        if suffixes.contains(word.second) || suffixOpenings.contains(where: word.second.starts) {
            return .whole
        }
        if let spelling = known[word] { return spelling }
        guard known.count < maximumWords else { return .neither }
        // The hyphenated spelling first: a report that prints both keeps its hyphen.
        let spelling: Spelling = spelledHyphenated(word, in: lines) ? .hyphenated : spelledWhole(word, in: lines) ? .whole : .neither
        known[word] = spelling
        return spelling
    }

    static func isMarked(_ text: String) -> Bool { text.containsByte(markByte) || text.containsByte(spacedMarkByte) }

    /// `text` as the page shows it, each mark a hyphen or a spaced dash (for a message quoting a text not yet resolved).
    static func shown(_ text: String) -> String {
        guard isMarked(text) else { return text }
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case markByte: bytes.append(UInt8(ascii: "-"))
            case spacedMarkByte: bytes += [0x20, UInt8(ascii: "-"), 0x20]
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A word's two parts either side of the line's end, lowercase ASCII letters.
    struct Word: Hashable {
        let first: [UInt8]
        let second: [UInt8]

        /// The word joined, without an ending another form of it may lack ("introducing" → "introduc"), where what is
        /// left holds a letter of the second part at least and four in all: a word is looked for by its opening, so
        /// the stem finds every form ("introduce", "introduced").
        var stem: [UInt8] {
            let joined = first + second
            for ending in LineEndHyphens.endings where joined.count - ending.count >= max(first.count + 1, 4)
                && joined.suffix(ending.count).elementsEqual(ending) {
                return Array(joined.dropLast(ending.count))
            }
            return joined
        }
    }

    /// Whether a line opens a word with the parts joined, or their stem ("partner" for "part-" / "ners", "attend" for
    /// "at-" / "tending").
    static func spelledWhole(_ word: Word, in lines: NormalisedLines) -> Bool {
        opensWord(word.stem, in: lines)
    }

    /// Whether a line opens a word with the parts and the hyphen between ("multi-agency"), or their stem so.
    static func spelledHyphenated(_ word: Word, in lines: NormalisedLines) -> Bool {
        let stem = word.stem
        return opensWord(Array(stem.prefix(word.first.count)) + [UInt8(ascii: "-")] + stem.dropFirst(word.first.count), in: lines, hyphenated: true)
    }

    /// Endings that are no word of their own: hyphenation breaks a word before them, no compound is made with them.
    static let suffixes: Set<[UInt8]> = Set([
        "ing", "ings", "ed", "ly", "ive", "ives", "ively", "ably", "ibly", "able", "ible", "ment", "ments", "ness", "ity",
        "ities", "ion", "ions", "ation", "ations", "tion", "tions", "sion", "sions", "ance", "ances", "ence", "ences", "ous",
        "ously", "ful", "fully", "ally", "ative", "atives",
    ].map { Array($0.utf8) })

    /// Openings no English word has, with which hyphenation's second parts open ("na-" / "tionality", "deci-" /
    /// "sions").
    static let suffixOpenings: [[UInt8]] = ["tion", "sion"].map { Array($0.utf8) }

    /// Inflections, longest first (each before the endings it ends with).
    static let endings: [[UInt8]] = ["ments", "ment", "ions", "ion", "ings", "ing", "ers", "er", "ed", "es", "ly", "s"].map { Array($0.utf8) }

    /// Whether some line holds `needle` (lowercase) after a byte that is no letter, or at its start; `hyphenated`, a
    /// needle with a hyphen, looked for only in the lines the cleaner saw write one.
    static func opensWord(_ needle: [UInt8], in lines: NormalisedLines, hyphenated: Bool = false) -> Bool {
        needle.withUnsafeBufferPointer { needle in
            lines.contains { line in
                guard line.byteCount >= needle.count, !hyphenated || line.holdsHyphen else { return false }
                return line.withText { bytes in
                    var from = 0
                    while from + needle.count <= bytes.count,
                          let found = ASCIIBytes.firstIndex(of: needle, in: UnsafeBufferPointer(rebasing: bytes[from...])) {
                        let at = from + found
                        if at == 0 || !ASCIIBytes.isLetter(bytes[at - 1]) { return true }
                        from = at + 1
                    }
                    return false
                }
            }
        }
    }
}
