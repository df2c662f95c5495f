import PeelText

/// Running headers and footers: lines that stand beside page breaks on many pages. pdftotext marks a page break
/// with a form feed; the normaliser already drops a page number beside one. Here the first and last lines of each
/// page are compared across pages (digits ignored, so "Page 7 of 40" repeats), and those that repeat are removed
/// wherever the break falls: inside a paragraph, a table or a Force in numbers block.
enum PageFurniture {
    /// How many non-blank lines at each end of a page may be furniture.
    static let depth = 2

    /// The indices of `lines` that are furniture. `pageNumbers`: the numbers the normaliser removed beside breaks.
    static func find(_ lines: NormalisedLines, pageNumbers: [RemovedPageNumber] = []) -> Set<Int> {
        let starts = lines.indices.filter { lines[$0].afterPageBreak && !lines[$0].isBlank }
        guard !starts.isEmpty else { return unmarkedEdges(lines) }
        // Candidates: the first lines of each page after a break and the last lines before it.
        // The text's start and end are page edges too (pdftotext ends every page with a form feed, the last too).
        var heads: [[Int]] = [nonBlank(lines, from: 0, step: 1)], feet: [[Int]] = [nonBlank(lines, from: lines.count - 1, step: -1)]
        for start in starts {
            heads.append(nonBlank(lines, from: start, step: 1))
            feet.append(nonBlank(lines, from: start - 1, step: -1))
        }
        var furniture = Set<Int>()
        /// The keys of the lines taken for furniture by their repeating.
        var running = Set<String>()
        // On at least two pages and on half of them: a heading that happens to open two pages of a long report is
        // not enough. Outward from the break only: a line is furniture if the lines between it and the break are.
        let needed = max(2, (starts.count + 1) / 2)
        for group in [heads, feet] {
            for depth in 0..<depth {
                // Each candidate's key made once: the edge lines of an unwrapped extraction are whole paragraphs.
                let keys = group.map { depth < $0.count ? lines[$0[depth]].withText(key) : nil }
                // Each key's pages, counted by the parity of the page's place (a page's edges are `group[page]`).
                var counts: [String: (even: Int, odd: Int)] = [:]
                for (page, key) in keys.enumerated() {
                    guard let key else { continue }
                    if page % 2 == 0 { counts[key, default: (0, 0)].even += 1 } else { counts[key, default: (0, 0)].odd += 1 }
                }
                for (candidates, key) in zip(group, keys) {
                    guard let key, depth == 0 || furniture.contains(candidates[depth - 1]) else { continue }
                    let count = counts[key, default: (0, 0)]
                    let repeats = !isValueKey(key) && (count.even + count.odd >= needed || alternates(count, pages: group.count))
                    if repeats || isPageNumber(lines[candidates[depth]].text) {
                        furniture.insert(candidates[depth])
                    }
                    // A number's key ("#", a page's number) is no running line a few lines into a page: there it is a
                    // value or a table's cell ("2017" / "2017" / "2017" over a page's last paragraph).
                    if repeats, key.utf8.contains(where: ASCIIBytes.isLetter) { running.insert(key) }
                }
            }
        }
        // A running line a reading-order extraction set a few lines into a page (pdfminer.six put the running title
        // after a page's heading and the first line of a label, "… 12 months to 31 March" / running title / "2015"): the
        // same line as the pages' edges repeat, among a page's first or last `strayDepth` lines.
        if !running.isEmpty {
            for edge in zip([0] + starts, [lines.count - 1] + starts.map { $0 - 1 }) {
                for index in nonBlank(lines, from: edge.0, step: 1, count: strayDepth) + nonBlank(lines, from: edge.1, step: -1, count: strayDepth)
                where !furniture.contains(index) && running.contains(lines[index].withText(key)) {
                    furniture.insert(index)
                }
            }
        }
        return furniture.union(numbersLeft(lines, starts: starts, removed: pageNumbers, furniture: furniture))
    }

