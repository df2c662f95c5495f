#if canImport(Glibc)
import Glibc
#endif
import PeelText

/// The words a report prints with a hyphen ("anti-social", "risk-assessment"), keyed by their letters without it.
/// A reading-order extraction (plain pdftotext) joins a word hyphenated at a line's end without its hyphen
/// ("antisocial"); the report's own spelling elsewhere says where the hyphen was. Only a word that the report also
/// prints with the hyphen is given it back, so a word the report never hyphenates is left as it stands.
///
/// Built for every report with findings from every hyphen in it, so it is kept on bytes: the compounds' letters and
/// spellings in `ByteTable`s, no `String` per word. With dictionaries of strings (a `String` or two per hyphenated
/// word met, SipHash on each lookup) it was 5 % of a whole run's CPU (`perf`).
struct HyphenatedCompounds {
    /// Letters (lowercase, no hyphens) → the latest lowercase spelling with hyphens, at the same index in `spellings`.
    private var byLetters = ByteTable()
    private var spellings: [Range<Int>] = []
    private var spellingBytes: [UInt8] = []
    /// Two-part compounds by their first part and the first five letters of their second (second parts of five
    /// letters or more): "re" + "asses" from "re-assessed" spells "reassessment" too.
    private var firstAndSecond = ByteTable()
    /// The lengths of all first parts, longest first: a word's first part of a given length can only be its own
    /// prefix of that length, so trying lengths in turn finds what trying every first part would, longest first.
    private var firstLengths: [Int] = []
    /// The first two letters of the letter keys and of the first parts: most words of a finding start like none of
    /// them, and are passed over without a lookup.
    private var wordOpenings = OpeningFilter()
    private var firstOpenings = OpeningFilter()

    /// The compounds of `lines`; with `texts`, only those that can respell a word of `texts`, which is all that
    /// `restoringHyphens` of those texts asks (a report has a few findings to restore and thousands of hyphenated words:
    /// noting every one was most of this table's cost, perf).
    // Words are read as ASCII bytes: compounds are ASCII letters only.
    init(_ lines: NormalisedLines, restoring texts: [String]? = nil) {
        let lookups = texts.map(Lookups.init)
        if let lookups, lookups.isEmpty { return }
        var lengths = Set<Int>()
        // Only the words around a hyphen are looked at, in place (no copy, one pass per line), in the lines the cleaner
        // saw write one.
        for line in lines.indices where lines[line].holdsHyphen && lines[line].cappedByteCount >= 3 {
            lines[line].withText { bytes in
                var index = ByteSearch.firstIndex(of: Self.hyphen, in: bytes, from: 0)
                while index < bytes.count {
                    // The word holding this hyphen: the run of non-spaces around it (later hyphens in it are skipped).
                    var start = index
                    while start > 0 && bytes[start - 1] != UInt8(ascii: " ") { start -= 1 }
                    var end = index
                    while end < bytes.count && bytes[end] != UInt8(ascii: " ") { end += 1 }
                    // A bullet's or a dash's hyphen stands alone: no word of three bytes or more holds it.
                    if end - start >= 3 { note(UnsafeBufferPointer(rebasing: bytes[start..<end]), lookups, firstLengths: &lengths) }
                    index = ByteSearch.firstIndex(of: Self.hyphen, in: bytes, from: end)
                }
            }
        }
        firstLengths = lengths.sorted(by: >)
    }

    private static let hyphen = UInt8(ascii: "-")

