import Foundation
import PeelSearch
import PeelTestSupport
import Testing

/// The search engine alone, with patterns of its own: the cue scans, segment windows and the regex pool, checked
/// against plain references (every position compared; every pattern over the whole paragraph).
@Suite struct SearchEngineTests {
    /// The seed comes from PEEL_SEARCH_SEED when set (to replay a failure), else a fixed one, so CI is repeatable.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["PEEL_SEARCH_SEED"].flatMap { UInt64($0) } ?? 20261201

    static let cueList = ["incidents of anti-social behaviour", "incidents than the force recorded", "across england and wales, there were",
                          "percent in ", "this is compared with", "organised crime groups", "per one million", "per one million",
                          "per one million", "predominant crime type", "classified in this way", "were satisfied",
                          "national victim satisfaction rate", "arrests made", "place of safety"].map { Array($0.utf8) }

    /// The samples' lines, then random runs of cue pieces, cut and recased: near misses at every offset.
    static func texts() -> [String] {
        var texts = Fixtures.sampleNames.flatMap { name in
            String(decoding: Fixtures.sample(name), as: UTF8.self).split(separator: "\n").map(String.init)
        }
        print("search engine seed \(seed) (set PEEL_SEARCH_SEED to replay)")
        var generator = SplitMix(seed: seed)
        let pieces = cueList.map { String(decoding: $0, as: UTF8.self) } + ["per ", "one ", "in", " ", ".", "é", "PER ONE MILLION", "Place"]
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                var piece = pieces.randomElement(using: &generator)!
                let cut = Int.random(in: 0...piece.count, using: &generator)
                piece = Bool.random(using: &generator) ? String(piece.prefix(cut)) : String(piece.suffix(cut))
                text += Bool.random(using: &generator) ? piece.uppercased() : piece
            }
            texts.append(text)
        }
        return texts
    }

    /// Which cues a text holds, by comparing every cue at every position.
    static func reference(_ cues: [[UInt8]], _ text: [UInt8]) -> UInt64 {
        var found: UInt64 = 0
        for (index, cue) in cues.enumerated() where text.count >= cue.count {
            for start in 0...(text.count - cue.count)
            where zip(text[start...], cue).allSatisfy({ ($0 &- 0x41 < 26 ? $0 | 0x20 : $0) == $1 }) {
                found |= UInt64(1) << index
            }
        }
        return found
    }

    @Test("both cue scans find what comparing every position finds")
    func cueScans() {
        let pairs = CueSet(Self.cueList)
        let skipping = SkippingCueSet(Self.cueList)
        // Short cues too (the skip is shortest there): the question wordings' set, shortest 7 bytes, and one of 3.
        let shortList = ["overall", "vulnerable", "serious crime", "prevent crime", "per", "one million"].map { Array($0.utf8) }
        let short = SkippingCueSet(shortList)
        var found = 0, foundShort = 0
        for text in Self.texts() {
            let bytes = Array(text.utf8)
            let expected = Self.reference(Self.cueList, bytes)
            #expect(pairs.find(in: bytes) == expected, "\(text)")
            #expect(skipping.find(in: bytes) == expected, "\(text)")
            found += expected.nonzeroBitCount
            let expectedShort = Self.reference(shortList, bytes)
            #expect(short.find(in: bytes) == expectedShort, "\(text)")
            foundShort += expectedShort.nonzeroBitCount
        }
        #expect(found > 500 && foundShort > 500)
    }

    @Test("segments end at full stops that do not start a decimal")
    func segments() {
        #expect(Segments(Array("A 1.5 b. C.".utf8)).ends == [8, 11])
        #expect(Segments(Array("A 1.5 b. C.".utf8)).nonASCII == nil)
        #expect(Segments(Array("no stop".utf8)).ends == [7])
        #expect(Segments(Array("a. é. b. ü".utf8)).nonASCII == [false, true, false, true])
    }

    /// Segments cut a byte at a time, as the definition reads.
    static func referenceSegments(_ bytes: [UInt8]) -> (ends: [Int], nonASCII: [Bool]?) {
        var ends: [Int] = []
        var high: [Int] = []
        for (index, byte) in bytes.enumerated() {
            if byte == 0x2E && (index + 1 == bytes.count || !(0x30...0x39).contains(bytes[index + 1])) { ends.append(index + 1) }
            if byte >= 0x80 { high.append(ends.count) }  // the segment it falls in
        }
        if ends.last != bytes.count { ends.append(bytes.count) }
        return (ends, high.isEmpty ? nil : ends.indices.map { high.contains($0) })
    }

    @Test("segments found sixteen bytes at a time are those of a byte at a time (seeded)")
    func segmentsAgainstReference() {
        var generator = SplitMix(seed: Self.seed)
        let pieces = ["a", "word ", ".", "1", ". ", "3.5", "é", "…", "..", " "]
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let segments = Segments(bytes), expected = Self.referenceSegments(bytes)
            #expect(segments.ends == expected.ends && segments.nonASCII == expected.nonASCII, "\(text)")
        }
    }

    @Test("a window is split around its segments longer than a limit")
    func splitAroundLongSegments() {
        // Segments: "ab." 0..<3, " xxxxxxxxxx." 3..<15, " cd." 15..<19, " yyyyyyyyyyyy." 19..<33.
        let segments = Segments(Array(("ab. " + String(repeating: "x", count: 10) + ". cd. " + String(repeating: "y", count: 12) + ".").utf8))
        #expect(segments.ends == [3, 15, 19, 33])
        #expect(segments.split(0..<33, longerThan: 5).runs == [0..<3, 15..<19])
        #expect(segments.split(0..<33, longerThan: 5).long == [3..<15, 19..<33])
        #expect(segments.split(3..<19, longerThan: 5).runs == [15..<19])
        #expect(segments.split(3..<19, longerThan: 5).long == [3..<15])
        #expect(segments.split(15..<33, longerThan: 13).runs == [15..<19])
        #expect(segments.split(0..<3, longerThan: 5).runs == [0..<3])
        #expect(segments.split(0..<33, longerThan: 14).long.isEmpty)
    }

    @Test("windows keep the segments that hold every key, with their reach, merged where they touch")
    func windows() {
        let text = Array("Rates rose by 5 percent. Nothing here. It fell by 2 percent. Then 3 percent.".utf8)
        let segments = Segments(text)
        text.withUnsafeBufferPointer { bytes in
            #expect(segments.windows(keys: [Array("percent".utf8)], reach: 0, in: bytes) == [0..<24, 38..<76])
            #expect(segments.windows(keys: [Array("fell by".utf8), Array("percent".utf8)], reach: 0, in: bytes) == [38..<60])
            #expect(segments.windows(keys: [Array("fell by".utf8)], reach: 1, in: bytes) == [24..<60])
            #expect(segments.windows(keys: [Array("absent".utf8)], reach: 0, in: bytes) == [])
        }
    }

    /// `windows` written plainly: a segment is needed when its bytes hold every key (ASCII case ignored) or a non-ASCII
    /// byte; needed segments with their reach, merged where they touch.
    static func plainWindows(_ keys: [[UInt8]], reach: Int, _ text: [UInt8]) -> [Range<Int>] {
        let segments = Segments(text)
        var starts = [0] + segments.ends.dropLast()
        starts = Array(starts.prefix(segments.ends.count))
        let lowered = text.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
        func holds(_ piece: ArraySlice<UInt8>, _ key: [UInt8]) -> Bool {
            guard piece.count >= key.count else { return false }
            return (piece.startIndex...(piece.endIndex - key.count)).contains { piece[$0..<($0 + key.count)].elementsEqual(key) }
        }
        let needed = segments.ends.indices.map { segment in
            let piece = lowered[starts[segment]..<segments.ends[segment]]
            return piece.contains { $0 >= 0x80 } || keys.allSatisfy { holds(piece, $0) }
        }
        var runs: [Range<Int>] = []
        for segment in needed.indices where needed[segment] {
            let first = max(0, segment - reach)
            if let last = runs.last, first <= last.upperBound { runs[runs.count - 1] = last.lowerBound..<(segment + 1) } else { runs.append(first..<(segment + 1)) }
        }
        return runs.map { starts[$0.lowerBound]..<segments.ends[$0.upperBound - 1] }
    }

    @Test("windows are what the plain definition gives, for the samples' lines and seeded texts, over cues' keys")
    func windowsAgainstPlain() {
        // Every other cue alone (they share their pieces), and two sets of several keys.
        let keySets: [[[UInt8]]] = Self.cueList.enumerated().filter { $0.offset % 2 == 0 }.map { [$0.element] }
            + [[Array("per ".utf8), Array("million".utf8)], [Array("in".utf8), Array("pe".utf8)]]
        var wrong: [String] = []
        var found = 0
        for text in Self.texts() {
            // Sentences of the cue pieces, so that full stops cut segments between the keys.
            let bytes = Array(text.replacingOccurrences(of: " ", with: ". ", options: [], range: nil).utf8) + Array(text.utf8)
            for keys in keySets {
                for reach in 0...1 {
                    let windows = bytes.withUnsafeBufferPointer { Segments(bytes).windows(keys: keys, reach: reach, in: $0) }
                    if windows != Self.plainWindows(keys, reach: reach, bytes) { wrong.append(text) }
                    found += windows.count
                }
            }
        }
        #expect(wrong.isEmpty, "seed \(Self.seed): \(wrong.prefix(3))")
        #expect(found > 1000)
    }

    static let search = SentenceSearch([
        SentencePattern(cue: "percent of respondents", keys: [" percent of respondents"], regex: "([0-9]+(?:\\.[0-9]+)?) percent of respondents"),
        SentencePattern(cue: "this is compared with", keys: [" this is compared with a"], reach: 1,
                        regex: "(rose|fell) by ([0-9]+) percent[^.]*\\. This is compared with an? (rise|fall) of ([0-9]+) percent"),
    ])

    @Test("matches are found only where a cue is, and windowed matching agrees with whole paragraphs")
    func sentenceSearch() {
        let paragraph = "Of these, 41.5 percent of respondents agreed. Crime rose by 4 percent in the year. This is compared with a fall of 2 percent. é 7 percent of respondents."
        let cued = paragraph.utf8.withContiguousStorageIfAvailable { Self.search.cued(in: $0) }!
        #expect(cued == 0b11)
        let matches = Self.search.matches(cued, in: paragraph)
        #expect(matches.map(\.pattern) == [0, 0, 1])
        let units = UTF16Text(paragraph)
        #expect(units.substring(matches[0].ranges[1].location, NSMaxRange(matches[0].ranges[1])) == "41.5")
        #expect(units.substring(matches[1].ranges[1].location, NSMaxRange(matches[1].ranges[1])) == "7")
        #expect(matches[2].ranges.count == 5)
        #expect(units.substring(matches[2].ranges[4].location, NSMaxRange(matches[2].ranges[4])) == "2")
        #expect(Self.search.allMatches(in: paragraph, windowed: true) == Self.search.allMatches(in: paragraph, windowed: false))
        #expect(Self.search.matches(0, in: paragraph).isEmpty)
        #expect(Self.search.matches(0b01, in: "No cue here at all.").isEmpty)
    }

    /// A sentence past the limit, however many cues it holds, is reported and not searched; the sentences beside it are,
    /// also where one window holds them all.
    @Test("a sentence longer than the limit is left unsearched and named; the others are searched")
    func overlongSentence() throws {
        // Every piece holds the first pattern's key: the sentence before and the long one make one window.
        let opening = "Crime rose by 4 percent of respondents and "
        let long = String(repeating: opening, count: SentenceSearch.longestSentence / opening.utf8.count + 1)
        let before = "Of these, 41.5 percent of respondents agreed. "
        let paragraph = before + long + ". This is compared with a fall of 2 percent. 7 percent of respondents."
        let cued = try #require(paragraph.utf8.withContiguousStorageIfAvailable { Self.search.cued(in: $0) })
        let (matches, unsearched) = Self.search.search(cued, in: paragraph)
        #expect(matches.map(\.pattern) == [0, 0])
        let units = UTF16Text(paragraph)
        #expect(matches.map { units.substring($0.ranges[1].location, NSMaxRange($0.ranges[1])) } == ["41.5", "7"])
        // The long sentence is the segment after the first full stop, its space included, through its own full stop.
        let start = before.utf8.count - 1
        #expect(unsearched == [start..<(start + 1 + long.utf8.count + 1)])
        // One byte shorter than the limit, the same sentence is searched (and matches: "rose by 4 percent … fall of 2").
        let shorter = String(long.utf8.prefix(SentenceSearch.longestSentence - 2))!
        let searched = Self.search.search(cued, in: before + shorter + ". This is compared with a fall of 2 percent.")
        #expect(searched.unsearched.isEmpty)
        #expect(searched.matches.contains { $0.pattern == 1 })
    }

    /// A sentence runs from just after the full stop before it (its space included) through its own full stop.
    @Test("sentence bounds pass over abbreviations")
    func sentences() {
        let text = UTF16Text("First one. It says e.g. this and i.e. that. Last")
        let range = text.sentence(around: NSRange(location: 14, length: 3))
        #expect(text.substring(range.location, NSMaxRange(range)) == " It says e.g. this and i.e. that.")
        // "etc." and "no." (any case) close no sentence either; a word merely ending so ("piano.") does.
        let more = UTF16Text("Start. Pens, paper etc. and item No. 4 here. Then a piano. End")
        let middle = more.sentence(around: NSRange(location: 12, length: 3))
        #expect(more.substring(middle.location, NSMaxRange(middle)) == " Pens, paper etc. and item No. 4 here.")
        let piano = more.sentence(around: NSRange(location: 50, length: 3))
        #expect(more.substring(piano.location, NSMaxRange(piano)) == " Then a piano.")
    }

    /// `substring` reads ASCII texts on UTF-8 offsets (one unit a byte) and others through UTF-16 indices: both are held to
    /// NSString's substring over the same UTF-16 range, on seeded texts with and without non-ASCII (a two-unit scalar too).
    @Test("a UTF-16 range's substring is NSString's, in ASCII and other texts")
    func utf16Substrings() {
        var generator = SplitMix(seed: Self.seed)
        let pieces = ["Crime ", "rose ", "by 4.5", " percent", ". ", "é", "–", "😀", "x", " "]
        var compared = 0
        for round in 0..<500 {
            // Every other text is ASCII only.
            let pool = round.isMultiple(of: 2) ? pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } } : pieces
            let string = (0..<Int.random(in: 1...12, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
            let text = UTF16Text(string)
            // Offsets on scalar boundaries, as match and sentence bounds are.
            var bounds: [Int] = [0]
            for scalar in string.unicodeScalars { bounds.append(bounds.last! + scalar.utf16.count) }
            for _ in 0..<8 {
                let a = bounds.randomElement(using: &generator)!, b = bounds.randomElement(using: &generator)!
                let (start, end) = (min(a, b), max(a, b))
                let expected = (string as NSString).substring(with: NSRange(location: start, length: end - start))
                #expect(text.substring(start, end) == expected, "seed \(Self.seed): \(string.debugDescription) \(start)..<\(end)")
                compared += 1
            }
        }
        #expect(compared == 4000)
    }
}