    /// Page numbers the normaliser left, where the pages around tell them: it takes a number beside a break only when it
    /// runs on from the last one it took, and only the line next to the break. A running title between a page's number
    /// and the break (pdfminer set "2" / "PEEL: Police effectiveness 2017 – Gwent Police" / form feed), or the first
    /// page's number before the run began, was read as text, and as the Force in numbers value after its label. A page
    /// whose number is missing is given one by the numbered pages before and after it (the page before's number plus
    /// the pages between, where the page after's agrees; at the first or last pages, the two nearest numbered ones
    /// agreeing), and its line next to the break on the side the numbers stand, furniture aside, is taken if it is that
    /// number alone.
    static func numbersLeft(_ lines: NormalisedLines, starts: [Int], removed: [RemovedPageNumber], furniture: Set<Int>) -> Set<Int> {
        guard removed.count >= 2 else { return [] }
        // Page k runs from starts[k - 1] (0 for the first) to starts[k] (the end for the last). A footer's number belongs
        // to the page that ends at the first start after it, a header's to the page that opens there.
        var numbered: [Int: RemovedPageNumber] = [:]
        var next = 0
        for mark in removed {
            while next < starts.count && starts[next] < mark.position { next += 1 }
            let page = mark.closesPage ? next : next + 1
            guard page <= starts.count, numbered[page] == nil else { continue }
            numbered[page] = mark
        }
        let pages = numbered.keys.sorted()
        guard pages.count >= 2 else { return [] }
        var found = Set<Int>()
        var nextNumbered = 0
        for page in 0...starts.count where numbered[page] == nil {
            while nextNumbered < pages.count && pages[nextNumbered] < page { nextNumbered += 1 }
            // The two numbered pages that give this one its number: either side of it, or the two nearest on one side.
            let pair: (Int, Int)
            if nextNumbered > 0 && nextNumbered < pages.count {
                pair = (pages[nextNumbered - 1], pages[nextNumbered])
            } else if nextNumbered == 0 {
                pair = (pages[0], pages[1])
            } else {
                pair = (pages[pages.count - 2], pages[pages.count - 1])
            }
            let (first, second) = (numbered[pair.0]!, numbered[pair.1]!)
            guard second.value - first.value == pair.1 - pair.0, first.closesPage == second.closesPage else { continue }
            let number = first.value + page - pair.0
            guard number >= 1 else { continue }
            // The page's line next to its break on the numbers' side, passing over furniture and blank lines.
            let low = page == 0 ? 0 : starts[page - 1], high = page < starts.count ? starts[page] : lines.count
            var index = first.closesPage ? high - 1 : low
            while index >= low && index < high && (lines[index].isBlank || furniture.contains(index)) { index += first.closesPage ? -1 : 1 }
            if index >= low && index < high && lines[index].withText(bareNumber) == number { found.insert(index) }
        }
        return found
    }

    /// How many non-blank lines at each end of a page may hold a running line out of its place.
    static let strayDepth = 4

    /// Running lines that no page break or page number marks (a copy from a viewer of pages that carry no number), or
    /// that stand away from the pages' edges: lines from `start` on that the caller's vocabulary takes for one, standing
    /// at least as many times a page apart as `pagesNeeded` says for their words (nil: none of the vocabulary's; the
    /// report's title with its subject needs one page, the title's words alone more). Only their words and their
    /// repeating tell them: a heading repeats too, so the vocabulary must be one no heading, label or value of the report
    /// is made of.
    static func namedRunningLines(_ lines: NormalisedLines, from start: Int, pagesNeeded: (UnsafeBufferPointer<UInt8>) -> Int?) -> Set<Int> {
        // Where form feeds mark the pages, running lines stand at their edges and `find` takes them there; only one the
        // vocabulary knows on its own (the report's whole title) is taken wherever it stands, as an extraction may set it
        // inside a page (pdfminer set it between a Force in numbers label and its values).
        let paged = lines.contains(where: \.afterPageBreak)
        var groups: [String: (pagesNeeded: Int, members: [Int])] = [:]
        // A running line is one cell (no tab) and opens as a title does, with a capital or a digit (or a letter beyond
        // ASCII), not in lower case as wrapped prose goes on nor with a list's bullet: other lines are passed over on their
        // marks (asking `pagesNeeded` of every line cost 1 % of a run's instructions; callgrind).
        for index in max(start, 0)..<lines.count where (lines[index].opening &- 0x41 < 26 || lines[index].opening &- 0x30 < 10 || lines[index].opening >= 0x80)
            && !lines[index].holdsTab && lines[index].byteCount <= maximumRunningLine {
            guard let needed = lines[index].withText(pagesNeeded), !paged || needed == 1 else { continue }
            groups[lines[index].withText(key), default: (needed, [])].members.append(index)
        }
        var furniture = Set<Int>()
        for (needed, members) in groups.values where members.count >= needed {
            // The most appearances a page apart: each the first a page's lines after the last taken (greedy is longest).
            var pages = 1, last = members[0]
            for member in members.dropFirst() where member - last >= minimumPageLines {
                pages += 1
                last = member
            }
            if pages >= needed { furniture.formUnion(members) }
        }
        return furniture
    }

