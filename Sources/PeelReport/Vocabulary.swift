import PeelLayout
import PeelText

/// The closed vocabularies that anchor structure recovery: grades and force names read from a stream of words,
/// wherever the extraction broke its lines or cells.
enum Phrases {
    /// The grade that starts at word `index`, and how many words it takes: one, or up to four when extraction split
    /// it ("Requires" / "improvement", "Requires i mprov ement"). Nil when the words there are no grade.
    static func grade(_ words: [Word], at index: Int) -> (grade: Grade, length: Int)? {
        // Letters only, lowercase ASCII, gathered word by word on the bytes: most words start no grade and are turned
        // away on their first letter.
        guard index < words.count, let first = words[index].text.utf8.first, gradeInitials.contains(ASCIIBytes.lower(first)) else { return nil }
        var letters: [UInt8] = []
        for length in 1...4 where index + length <= words.count {
            // A number (a table's year beside "Requires improve-") is no part of a grade.
            if length > 1, words[index + length - 1].text.utf8.allSatisfy({ $0 &- 0x30 < 10 }) { return nil }
            for byte in words[index + length - 1].text.utf8 {
                let lower = ASCIIBytes.lower(byte)
                if lower >= 0x61 && lower <= 0x7A { letters.append(lower) } else if byte >= 0x80 { return nil }
            }
            var prefixOfOne = false
            for (grade, spelling) in gradeSpellings {
                if spelling == letters { return (grade, length) }
                if spelling.starts(with: letters) { prefixOfOne = true }
            }
            guard prefixOfOne, !letters.isEmpty else { return nil }
        }
        return nil
    }

    private static let gradeSpellings: [(Grade, [UInt8])] = [
        (.outstanding, Array("outstanding".utf8)), (.good, Array("good".utf8)), (.adequate, Array("adequate".utf8)),
        (.requiresImprovement, Array("requiresimprovement".utf8)), (.inadequate, Array("inadequate".utf8)),
        (.ungraded, Array("ungraded".utf8)), (.ungraded, Array("notgraded".utf8)),
    ]
    private static let gradeInitials: Set<UInt8> = Set(gradeSpellings.map { $0.1[0] })

    /// The force whose name starts at word `index` (the longest name of up to six words the registry knows), and
    /// how many words it takes.
    static func force(_ words: [Word], at index: Int, registry: ForceRegistry) -> (id: String, length: Int)? {
        guard index < words.count, registry.mayStartName(words[index].text) else { return nil }
        var found: (String, Int)?
        var name = ""
        for length in 1...6 where index + length <= words.count {
            name += (name.isEmpty ? "" : " ") + words[index + length - 1].text
            if let id = registry.id(for: name) { found = (id, length) }
        }
        return found
    }

    /// A year as a table prints it ("2016"), from 2010 to 2099.
    static func year(_ word: Word) -> Int? {
        guard word.text.utf8.count == 4, let year = Int(word.text), (2010...2099).contains(year) else { return nil }
        return year
    }

    /// A question heading of the 2015 reports ("How effective is the force at …?", "Overview – How effective …") that
    /// starts at line `index`: its wording, wrapped lines joined up to its question mark (glued footnote numbers
    /// dropped), and the line it ends on. Nil when the line starts no such heading; a wording with no question mark
    /// within five lines comes back as far as it was read, without one.
    /// `text` is the line's (its readers have made it).
    static func questionHeading(_ lines: NormalisedLines, at index: Int, text: String) -> (wording: String, last: Int)? {
        // Asked of every line by two extractors: a line that opens like no heading is passed over before any
        // Substring is made.
        guard questionHeadingOpenings.mayOpenOnFourBytes(lines[index]) else { return nil }
        let first = withoutFootnote(text)
        guard questionHeadingStarts.contains(where: { first.hasPrefix(ignoringASCIICase: $0) }) else { return nil }
        var last = index
        var wording = String(first)
        /// The wording with the hyphens that ended its lines taken out ("… at pro-" / "tecting …"), where they broke a word.
        var unbroken: String?
        while !wording.hasSuffix("?"), last + 1 < lines.count, last - index < 4 {
            var next = last + 1
            // One blank line inside the wrapped question (pdfplumber's layout mode prints one where lines stand further
            // apart) when the line after it goes on in lower case.
            if lines[next].isBlank {
                guard next + 1 < lines.count, !lines[next + 1].isBlank, lines[next + 1].text.first?.isLowercase == true else { break }
                next += 1
            }
            last = next
            let line = withoutFootnote(lines[last].text)
            if let joined = joinedAtHyphen(unbroken ?? wording, line) {
                unbroken = joined
            } else if unbroken != nil {
                unbroken! += " " + line
            }
            wording += " " + line
        }
        // A hyphenated heading's wording, where it names a question and the wording as printed does not.
        if let unbroken, Question(wording: wording) == nil, Question(wording: unbroken) != nil { return (unbroken, last) }
        return (wording, last)
    }