    /// Records a word if, without the punctuation around it, it is letters joined by single hyphens ("anti-social"),
    /// and `lookups` (if any) may ask for it.
    private mutating func note(_ word: UnsafeBufferPointer<UInt8>, _ lookups: Lookups?, firstLengths: inout Set<Int>) {
        var low = 0, high = word.count
        while low < high && Self.trimmed(word[low]) { low += 1 }
        while high > low && Self.trimmed(word[high - 1]) { high -= 1 }
        let core = UnsafeBufferPointer(rebasing: word[low..<high])
        guard core.count >= 3, core.first != Self.hyphen, core.last != Self.hyphen else { return }
        // Its first six letters (a word with fewer, or with other bytes among them, is no compound any lookup asks for).
        if let lookups {
            var key: UInt32 = 0, letters = 0, index = 0
            while letters < 6 && index < core.count {
                let byte = core[index]
                index += 1
                if byte == Self.hyphen { continue }
                guard ASCIIBytes.isLetter(byte) else { return }
                key = key << 5 | UInt32(byte & 31)
                letters += 1
            }
            guard letters == 6, lookups.mayAsk(key) else { return }
        }
        var hyphens = 0
        var firstHyphen = 0
        var afterHyphen = false
        for (index, byte) in core.enumerated() {
            if byte == Self.hyphen {
                if afterHyphen { return }
                if hyphens == 0 { firstHyphen = index }
                hyphens += 1
                afterHyphen = true
            } else if ASCIIBytes.isLetter(byte) {
                afterHyphen = false
            } else {
                return
            }
        }
        guard hyphens >= 1 else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * core.count) { scratch in
            // The spelling lowercased, and its letters after it.
            let spelling = UnsafeMutableBufferPointer(rebasing: scratch[0..<core.count])
            var letterCount = 0
            for (index, byte) in core.enumerated() {
                let lower = ASCIIBytes.isLetter(byte) ? byte | 0x20 : byte
                spelling[index] = lower
                if lower != Self.hyphen {
                    scratch[core.count + letterCount] = lower
                    letterCount += 1
                }
            }
            let letters = UnsafeBufferPointer(rebasing: scratch[core.count..<(core.count + letterCount)])
            let (index, inserted) = byLetters.insert(letters)
            // A report prints its compounds many times: one seen before, spelled the same, changes nothing.
            if !inserted && spellingBytes.withUnsafeBufferPointer({ ByteTable.same(UnsafeBufferPointer(rebasing: $0[spellings[index]]), UnsafeBufferPointer(spelling)) }) {
                return
            }
            let range = spellingBytes.count..<(spellingBytes.count + spelling.count)
            spellingBytes.append(contentsOf: spelling)
            if inserted { spellings.append(range) } else { spellings[index] = range }
            wordOpenings.insert(letters)
            guard hyphens == 1 else { return }
            let first = UnsafeBufferPointer(rebasing: spelling[..<firstHyphen])
            firstLengths.insert(first.count)
            firstOpenings.insert(first)
            let second = spelling.count - firstHyphen - 1
            if second >= 5 { _ = firstAndSecond.insert(UnsafeBufferPointer(rebasing: spelling[..<(firstHyphen + 6)])) }
        }
    }

    private static func trimmed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "'"), UInt8(ascii: "\""): true
        default: false
        }
    }


    /// Where the hyphens go in a word whose letters (lowercase) are `letters`: after so many of its letters. The
    /// report's spelling of the same letters; or, for another form of a two-part compound, after its first part when the
    /// rest shares the second part's first five letters ("re-assessed" for "reassessment"), a first part of `length`
    /// letters being tried only if `splits(length)`. Nil when none applies.
    private func hyphenPositions(letters: UnsafeBufferPointer<UInt8>, splits: (Int) -> Bool = { _ in true }) -> [Int]? {
        if wordOpenings.mayHold(letters), let index = byLetters.find(letters) {
            var positions: [Int] = []
            var lettersBefore = 0
            for byte in spellingBytes[spellings[index]] {
                if byte == Self.hyphen { positions.append(lettersBefore) } else { lettersBefore += 1 }
            }
            return positions
        }
        guard firstOpenings.mayHold(letters) else { return nil }
        // The first part and five letters after it, with the hyphen between, as `firstAndSecond` keys them.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: letters.count + 1) { key in
            for length in firstLengths where letters.count > length + 5 {
                for index in 0..<length { key[index] = letters[index] }
                key[length] = Self.hyphen
                for index in 0..<5 { key[length + 1 + index] = letters[length + index] }
                if firstAndSecond.find(UnsafeBufferPointer(rebasing: key[..<(length + 6)])) != nil, splits(length) { return [length] }
            }
            return nil
        }
    }

    /// The text with each word the report elsewhere hyphenates given its hyphens back, in the word's own case.
    func restoringHyphens(_ text: String) -> String {
        guard !byLetters.isEmpty else { return text }
        // Words are found on the bytes (a space, 0x20, never stands inside a multi-byte scalar), and an ASCII word is
        // judged on its bytes; only a word with non-ASCII in it is read as Characters.
        var restored: [(bytes: Range<Int>, word: String)] = []
        Self.forEachWord(of: text) { range, word in
            let spelled: String?
            if ByteSearch.firstNonASCII(in: word, from: 0) == word.count {
                spelled = restoring(ascii: word)
            } else {
                let utf8 = text.utf8
                spelled = restoring(text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
            }
            if let spelled { restored.append((range, spelled)) }
        }
        guard !restored.isEmpty else { return text }
        var out = ""
        var copied = 0
        let utf8 = text.utf8
        for (bytes, word) in restored {
            out.append(contentsOf: text[utf8.index(utf8.startIndex, offsetBy: copied)..<utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)])
            out.append(word)
            copied = bytes.upperBound
        }
        out.append(contentsOf: text[utf8.index(utf8.startIndex, offsetBy: copied)...])
        return out
    }

    /// Each word of `text` that may take hyphens back: a run of six bytes or more between spaces, with its byte range.
    /// Words are found on the bytes (a space, 0x20, never stands inside a multi-byte scalar), their spaces sixteen
    /// bytes at a time (byte by byte, with a branch a byte, this was a third of the findings reader's own time: perf).
    private static func forEachWord(of text: String, _ body: (Range<Int>, UnsafeBufferPointer<UInt8>) -> Void) {
        var storage = text
        storage.withUTF8 { bytes in
            func word(_ range: Range<Int>) {
                if range.count >= 6 { body(range, UnsafeBufferPointer(rebasing: bytes[range])) }
            }
            // `wordStart` changes only in a closure written here: a local function passed on that changed it had every
            // call checked for exclusive access at run time (callgrind).
            var wordStart = 0
            ByteSearch.forEachIndex(of: UInt8(ascii: " "), in: bytes) { end in
                word(wordStart..<end)
                wordStart = end + 1
            }
            word(wordStart..<bytes.count)
        }
    }

    /// The letters of an ASCII word that is looked up: at least six, between punctuation only.
    private static func letters(ofASCII word: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard let start = word.firstIndex(where: ASCIIBytes.isLetter), let last = word.lastIndex(where: ASCIIBytes.isLetter) else { return nil }
        let letters = UnsafeBufferPointer(rebasing: word[start...last])
        guard letters.count >= 6, letters.allSatisfy(ASCIIBytes.isLetter) else { return nil }
        return letters
    }

    /// The letters of a word holding non-ASCII that is looked up, lowercase: at least six Characters, between
    /// punctuation only.
    private static func lowercaseLetters(of word: Substring) -> String? {
        let letters = word.filter { $0.isLetter }
        let outer = word.prefix(while: { !$0.isLetter }).count + word.reversed().prefix(while: { !$0.isLetter }).count
        guard letters.count >= 6, letters.count == word.count - outer else { return nil }
        return letters.lowercased()
    }

    /// What `restoringHyphens` of some texts may look up, by the first six letters of each lookup: a word's letters
    /// (in `byLetters`), or a first part and the five letters after it (in `firstAndSecond`), are at least six letters
    /// and open with the word's first six. A compound whose first six letters open no word of the texts answers
    /// none of their lookups, so leaving it out changes nothing they become. A bit per hash of the six letters' low
    /// five bits (either case): a word may let a few other compounds in, never keep one out.
    private struct Lookups {
        private var bits = [UInt64](repeating: 0, count: 128)
        private(set) var isEmpty = true

        init(_ texts: [String]) {
            for text in texts {
                HyphenatedCompounds.forEachWord(of: text) { range, word in
                    if ByteSearch.firstNonASCII(in: word, from: 0) == word.count {
                        // The letters `letters(ofASCII:)` would take start at the first letter, and are six or more.
                        guard let first = word.firstIndex(where: ASCIIBytes.isLetter) else { return }
                        add(UnsafeBufferPointer(rebasing: word[first...]))
                    } else {
                        let utf8 = text.utf8
                        let substring = text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
                        guard var lower = HyphenatedCompounds.lowercaseLetters(of: substring) else { return }
                        lower.withUTF8 { add($0) }
                    }
                }
            }
        }

        /// A lookup that starts as `letters` does, if they open with six ASCII letters.
        private mutating func add(_ letters: UnsafeBufferPointer<UInt8>) {
            guard letters.count >= 6 else { return }
            var key: UInt32 = 0
            for byte in letters[..<6] {
                guard ASCIIBytes.isLetter(byte) else { return }
                key = key << 5 | UInt32(byte & 31)
            }
            let bit = Self.bit(key)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
            isEmpty = false
        }

        /// Whether a lookup may start with the six letters packed in `key` (five bits each, first letter highest).
        func mayAsk(_ key: UInt32) -> Bool {
            let bit = Self.bit(key)
            return bits[bit >> 6] >> UInt64(bit & 63) & 1 != 0
        }

        private static func bit(_ key: UInt32) -> Int { Int((key &* 0x9E37_79B1) >> 19) }
    }

    /// `restoring` for a word of ASCII bytes: the same answer, read on the bytes.
    private func restoring(ascii word: UnsafeBufferPointer<UInt8>) -> String? {
        guard let letters = Self.letters(ofASCII: word) else { return nil }
        // The openings filters key a byte by its low five bits, which a letter's case does not change.
        guard wordOpenings.mayHold(letters[0], letters[1]) || firstOpenings.mayHold(letters[0], letters[1]) else { return nil }
        let positions = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: letters.count) { lower in
            for index in letters.indices { lower[index] = letters[index] | 0x20 }
            return hyphenPositions(letters: UnsafeBufferPointer(lower))
        }
        guard let positions else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(word.count + positions.count)
        var pending = positions[...]
        var seen = 0
        for byte in word {
            if ASCIIBytes.isLetter(byte) {
                if let next = pending.first, next == seen {
                    out.append(Self.hyphen)
                    pending = pending.dropFirst()
                }
                seen += 1
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The word with its hyphens back, or nil when it takes none: a run of at least six letters, between
    /// punctuation only, that spells a compound. Letters are Characters here (the word holds non-ASCII); their
    /// lowercase is compared as UTF-8 with the ASCII keys, which is what comparing Strings would give: no lowercase
    /// text with a non-ASCII scalar is canonically equal to ASCII.
    private func restoring(_ word: Substring) -> String? {
        guard var lower = Self.lowercaseLetters(of: word) else { return nil }
        // A first part is ASCII letters, and the second's five letters are compared as Characters: a split after
        // `length` bytes stands only where the first `length` + 5 Characters are single ASCII bytes.
        let characters = Array(lower)
        let positions = lower.withUTF8 { bytes in
            hyphenPositions(letters: bytes) { length in characters.count >= length + 5 && characters.prefix(length + 5).allSatisfy(\.isASCII) }
        }
        guard let positions else { return nil }
        var out = ""
        var pending = positions[...]
        var seen = 0
        for character in word {
            if character.isLetter {
                if let next = pending.first, next == seen {
                    out.append("-")
                    pending = pending.dropFirst()
                }
                seen += 1
            }
            out.append(character)
        }
        return out
    }
}

/// Byte strings, each given an index in the order first inserted: a hand-written open-addressing table over one
/// buffer of keys, hashed with FNV-1a. The standard library's `Dictionary` would want a `String` (an allocation) per
/// key and hashes it with SipHash; swift-collections has no byte-keyed table. Small: a report's compounds.
struct ByteTable {
    private var keys: [UInt8] = []
    private var entries: [(hash: UInt64, start: Int, count: Int)] = []
    /// Entry index + 1, or 0 for an empty slot; a power of two long, never more than half full.
    private var slots = [Int32](repeating: 0, count: 64)

    var isEmpty: Bool { entries.isEmpty }

    /// The key's index, and whether it was new.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (index: Int, inserted: Bool) {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if matches(index, key, hash) { return (index, false) }
            slot = (slot + 1) & (slots.count - 1)
        }
        entries.append((hash, keys.count, key.count))
        keys.append(contentsOf: key)
        slots[slot] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
        return (entries.count - 1, true)
    }

    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if matches(index, key, hash) { return index }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private func matches(_ index: Int, _ key: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> Bool {
        let entry = entries[index]
        return entry.hash == hash && entry.count == key.count
            && keys.withUnsafeBufferPointer { Self.same(UnsafeBufferPointer(rebasing: $0[entry.start..<(entry.start + entry.count)]), key) }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(index + 1)
        }
    }

    /// Whether two byte strings are equal (`memcmp`: the generic `elementsEqual` cost more than the lookup).
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        // FNV's low bits mix poorly for short keys; the slot is taken from them, so fold the high bits in.
        return hash ^ (hash >> 29)
    }
}

/// A set of two-byte openings (by each byte's low five bits, one bit each of 1,024; a one-byte text stands for
/// every second byte): `mayHold` is false only for a text that starts like none inserted.
private struct OpeningFilter {
    private var bits = [UInt64](repeating: 0, count: 16)

    mutating func insert(_ text: UnsafeBufferPointer<UInt8>) {
        guard let first = text.first else { return }
        if text.count >= 2 {
            let key = Int(first & 31) << 5 | Int(text[1] & 31)
            bits[key >> 6] |= 1 << UInt64(key & 63)
        } else {
            for low in 0..<32 {
                let key = Int(first & 31) << 5 | low
                bits[key >> 6] |= 1 << UInt64(key & 63)
            }
        }
    }

    func mayHold(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        // A shorter key may be a prefix of the text: one-byte keys set all 32 of their first byte's bits.
        guard text.count >= 2 else { return true }
        return mayHold(text[0], text[1])
    }

    /// `mayHold` for a text that starts with these two bytes.
    func mayHold(_ first: UInt8, _ second: UInt8) -> Bool {
        let key = Int(first & 31) << 5 | Int(second & 31)
        return bits[key >> 6] >> UInt64(key & 63) & 1 != 0
    }
}