    /// The longest line `namedRunningLines` takes, in bytes: a running header is a title, not a paragraph.
    static let maximumRunningLine = 160

    /// The key of a value a table or graphic prints ("36.2", "-12.6%", "+13%", "21,251" all fold to such a key): no
    /// running line, however many pages it ends. Where a table's cells stand one per line, many pages end on a value,
    /// and "#.#" stood at the foot of half of them. (A bare "#" is left to the page numbers' rules.)
    static func isValueKey(_ key: String) -> Bool {
        var marked = false
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "#"), UInt8(ascii: "-"): continue
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "%"), UInt8(ascii: "+"): marked = true
            default: return false
            }
        }
        return marked
    }

    /// A running line on every other page, as books set them (the report's title on the left-hand pages, a chapter's
    /// or the inspectorate's name on the right): on half the pages, as often as a heading that opened some pages by
    /// chance may be, so it is taken only on pages of one parity, at least three of them and three quarters of those.
    static func alternates(_ count: (even: Int, odd: Int), pages: Int) -> Bool {
        let (evenPages, oddPages) = ((pages + 1) / 2, pages / 2)
        return (count.odd == 0 && count.even >= minimumPages && count.even * 4 >= evenPages * 3)
            || (count.even == 0 && count.odd >= minimumPages && count.odd * 4 >= oddPages * 3)
    }

    /// Furniture in a text with no form feed at all (`pdftotext -nopgbrk`, extractors that mark no pages), found by
    /// what it says: a page number (a bare number of one to three digits, or "Page 7 of 40") beside a line that
    /// repeats, the numbers running on from one page to the next (+1, or +2 where a page lost its number), at least
    /// three pages a few lines apart, and most of that line's appearances in the text among them. The line and its
    /// numbers are removed; so is the same line standing first or last in the text (its edges). A Force in numbers
    /// label beside its values does not qualify: the values do not run on as page numbers do, and the label stands
    /// elsewhere too. Without this, the page number read as the value after it (a page break inside a Force in
    /// numbers block gave England and Wales "1", the page's number, for 282).
    static func unmarkedEdges(_ lines: NormalisedLines) -> Set<Int> {
        var numbers: [(index: Int, value: Int)] = []
        for index in lines.indices where !lines[index].isBlank && lines[index].byteCount <= 24 {
            // A page number opens with a digit, "page" or a separator ("-", "|", a dash): most short lines are passed
            // on their first byte, kept with the line.
            let opening = lines[index].opening
            guard opening &- 0x30 < 10 || opening | 0x20 == UInt8(ascii: "p") || opening == UInt8(ascii: "-") || opening == UInt8(ascii: "|")
                || opening == 0xE2 else { continue }
            if let value = lines[index].withText(pageNumberValue) { numbers.append((index, value)) }
        }
        // A page number no further on than two a page from where a run may start (`longestPageRun`): values larger than
        // that (most of a Force in numbers block's) can be in no run.
        let candidates = numbers.filter { $0.value <= 3 * $0.index / minimumPageLines + 5 }
        // Most texts have no run of numbers that could be pages at all: told from the numbers alone, before any
        // neighbour is keyed (keying every number's neighbours cost more than the rest of laying the text out). The
        // run's length is the pages' count a running line is held to.
        guard candidates.count >= minimumPages, case let pages = longestPageRun(candidates, below: 3 * lines.count / minimumPageLines + 6),
              pages >= minimumPages else { return [] }
        // A neighbour is no number of any kind (a value beside a page number is not its running line) and holds a letter.
        let numbered = Set(numbers.map(\.index))
        func isRunningLine(_ text: UnsafeBufferPointer<UInt8>) -> Bool { text.contains { $0 >= 0x80 || ($0 | 0x20) &- 0x61 < 26 } }
        // Each page number's neighbours (the nearest non-blank lines before and after it), grouped by the neighbour's
        // key and side: a running header follows its page's number or precedes it, the same way on every page.
        struct Edge { let line: Int; let number: Int; let value: Int }
        var groups: [String: [Edge]] = [:]
        for (index, value) in candidates {
            for step in [-1, 1] {
                var neighbour = index + step
                while neighbour >= 0 && neighbour < lines.count && lines[neighbour].isBlank { neighbour += step }
                guard neighbour >= 0, neighbour < lines.count, !numbered.contains(neighbour), lines[neighbour].withText(isRunningLine) else { continue }
                groups[(step < 0 ? "<" : ">") + lines[neighbour].withText(key), default: []].append(Edge(line: neighbour, number: index, value: value))
            }
        }
        var furniture = Set<Int>()
        // In key order: the same lines, whatever order the dictionary keeps.
        for (sideKey, edges) in groups.sorted(by: { $0.key < $1.key }) where edges.count >= minimumPages {
            // The longest run of pages: each page's number one or two more than the last one's, some lines on.
            let run = longestChain(edges.count, starts: { mayStartRun(edges[$0].value, at: edges[$0].number) }) { earlier, later in
                let step = edges[later].value - edges[earlier].value
                return (step == 1 || step == 2) && edges[later].number - edges[earlier].number >= minimumPageLines
            }
            // A running line stands beside most of the pages' numbers: a label that three page breaks happened to fall
            // before (a Force in numbers block's force name, a block to a page) is not one.
            guard run.count >= minimumPages, run.count * 2 >= pages else { continue }
            let key = String(sideKey.dropFirst()), width = lines[edges[run[0]].line].byteCount
            let appearances = lines.indices.filter { lines[$0].byteCount == width && lines[$0].withText(Self.key) == key }
            guard run.count * 2 >= appearances.count else { continue }
            for member in run {
                furniture.insert(edges[member].line)
                furniture.insert(edges[member].number)
            }
            // The text's first and last lines are page edges too.
            for edge in [appearances.first, appearances.last].compactMap({ $0 }) {
                let before = lines[..<edge].allSatisfy(\.isBlank), after = lines[(edge + 1)...].allSatisfy(\.isBlank)
                if before || after { furniture.insert(edge) }
            }
        }
        // Page numbers alone need the longer run (`minimumBarePages`): most texts' numbers have none, and are passed here.
        return furniture.isEmpty && pages >= minimumBarePages ? numbersAlone(candidates, lines: lines) : furniture
    }

    /// Page numbers with no running line beside them (a footer of the number alone): a run of numbers standing on their
    /// own lines, each one more than the last, at least `minimumBarePages` of them a page apart, from the first pages
    /// on. A page's number is taken where no other number could stand for it; where a value equal to it stands between
    /// the page before's number and the page after's (a Force in numbers "7" where page 7 may be), only the one halfway
    /// between them is, and only if the others are well away from halfway: else neither, as before.
    static func numbersAlone(_ candidates: [(index: Int, value: Int)], lines: NormalisedLines) -> Set<Int> {
        let bare = candidates.filter { lines[$0.index].withText(bareNumber) != nil }
        guard bare.count >= minimumBarePages else { return [] }
        let chain = longestChain(bare.count, starts: { bare[$0].value <= 3 }) { earlier, later in
            bare[later].value == bare[earlier].value + 1 && bare[later].index - bare[earlier].index >= minimumPageLines
        }
        guard chain.count >= minimumBarePages else { return [] }
        // A page's number is the only number of its value between the page before's and the page after's; where there
        // are more, the one halfway between those two if the others are well away from halfway, else none.
        var furniture = Set<Int>()
        for step in chain.indices {
            let from = step == 0 ? -1 : bare[chain[step - 1]].index
            let to = step + 1 < chain.count ? bare[chain[step + 1]].index : lines.count
            let value = bare[chain[step]].value
            let alike = candidates.filter { $0.value == value && $0.index > from && $0.index < to }.map(\.index)
            if alike.count == 1 {
                furniture.insert(alike[0])
            } else if step > 0 && step + 1 < chain.count {
                let halfway = (from + to) / 2, half = (to - from) / 2
                let near = alike.filter { abs($0 - halfway) * 3 <= half }
                if near.count == 1 && alike.allSatisfy({ $0 == near[0] || abs($0 - halfway) * 3 >= 2 * half }) { furniture.insert(near[0]) }
            }
        }
        return furniture
    }

    /// The longest chain of items `0..<count` in order (the first it finds of that length): each item `follows` the one
    /// before it, the first `starts` one. Its items' indices in order; empty when no item starts one.
    static func longestChain(_ count: Int, starts: (Int) -> Bool, follows: (_ earlier: Int, _ later: Int) -> Bool) -> [Int] {
        var length = (0..<count).map { starts($0) ? 1 : 0 }, previous = [Int](repeating: -1, count: count)
        for later in 0..<count {
            for earlier in 0..<later where length[earlier] > 0 && length[earlier] + 1 > length[later] && follows(earlier, later) {
                length[later] = length[earlier] + 1
                previous[later] = earlier
            }
        }
        guard var last = length.indices.max(by: { length[$0] < length[$1] }), length[last] > 0 else { return [] }
        var chain: [Int] = []
        while last >= 0 {
            chain.append(last)
            last = previous[last]
        }
        return chain.reversed()
    }

    /// Whether a run of page numbers may start at `value` on line `index`: no page could be past where it stands (a page
    /// holds some lines), give or take five front pages.
    static func mayStartRun(_ value: Int, at index: Int) -> Bool { value <= index / minimumPageLines + 5 }

    /// Pages of numbers alone to be taken for page numbers: more than beside a running line, as there is less to go on.
    static let minimumBarePages = 5

    /// The longest run of `numbers` (line index, value; in line order) that run on as page numbers do: each one or two
    /// more than the last, `minimumPageLines` on, the first no more than a page could be where it stands. Values from
    /// `bound` on are in no run (a run's numbers stay below three fifths of the lines before them, plus 5).
    static func longestPageRun(_ numbers: [(index: Int, value: Int)], below bound: Int) -> Int {
        // The longest run ending at each value, over the numbers at least a page's lines back: a sweep in line order.
        var longest = [Int](repeating: 0, count: max(bound, 0))
        var runs = [Int](repeating: 0, count: numbers.count)
        var settled = 0
        for (position, number) in numbers.enumerated() {
            while numbers[settled].index + minimumPageLines <= number.index {
                let value = numbers[settled].value
                if value < bound { longest[value] = max(longest[value], runs[settled]) }
                settled += 1
            }
            guard number.value < bound else { continue }
            let before = max(number.value >= 1 ? longest[number.value - 1] : 0, number.value >= 2 ? longest[number.value - 2] : 0)
            runs[position] = before > 0 ? before + 1 : mayStartRun(number.value, at: number.index) ? 1 : 0
        }
        return runs.max() ?? 0
    }

    /// Pages a running line must be found on, with its numbers running on, to be taken for furniture.
    static let minimumPages = 3
    /// Lines from one page's number to the next one's, at least (a numbered list is no run of pages).
    static let minimumPageLines = 5

    /// The number of a page-number line: a bare number of one to three digits, or the first number of "Page 7 of 40".
    static func pageNumberValue(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        if let bare = bareNumber(text) { return bare }
        guard text.contains(where: { $0 &- 0x30 < 10 }),
              text.allSatisfy({ $0 < 0x80 }) ? isASCIIPageNumber(text) : isPageNumber(String(decoding: text, as: UTF8.self)) else { return nil }
        let digits = text.drop { $0 &- 0x30 >= 10 }.prefix { $0 &- 0x30 < 10 }
        return digits.count <= 4 ? digits.reduce(0) { $0 * 10 + Int($1 &- 0x30) } : nil
    }

    /// The value of a line that is a number alone, of one to three digits.
    static func bareNumber(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !text.isEmpty && text.count <= 3 && text.allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
        return text.reduce(0) { $0 * 10 + Int($1 &- 0x30) }
    }

    private static func nonBlank(_ lines: NormalisedLines, from start: Int, step: Int, count: Int = depth) -> [Int] {
        var found: [Int] = []
        var index = start
        while index >= 0 && index < lines.count && found.count < count {
            if !lines[index].isBlank { found.append(index) }
            // Never across a second break: a one-line page has no furniture of the next.
            if step < 0 && lines[index].afterPageBreak && !lines[index].isBlank { break }
            index += step
            if step > 0 && index < lines.count && lines[index].afterPageBreak && !lines[index].isBlank { break }
        }
        return found
    }

    /// Each run of digits folded to one `#` and ASCII case to lower: page numbers and dates vary from page to page, in
    /// their number of digits too ("6 | PEEL …" and "12 | PEEL …" are one footer).
    static func key(_ text: String) -> String {
        var copy = text
        return copy.withUTF8(key)
    }

    /// `key` of a text's bytes.
    static func key(_ text: UnsafeBufferPointer<UInt8>) -> String {
        // Written straight into the string (only ASCII bytes change, to ASCII bytes): the page edges of an unwrapped
        // extraction are whole paragraphs, and an array made by `map` first cost three times as much (callgrind).
        String(unsafeUninitializedCapacity: text.count) { out in
            var count = 0
            for index in text.indices {
                let byte = text[index]
                if byte &- 0x30 < 10 {
                    if index > 0 && text[index - 1] &- 0x30 < 10 { continue }  // the run's `#` is written
                    out[count] = UInt8(ascii: "#")
                } else {
                    out[count] = ASCIIBytes.lower(byte)
                }
                count += 1
            }
            return count
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