    /// A table cell's words, wrapped in its column, as one text: a word that hyphenation broke at the cell's edge
    /// ("Protect-" / "ing vulner-" / "able people") joined again without its hyphen, the others a space apart.
    static func cellWording(_ words: [Substring]) -> String {
        var wording = ""
        for word in words {
            if let joined = joinedAtHyphen(wording, word) {
                wording = joined
            } else {
                wording += (wording.isEmpty ? "" : " ") + word
            }
        }
        return wording
    }

    /// `text` lowercased (ASCII) without the hyphens that stand between two letters ("Pre-venting" → "preventing"): a word
    /// hyphenation broke at a line's end, which the layout joined again with its hyphen.
    static func withoutInnerHyphens(_ text: Substring) -> String {
        let bytes = Array(text.utf8)
        var kept: [UInt8] = []
        kept.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "-"), index > 0, index + 1 < bytes.count, ASCIIBytes.isLetter(bytes[index - 1]), ASCIIBytes.isLetter(bytes[index + 1]) { continue }
            kept.append(ASCIIBytes.lower(byte))
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// `first` and `second`, wrapped lines, joined with the hyphen that ended `first` taken out ("supporting vic-" /
    /// "tims"), where a letter stands before it and `second` goes on in lower case; nil where `first` ends otherwise.
    static func joinedAtHyphen(_ first: String, _ second: some StringProtocol) -> String? {
        endsInBrokenWord(first, before: second) ? String(first.dropLast()) + second : nil
    }

    /// Whether `first` ends in a hyphen after a letter and `second` goes on in lower case: a word broken at the line's end.
    static func endsInBrokenWord(_ first: some StringProtocol, before second: some StringProtocol) -> Bool {
        first.hasSuffix("-") && first.dropLast().last?.isLetter == true && second.first?.isLowercase == true
    }

    /// The question a table cell's wrapped words name (`cellWording`), or, where they name none, its words without the
    /// hyphens a layout kept where it joined a broken word again ("Pre-venting", "vulner-able").
    static func cellQuestion(_ words: [Substring]) -> Question? {
        let wording = cellWording(words)
        return Question(wording: wording) ?? Question(wording: withoutInnerHyphens(Substring(wording)))
    }

    /// How the 2015 question headings start (lowercase).
    static let questionHeadingStarts = ["how effective is the force", "overview – how effective", "overview - how effective"]
    private static let questionHeadingOpenings = LineOpenings(questionHeadingStarts)

    /// A heading's text without the footnote number that PDF extraction glues to its end ("Overall judgment1").
    static func withoutFootnote(_ text: String) -> Substring {
        // Asked of every line: the digits at the end are counted on bytes (a Character walk breaks graphemes).
        let utf8 = text.utf8
        var digits = 0
        for byte in utf8.reversed() {
            guard byte >= 0x30 && byte <= 0x39 else { break }
            digits += 1
        }
        guard digits > 0, digits < utf8.count else { return Substring(text) }
        let end = utf8.index(utf8.endIndex, offsetBy: -digits)
        // Only after a letter or "?": "2015" alone stays a year.
        let before = utf8[utf8.index(before: end)]
        let isLetter = (before | 0x20) >= 0x61 && (before | 0x20) <= 0x7A
        guard isLetter || before == UInt8(ascii: "?") || before >= 0x80 && text[..<end].last?.isLetter == true else { return Substring(text) }
        return text[..<end]
    }
}

extension NormalisedLine {
    /// One to three ASCII digits and nothing else: a footnote's number or a page's, printed apart from its text.
    var isBareNumber: Bool {
        (1...3).contains(byteCount) && withText { $0.allSatisfy { $0 &- 0x30 < 10 } }
    }
}
