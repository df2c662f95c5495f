import PeelText

/// Running headers and footers: lines that stand beside page breaks on many pages. pdftotext marks a page break
/// with a form feed; the normaliser already drops a page number beside one. Here the first and last lines of each
/// page are compared across pages (digits ignored, so "Page 7 of 40" repeats), and those that repeat are removed
/// wherever the break falls: inside a paragraph, a table or a Force in numbers block.
enum PageFurniture {
    /// How many non-blank lines at each end of a page may be furniture.
    static let depth = 2

    /// The indices of `lines` that are furniture.
    static func find(_ lines: NormalisedLines) -> Set<Int> {
        let starts = lines.indices.filter { lines[$0].afterPageBreak && !lines[$0].isBlank }
        guard !starts.isEmpty else { return [] }
        // Candidates: the first lines of each page after a break and the last lines before it.
        // The text's start and end are page edges too (pdftotext ends every page with a form feed, the last too).
        var heads: [[Int]] = [nonBlank(lines, from: 0, step: 1)], feet: [[Int]] = [nonBlank(lines, from: lines.count - 1, step: -1)]
        for start in starts {
            heads.append(nonBlank(lines, from: start, step: 1))
            feet.append(nonBlank(lines, from: start - 1, step: -1))
        }
        var furniture = Set<Int>()
        // On at least two pages and on half of them: a heading that happens to open two pages of a long report is
        // not enough. Outward from the break only: a line is furniture if the lines between it and the break are.
        let needed = max(2, (starts.count + 1) / 2)
        for group in [heads, feet] {
            for depth in 0..<depth {
                // Each candidate's key made once: the edge lines of an unwrapped extraction are whole paragraphs.
                let keys = group.map { depth < $0.count ? lines[$0[depth]].withText(key) : nil }
                var counts: [String: Int] = [:]
                for key in keys { if let key { counts[key, default: 0] += 1 } }
                for (candidates, key) in zip(group, keys) {
                    guard let key, depth == 0 || furniture.contains(candidates[depth - 1]) else { continue }
                    if counts[key, default: 0] >= needed || isPageNumber(lines[candidates[depth]].text) { furniture.insert(candidates[depth]) }
                }
            }
        }
        return furniture
    }

    private static func nonBlank(_ lines: NormalisedLines, from start: Int, step: Int) -> [Int] {
        var found: [Int] = []
        var index = start
        while index >= 0 && index < lines.count && found.count < depth {
            if !lines[index].isBlank { found.append(index) }
            // Never across a second break: a one-line page has no furniture of the next.
            if step < 0 && lines[index].afterPageBreak && !lines[index].isBlank { break }
            index += step
            if step > 0 && index < lines.count && lines[index].afterPageBreak && !lines[index].isBlank { break }
        }
        return found
    }

    /// Digits folded to `#` and ASCII case to lower: page numbers and dates vary from page to page.
    static func key(_ text: String) -> String {
        var copy = text
        return copy.withUTF8(key)
    }

    /// `key` of a text's bytes.
    static func key(_ text: UnsafeBufferPointer<UInt8>) -> String {
        // Written straight into the string (only ASCII bytes change, to ASCII bytes): the page edges of an unwrapped
        // extraction are whole paragraphs, and an array made by `map` first cost three times as much (callgrind).
        String(unsafeUninitializedCapacity: text.count) { out in
            for index in text.indices {
                let byte = text[index]
                out[index] = byte &- 0x30 < 10 ? UInt8(ascii: "#") : ASCIIBytes.lower(byte)
            }
            return text.count
        }
    }

    /// "Page 7", "Page 7 of 40", "7 of 40" (dashes and bars between the words are passed over); "7 | Wiltshire Police" is
    /// left to the repeat count. A bare number ("- 7 -" too) is not: the normaliser removes page numbers beside breaks
    /// when they run in order, and a bare number at the end of a page may be a value.
    static func isPageNumber(_ text: String) -> Bool {
        // Asked of every page's edge lines: an ASCII line is read on its bytes (there a space splits words exactly as
        // it splits Characters, and lowercasing and digits are bytes), without the key's copy and arrays of words
        // (16,000 instructions a line; callgrind).
        if text.isASCII {
            var copy = text
            return copy.withUTF8(isASCIIPageNumber)
        }
        // Word by word, stopping at a fifth: an edge line may be a paragraph long, and splitting all of it into
        // Characters cost 200,000 instructions such a line (callgrind).
        let keyed = key(text)
        var words: [Substring] = []
        var rest = keyed[...]
        while !rest.isEmpty {
            let end = rest.firstIndex(of: " ") ?? rest.endIndex
            let word = rest[..<end]
            if !word.isEmpty && word != "-" && word != "–" && word != "|" {
                words.append(word)
                if words.count > 4 { return false }
            }
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
        }
        guard !words.isEmpty else { return false }
        let shapes = words.map { $0.allSatisfy { $0 == "#" } ? "#" : String($0) }
        return shapes == ["page", "#"] || shapes == ["page", "#", "of", "#"] || shapes == ["#", "of", "#"]
    }

    /// `isPageNumber` of an ASCII line: its words, split at spaces, that are not "-" or "|", each a number, "page",
    /// "of" or another word, must read "page #", "page # of #" or "# of #".
    private static func isASCIIPageNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Each word's shape, a byte a word (up to four): N a number, P "page", O "of", X another word.
        var shapes: UInt32 = 0, words = 0
        var start = 0
        for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 {
            defer { start = end + 1 }
            let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard !word.isEmpty, !(word.count == 1 && (word[0] == UInt8(ascii: "-") || word[0] == UInt8(ascii: "|"))) else { continue }
            words += 1
            guard words <= 4 else { return false }
            let shape: UInt8
            if word.allSatisfy({ $0 &- 0x30 < 10 || $0 == UInt8(ascii: "#") }) { shape = UInt8(ascii: "N") }  // the key folds digits to "#"
            else if word.count == 4 && word.elementsEqual("page".utf8, by: { ASCIIBytes.lower($0) == $1 }) { shape = UInt8(ascii: "P") }
            else if word.count == 2 && word.elementsEqual("of".utf8, by: { ASCIIBytes.lower($0) == $1 }) { shape = UInt8(ascii: "O") }
            else { shape = UInt8(ascii: "X") }
            shapes = shapes << 8 | UInt32(shape)
        }
        func read(_ pattern: StaticString) -> UInt32 {
            UnsafeBufferPointer(start: pattern.utf8Start, count: pattern.utf8CodeUnitCount).reduce(0) { $0 << 8 | UInt32($1) }
        }
        return shapes == read("PN") || shapes == read("PNON") || shapes == read("NON")
    }
}
