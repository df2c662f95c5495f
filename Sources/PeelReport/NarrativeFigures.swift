import Foundation
import PeelText
import Synchronization

/// Statistics stated in sentences: "recorded 17,130 incidents of anti-social behaviour", "fell by 9 percent …
/// compared with a reduction of 13 percent across all forces", "87.4 percent were satisfied", "36 arrests …
/// England and Wales rate of 46", "Custody was used as a place of safety 63 times … 107.9 … per 100,000 … 17.5".
///
/// Paragraphs are rebuilt from wrapped lines first, so hard-wrapped text reads the same; each match names the
/// line its number stands on. NSRegularExpression (not Swift Regex, which is far slower on Linux) runs only on
/// paragraphs that hold a cue word.
enum NarrativeFigures {
    /// A sentence pattern and what its capture groups mean.
    private struct Pattern: Sendable {
        let cue: String
        let cueBytes: [UInt8]
        let source: String
        /// Literal pieces of the pattern, lowercase, without full stops: every match in ASCII text holds them
        /// all in the segment it ends in (see `windows`).
        let keys: [[UInt8]]
        /// How many segments before that one a match may start in.
        let reach: Int
        let read: @Sendable (Match) -> [Figure]

        init(cue: String, keys: [String], reach: Int = 0, _ pattern: String, read: @escaping @Sendable (Match) -> [Figure]) {
            self.cue = cue
            cueBytes = Array(cue.utf8)
            self.keys = keys.map { Array($0.utf8) }
            self.reach = reach
            source = pattern
            self.read = read
        }
    }

    /// One match: its captured numbers with their source lines, and the periods its sentence names.
    struct Match {
        let groups: [String?]
        let groupLines: [Int]
        let periods: [Period]
        let sentence: String

        func word(_ group: Int) -> String { groups[group]?.lowercased() ?? "" }

        func figure(_ area: Area, _ metric: String, _ group: Int, sign: Double = 1, period: Period? = nil) -> Figure? {
            guard let printed = groups[group].flatMap({ PrintedNumber($0) }) else { return nil }
            return Figure(area: area, metric: metric, value: printed.value * sign, decimals: printed.decimals, unit: Metric.unit(metric),
                          period: period ?? periods.last ?? Period(), source: .narrative, line: groupLines[group])
        }
    }

    private static func sign(_ word: String) -> Double {
        ["fell", "decreased", "reduced", "reduction", "decrease", "fall", "fewer", "lower"].contains(word) ? -1 : 1
    }

    private static let number = "([0-9][0-9,]*(?:\\.[0-9]+)?)"
    private static let change = "(fell|decreased|reduced|increased|rose)"
    private static let comparison = "(reduction|decrease|fall|increase|rise)"

    private static let patterns = makePatterns()

    /// The cues of `patterns`, found in one pass.
    static let cues = SkippingCueSet(patterns.map(\.cueBytes))

    /// Compiled patterns, each compiled when first needed (most entries need few), for one extraction at a time:
    /// NSRegularExpression serialises matching on one object behind a lock (it guards a single ICU matcher), so
    /// workers sharing one set took turns. Unchecked Sendable: the pool hands a set to one thread at a time.
    private final class Regexes: @unchecked Sendable {
        private var compiled = [NSRegularExpression?](repeating: nil, count: patterns.count)

        subscript(index: Int) -> NSRegularExpression {
            if let regex = compiled[index] { return regex }
            // The patterns are literals of this file: a bad one is a programming error caught by every test run.
            let regex = try! NSRegularExpression(pattern: patterns[index].source, options: [.caseInsensitive])
            compiled[index] = regex
            return regex
        }
    }

    /// Idle sets: as many as extractions ever ran at once. A lock per entry costs far less than the thread
    /// dictionary lookup it replaces.
    private static let idle = Mutex<[Regexes]>([])

    private static func withRegexes<T>(_ body: (Regexes) -> T) -> T {
        let regexes = idle.withLock { $0.popLast() } ?? Regexes()
        defer { idle.withLock { $0.append(regexes) } }
        return body(regexes)
    }

    private static func makePatterns() -> [Pattern] { [
        Pattern(cue: "incidents of anti-social behaviour", keys: ["recorded ", " incidents of anti-social behaviour"], "recorded \(number) incidents of anti-social behaviour") { match in
            [match.figure(.force, "asb_incidents_count", 1)].compactMap { $0 }
        },
        Pattern(cue: "incidents than the force recorded", keys: [" percent ", " incidents than the force recorded"], "\(number) percent (fewer|more) incidents than the force recorded") { match in
            [match.figure(.force, "asb_incidents_change_1y_pct", 1, sign: sign(match.word(2)))].compactMap { $0 }
        },
        Pattern(cue: "across england and wales, there were", keys: ["across england and wales, there were ", " percent "], "across England and Wales, there were \(number) percent (fewer|more) incidents") { match in
            [match.figure(.englandAndWales, "asb_incidents_change_1y_pct", 1, sign: sign(match.word(2)))].compactMap { $0 }
        },
        // "… fell by 9 percent in Dyfed-Powys compared with a reduction of 13 percent across all forces …"
        Pattern(cue: "percent in ", keys: [" percent in ", " compared with a"], "\(change) by \(number) percent in [^,.]{1,60}?,? compared with an? \(comparison) of \(number) percent") { match in
            guard let metric = crimeChangeMetric(match.sentence) else { return [] }
            return [match.figure(.force, metric, 2, sign: sign(match.word(1))),
                    match.figure(.englandAndWales, metric, 4, sign: sign(match.word(3)))].compactMap { $0 }
        },
        // "… increased by 7 percent for the 12 months to 30 June 2015. This is compared with an increase of 4 percent …"
        Pattern(cue: "this is compared with", keys: [" this is compared with a", " percent"], reach: 1, "\(change) by \(number) percent for the 12 months to [^.]+\\. This is compared with an? \(comparison) of \(number) percent") { match in
            guard match.sentence.lowercased().contains("recorded crime") else { return [] }
            return [match.figure(.force, "recorded_crime_change_1y_pct", 2, sign: sign(match.word(1))),
                    match.figure(.englandAndWales, "recorded_crime_change_1y_pct", 4, sign: sign(match.word(3)))].compactMap { $0 }
        },
        Pattern(cue: "organised crime groups", keys: ["monitoring ", " organised crime groups"], "monitoring \(number) organised crime groups") { match in
            [match.figure(.force, "ocg_count", 1)].compactMap { $0 }
        },
        Pattern(cue: "per one million", keys: ["represents ", " ocgs per one million"], "represents \(number) OCGs per one million") { match in
            [match.figure(.force, "ocg_per_million", 1)].compactMap { $0 }
        },
        Pattern(cue: "per one million", keys: ["had ", " mapped organised crime groups per one million"], "had \(number) mapped organised crime groups per one million") { match in
            [match.figure(.force, "ocg_per_million", 1)].compactMap { $0 }
        },
        Pattern(cue: "per one million", keys: ["england and wales rate of ", " organised crime groups per one million"], "England and Wales rate of \(number) organised crime groups per one million") { match in
            [match.figure(.englandAndWales, "ocg_per_million", 1)].compactMap { $0 }
        },
        Pattern(cue: "predominant crime type", keys: ["'drug activity' was the predominant crime type ("], "'Drug activity' was the predominant crime type \\(\(number) percent\\)") { match in
            [match.figure(.force, "ocg_predominant_drugs_pct", 1)].compactMap { $0 }
        },
        Pattern(cue: "classified in this way", keys: ["with ", " percent of all ocgs classified in this way"], "with \(number) percent of all OCGs classified in this way") { match in
            [match.figure(.englandAndWales, "ocg_predominant_drugs_pct", 1)].compactMap { $0 }
        },
        Pattern(cue: "were satisfied", keys: [" percent were satisfied"], "\(number) percent were satisfied") { match in
            [match.figure(.force, "victim_satisfaction_pct", 1)].compactMap { $0 }
        },
        Pattern(cue: "national victim satisfaction rate", keys: ["national victim satisfaction rate of "], "national victim satisfaction rate of \(number) percent") { match in
            [match.figure(.englandAndWales, "victim_satisfaction_pct", 1)].compactMap { $0 }
        },
        Pattern(cue: "arrests made", keys: ["for every 100 domestic abuse", " arrests made", "(this compares with the england and wales rate of "], "For every 100 domestic abuse[^.]{0,60}? there were \(number) arrests made[^.(]*\\(this compares with the England and Wales rate of \(number)\\)") { match in
            [match.figure(.force, "domestic_abuse_arrests_per_100_offences", 1),
             match.figure(.englandAndWales, "domestic_abuse_arrests_per_100_offences", 2)].compactMap { $0 }
        },
        Pattern(cue: "place of safety", keys: ["used as a place of safety ", " uses as a place of safety per 100,000 population (compared with an england and wales rate of "], "used as a place of safety \(number) times[^.]*? which represents \(number) uses as a place of safety per 100,000 population \\(compared with an England and Wales rate of \(number)\\)") { match in
            [match.figure(.force, "custody_place_of_safety_count", 1),
             match.figure(.force, "custody_place_of_safety_per_100000", 2),
             match.figure(.englandAndWales, "custody_place_of_safety_per_100000", 3)].compactMap { $0 }
        },
    ] }

    /// Which change a crime sentence reports: victim-based crime (five years), or recorded crime over five
    /// years or one, told apart by the years it compares.
    private static func crimeChangeMetric(_ sentence: String) -> String? {
        let lower = sentence.lowercased()
        if lower.contains("victim-based crime") { return "victim_based_crime_change_5y_pct" }
        guard lower.contains("recorded crime") else { return nil }
        if Dates.spanInYears(sentence) == 5 { return "recorded_crime_change_5y_pct" }
        return lower.contains("previous year") ? "recorded_crime_change_1y_pct" : nil
    }

    static func extract(_ lines: [NormalisedLine]) -> [Figure] {
        withRegexes { extract(lines, $0) }
    }

    private static func extract(_ lines: [NormalisedLine], _ regexes: Regexes) -> [Figure] {
        var figures: [Figure] = []
        let all = patterns
        // Paragraphs that may name a period, read only when a sentence needs the last period before it.
        var periodHistory = PeriodHistory()
        let paragraphs = paragraphs(lines)
        for (position, paragraph) in paragraphs.enumerated() {
            // Cue words are searched in the paragraph's bytes, all in one pass: Foundation's String search was
            // most of the parse time. The regexes only run where a cue is found.
            let found = paragraph.text.utf8.withContiguousStorageIfAvailable { cues.find(in: $0) } ?? cues.find(in: Array(paragraph.text.utf8))
            periodHistory.append(cued: found != 0)
            // Most paragraphs hold no cue: nothing to match.
            if found == 0 { continue }
            let matching = all.indices.filter { found & (UInt64(1) << $0) != 0 }
            let bytes = Array(paragraph.text.utf8)
            let segments = Segments(bytes)
            var text: UTF16Text?
            for index in matching {
                for ranges in matches(all[index], regexes, index, in: paragraph.text, bytes: bytes, segments: segments) {
                    if text == nil { text = UTF16Text(paragraph.text) }
                    figures += read(all[index], ranges, in: paragraph, text!) {
                        periodHistory.latest(before: position, in: paragraphs)
                    }
                }
            }
        }
        return figures
    }

    /// A pattern's matches in a paragraph, each as its group ranges in UTF-16 offsets of the paragraph.
    private static func matches(_ pattern: Pattern, _ regexes: Regexes, _ index: Int, in paragraph: String, bytes: [UInt8],
                                segments: Segments) -> [[NSRange]] {
        var out: [[NSRange]] = []
        for window in windows(for: pattern, in: bytes, segments: segments) {
            // Offsets in the window → offsets in the paragraph (windows start on ASCII bytes).
            let start = paragraph.utf8.index(paragraph.startIndex, offsetBy: window.lowerBound)
            let end = paragraph.utf8.index(paragraph.startIndex, offsetBy: window.upperBound)
            let shift = start.utf16Offset(in: paragraph)
            let piece = String(paragraph[start..<end])
            for found in regexes[index].matches(in: piece, range: NSRange(location: 0, length: piece.utf16.count)) {
                out.append((0..<found.numberOfRanges).map { index -> NSRange in
                    let range = found.range(at: index)
                    return range.location == NSNotFound ? range : NSRange(location: range.location + shift, length: range.length)
                })
            }
        }
        return out
    }

    /// Every pattern's matches in a paragraph, matched in segment windows or, for reference, over the whole
    /// paragraph as before windows: tests hold the two equal.
    static func allMatches(in paragraph: String, windowed: Bool) -> [[[NSRange]]] {
        let bytes = Array(paragraph.utf8)
        let segments = Segments(bytes)
        return withRegexes { regexes in
            patterns.indices.map { index in
                if windowed { return matches(patterns[index], regexes, index, in: paragraph, bytes: bytes, segments: segments) }
                return regexes[index].matches(in: paragraph, range: NSRange(location: 0, length: paragraph.utf16.count)).map { found in
                    (0..<found.numberOfRanges).map { found.range(at: $0) }
                }
            }
        }
    }

    /// The figures of one match, given its group ranges in the paragraph.
    private static func read(_ pattern: Pattern, _ ranges: [NSRange], in paragraph: Paragraph, _ text: UTF16Text,
                             earlierPeriods: () -> [Period]) -> [Figure] {
        let sentenceRange = sentence(around: ranges[0], in: text)
        let sentence = text.substring(sentenceRange.location, sentenceRange.location + sentenceRange.length)
        // The period a sentence names; else the nearest one before it in its paragraph ("over the same
        // time period"); else the last one of the paragraph before ("Over this same period, …").
        var periods = Dates.periods(in: sentence)
        if periods.isEmpty {
            periods = Array(Dates.periods(in: text.substring(0, ranges[0].location)).suffix(1))
        }
        if periods.isEmpty { periods = Array(earlierPeriods().suffix(1)) }
        let groups = ranges.map { range -> String? in
            range.location == NSNotFound ? nil : text.substring(range.location, range.location + range.length)
        }
        let groupLines = ranges.map { paragraph.line(atUTF16: max(0, $0.location)) }
        return pattern.read(Match(groups: groups, groupLines: groupLines, periods: periods, sentence: sentence))
    }

    /// A paragraph cut after each full stop not followed by a digit, and at its end. No pattern matches such a full
    /// stop except the one "this is compared with" spans, so a match lies within one segment (or two, that one), and
    /// since no pattern has anchors, lookaround or word boundaries, matching segments alone finds the same matches
    /// as matching the paragraph (which transcoded and searched all of it per pattern).
    struct Segments {
        /// Where each segment ends, in bytes.
        let ends: [Int]
        /// Which segments hold a byte ≥ 0x80; nil when none does (most paragraphs).
        let nonASCII: [Bool]?

        init(_ bytes: [UInt8]) {
            var ends: [Int] = []
            var nonASCII: [Bool]?
            bytes.withUnsafeBufferPointer { bytes in
                for index in bytes.indices {
                    let byte = bytes[index]
                    if byte == 0x2E, index + 1 == bytes.count || bytes[index + 1] &- 0x30 > 9 {
                        ends.append(index + 1)
                    } else if byte >= 0x80 {
                        if nonASCII == nil { nonASCII = [] }
                        while nonASCII!.count < ends.count { nonASCII!.append(false) }
                        if nonASCII!.count == ends.count { nonASCII!.append(true) }
                    }
                }
            }
            if ends.last != bytes.count { ends.append(bytes.count) }
            if nonASCII != nil { while nonASCII!.count < ends.count { nonASCII!.append(false) } }
            self.ends = ends
            self.nonASCII = nonASCII
        }
    }

    /// The byte ranges of a paragraph to run a pattern on: runs of segments that hold all its keys, or a non-ASCII
    /// byte (Unicode case folding lets "ſ" or "ﬁ" match letters of a key the ASCII search does not see), each with
    /// the `reach` segments before it. Most paragraphs with a cue hold no match, and a regex call costs far more
    /// than the search. Runs that touch are merged, so matches come out in paragraph order.
    static func windows(keys: [[UInt8]], reach: Int, in bytes: [UInt8], segments: Segments) -> [Range<Int>] {
        let ends = segments.ends
        var needed = [Bool](repeating: true, count: ends.count)
        var any = true
        for key in keys where any { any = holding(key, in: bytes, ends: ends, into: &needed) }
        if let nonASCII = segments.nonASCII {
            for segment in nonASCII.indices where nonASCII[segment] { needed[segment] = true }
        } else if !any {
            return []
        }
        var runs: [Range<Int>] = []  // in segments
        for segment in needed.indices where needed[segment] {
            let first = max(0, segment - reach)
            if let last = runs.last, first <= last.upperBound {
                runs[runs.count - 1] = last.lowerBound..<(segment + 1)
            } else {
                runs.append(first..<(segment + 1))
            }
        }
        return runs.map { ($0.lowerBound == 0 ? 0 : ends[$0.lowerBound - 1])..<ends[$0.upperBound - 1] }
    }

    private static func windows(for pattern: Pattern, in bytes: [UInt8], segments: Segments) -> [Range<Int>] {
        windows(keys: pattern.keys, reach: pattern.reach, in: bytes, segments: segments)
    }

    /// Clears `needed` for each segment that does not hold `key` (ignoring ASCII case), and says whether any
    /// segment is still needed. Keys hold no full stop, so an occurrence lies in one segment.
    private static func holding(_ key: [UInt8], in bytes: [UInt8], ends: [Int], into needed: inout [Bool]) -> Bool {
        var found = [Bool](repeating: false, count: ends.count)
        guard bytes.count >= key.count else {
            for segment in needed.indices { needed[segment] = false }
            return false
        }
        // Keys are at least two bytes: two bytes compared with case bits set (a cheap filter; letters of either
        // case pass, and so do a few other bytes), then the whole key exactly.
        let first = key[0] | 0x20, second = key[1] | 0x20
        bytes.withUnsafeBufferPointer { text in
            key.withUnsafeBufferPointer { key in
                var segment = 0
                for index in 0...(text.count - key.count) where text[index] | 0x20 == first && text[index + 1] | 0x20 == second {
                    var offset = 0
                    while offset < key.count && ASCIIBytes.lower(text[index + offset]) == key[offset] { offset += 1 }
                    guard offset == key.count else { continue }
                    while index >= ends[segment] { segment += 1 }
                    found[segment] = true
                }
            }
        }
        var any = false
        for segment in needed.indices {
            if !found[segment] { needed[segment] = false }
            any = any || needed[segment]
        }
        return any
    }

    /// Words that say a paragraph names a period: it may be the one a later sentence refers to.
    private static let periodCues = CueSet([Array("months to".utf8), Array("as at ".utf8)])

    /// The periods of earlier paragraphs, read lazily: most paragraphs that might name one are never needed.
    /// A paragraph counts if it holds a pattern's cue or a period cue; the period cues are only looked for
    /// here, so the scan every paragraph gets has no short cue to slow it ("as at " would cap its skips at 5).
    private struct PeriodHistory {
        private var known: [Period] = []
        /// Whether each paragraph so far held a pattern's cue.
        private var cued: [Bool] = []
        /// Paragraphs before this one have been read (or passed over for a later one that names a period).
        private var readBefore = 0

        mutating func append(cued: Bool) { self.cued.append(cued) }

        /// The periods of the latest paragraph before `position` that counts and names any.
        mutating func latest(before position: Int, in paragraphs: [Paragraph]) -> [Period] {
            var index = position - 1
            while index >= readBefore {
                let text = paragraphs[index].text
                if cued[index] || (text.utf8.withContiguousStorageIfAvailable { periodCues.find(in: $0) } ?? periodCues.find(in: Array(text.utf8))) != 0 {
                    let periods = Dates.periods(in: text)
                    if !periods.isEmpty {
                        known = periods
                        break
                    }
                }
                index -= 1
            }
            readBefore = position
            return known
        }
    }

    /// Which of up to 64 lowercase cues, all at least `minimum` bytes, a text holds, ignoring ASCII case. Wu and
    /// Manber's skip: a window of `minimum` bytes is slid along the text, and the pair of bytes at its end says how
    /// far it may move without passing a cue's first `minimum` bytes; only pairs that end such a prefix stop it,
    /// and then the cues that end that way are compared. With no cue shorter than 11 bytes most pairs move it 10
    /// bytes, where a byte-by-byte scan looked up every position. The key is each byte's low five bits, the same
    /// for a letter in either case (other bytes share keys too, which only shortens skips).
    struct SkippingCueSet: Sendable {
        private let cues: [[UInt8]]
        private let minimum: Int
        private var shifts = [UInt8](repeating: 0, count: 1024)
        private var ends = [UInt64](repeating: 0, count: 1024)

        init(_ cues: [[UInt8]]) {
            precondition(cues.count <= 64 && cues.allSatisfy { $0.count >= 2 })
            self.cues = cues
            minimum = cues.map(\.count).min()!
            precondition(minimum <= 256)
            for key in shifts.indices { shifts[key] = UInt8(minimum - 1) }
            for (index, cue) in cues.enumerated() {
                for end in 1..<minimum {
                    let key = Self.key(cue[end - 1], cue[end])
                    shifts[key] = min(shifts[key], UInt8(minimum - 1 - end))
                }
                ends[Self.key(cue[minimum - 2], cue[minimum - 1])] |= UInt64(1) << index
            }
        }

        @inline(__always)
        private static func key(_ first: UInt8, _ second: UInt8) -> Int {
            Int(first & 31) << 5 | Int(second & 31)
        }

        /// A bit per cue found, in the order given.
        func find(in text: UnsafeBufferPointer<UInt8>) -> UInt64 {
            guard text.count >= minimum else { return 0 }
            return shifts.withUnsafeBufferPointer { shifts in
                ends.withUnsafeBufferPointer { ends in
                    var found: UInt64 = 0
                    var end = minimum - 1  // the window's last byte
                    while end < text.count {
                        let key = Self.key(text[end - 1], text[end])
                        let shift = Int(shifts[key])
                        if shift != 0 {
                            end += shift
                            continue
                        }
                        var candidates = ends[key] & ~found
                        while candidates != 0 {
                            let cue = candidates.trailingZeroBitCount
                            candidates &= candidates - 1
                            if cueMatches(cues[cue], text, at: end + 1 - minimum) { found |= UInt64(1) << cue }
                        }
                        end += 1
                    }
                    return found
                }
            }
        }

        func find(in text: [UInt8]) -> UInt64 { text.withUnsafeBufferPointer { find(in: $0) } }

    }

    /// Which of up to 64 lowercase cues a text holds, ignoring ASCII case, in one pass: tables keyed by a pair of
    /// adjacent bytes say which cues could start there and which have that pair two bytes on (17 separate scans
    /// were a fifth of the parse; the second pair keeps common starts like "in" and "th" from being compared).
    /// The key is each byte's low five bits, the same for a letter in either case.
    struct CueSet {
        private let cues: [[UInt8]]
        private var starts = [UInt64](repeating: 0, count: 1024)
        private var thirds = [UInt64](repeating: 0, count: 1024)

        init(_ cues: [[UInt8]]) {
            precondition(cues.count <= 64 && cues.allSatisfy { $0.count >= 4 })
            self.cues = cues
            for (index, cue) in cues.enumerated() {
                starts[Self.key(cue[0], cue[1])] |= UInt64(1) << index
                thirds[Self.key(cue[2], cue[3])] |= UInt64(1) << index
            }
        }

        @inline(__always)
        private static func key(_ first: UInt8, _ second: UInt8) -> Int {
            Int(first & 31) << 5 | Int(second & 31)
        }

        /// A bit per cue found, in the order given.
        func find(in text: UnsafeBufferPointer<UInt8>) -> UInt64 {
            guard text.count >= 4 else { return 0 }
            return starts.withUnsafeBufferPointer { starts in
                thirds.withUnsafeBufferPointer { thirds in
                    var found: UInt64 = 0
                    for index in 0..<(text.count - 3) {
                        var candidates = starts[Self.key(text[index], text[index + 1])]
                        guard candidates != 0 else { continue }
                        candidates &= thirds[Self.key(text[index + 2], text[index + 3])] & ~found
                        while candidates != 0 {
                            let cue = candidates.trailingZeroBitCount
                            candidates &= candidates - 1
                            if cueMatches(cues[cue], text, at: index) { found |= UInt64(1) << cue }
                        }
                    }
                    return found
                }
            }
        }

        func find(in text: [UInt8]) -> UInt64 { text.withUnsafeBufferPointer { find(in: $0) } }

    }

    /// A paragraph addressed in UTF-16 offsets, as NSRegularExpression reports them. NSString's substring and
    /// character(at:) on a Swift string transcoded from the start each time; here substrings are cut from the
    /// string itself and single units read from an array.
    struct UTF16Text {
        let string: String
        let units: [UInt16]

        init(_ string: String) {
            self.string = string
            // ASCII (most paragraphs): one unit per byte, widened in one pass.
            if string.isASCII, let units = string.utf8.withContiguousStorageIfAvailable({ bytes in
                [UInt16](unsafeUninitializedCapacity: bytes.count) { out, count in
                    for index in 0..<bytes.count { out[index] = UInt16(bytes[index]) }
                    count = bytes.count
                }
            }) {
                self.units = units
            } else {
                units = Array(string.utf16)
            }
        }

        /// The text between two UTF-16 offsets (match and sentence bounds, which never split a scalar).
        func substring(_ start: Int, _ end: Int) -> String {
            String(string[String.Index(utf16Offset: start, in: string)..<String.Index(utf16Offset: end, in: string)])
        }
    }

    /// From the sentence start before `range` to the sentence end after it.
    private static func sentence(around range: NSRange, in text: UTF16Text) -> NSRange {
        var start = range.location
        while start > 0 {
            if isSentenceEnd(text, at: start - 1) { break }
            start -= 1
        }
        var end = range.location + range.length
        while end < text.units.count {
            if isSentenceEnd(text, at: end) { end += 1; break }
            end += 1
        }
        return NSRange(location: start, length: end - start)
    }

    /// A full stop followed by a space or the end, that does not close an abbreviation ("i.e.", "e.g.").
    private static func isSentenceEnd(_ text: UTF16Text, at index: Int) -> Bool {
        let units = text.units
        guard units[index] == 0x2E, index + 1 == units.count || units[index + 1] == 0x20 else { return false }
        let window = units[max(0, index - 4)..<index]
        guard window.allSatisfy({ $0 < 0x80 }) else {
            let before = String(decoding: window, as: UTF16.self).lowercased()
            return !(before.hasSuffix("i.e") || before.hasSuffix("e.g") || before.hasSuffix(" etc") || before.hasSuffix(" no"))
        }
        // ASCII: the four units before, lowercased, compared unit by unit.
        func endsWith(_ suffix: String) -> Bool {
            let suffix = Array(suffix.utf16)
            guard window.count >= suffix.count else { return false }
            return zip(window.suffix(suffix.count), suffix).allSatisfy { UInt16(ASCIIBytes.lower(UInt8($0))) == $1 }
        }
        return !(endsWith("i.e") || endsWith("e.g") || endsWith(" etc") || endsWith(" no"))
    }

    /// Prose paragraphs: runs of non-blank lines that are neither headings nor table rows, joined with spaces.
    struct Paragraph {
        var text = ""
        /// (UTF-16 offset where a source line starts in `text`, its line number).
        var starts: [(offset: Int, line: Int)] = []

        func line(atUTF16 offset: Int) -> Int {
            var result = starts.first?.line ?? 0
            for start in starts where start.offset <= offset { result = start.line }
            return result
        }
    }

    static func paragraphs(_ lines: [NormalisedLine]) -> [Paragraph] {
        var out: [Paragraph] = []
        var current = Paragraph()
        func flush() {
            if !current.text.isEmpty { out.append(current) }
            current = Paragraph()
        }
        var length = 0  // current.text.utf16.count, kept as lines are added (counting it anew is quadratic)
        for line in lines {
            if line.isBlank || line.isHeading || line.text.isTableRow {
                flush()
                length = 0
                continue
            }
            if current.starts.isEmpty { current.starts.reserveCapacity(8) }
            if !current.text.isEmpty {
                current.text += " "
                length += 1
            }
            current.starts.append((length, line.number))
            current.text += line.text
            length += line.text.utf16.count
        }
        flush()
        return joinBrokenSentences(out)
    }

    /// PDF extraction breaks a sentence at a page end: "… per one million population;" then the footnotes,
    /// then "this is slightly lower than …". A paragraph that starts in lower case continues the last
    /// paragraph that did not end a sentence, skipping footnotes ("16 When a police force …") between them.
    private static func joinBrokenSentences(_ paragraphs: [Paragraph]) -> [Paragraph] {
        var out: [Paragraph] = []
        for paragraph in paragraphs {
            if startsLowercase(paragraph.text),
               let target = out.lastIndex(where: { !isFootnote($0.text) }), out.count - target <= 4,
               let last = out[target].text.last, !".!?:".contains(last) {
                let offset = out[target].text.utf16.count + 1
                out[target].text += " " + paragraph.text
                out[target].starts += paragraph.starts.map { ($0.offset + offset, $0.line) }
                continue
            }
            out.append(paragraph)
        }
        return out
    }

    /// `text.first?.isLowercase`, read from the bytes when the first character is a lone ASCII byte.
    private static func startsLowercase(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first else { return false }
        // An ASCII byte is a whole character unless a combining mark (non-ASCII) or CR LF follows.
        if first < 0x80 && first != 0x0D, bytes.count == 1 || bytes[bytes.index(after: bytes.startIndex)] < 0x80 {
            return first >= 0x61 && first <= 0x7A
        }
        return text.first!.isLowercase
    }

    private static func isFootnote(_ text: String) -> Bool {
        let digits = text.prefix { $0.isASCIIDigit }
        return !digits.isEmpty && digits.count <= 3 && text.dropFirst(digits.count).first == " "
    }
}

/// A lowercase cue at `index` of a text, ignoring ASCII case (both cue sets confirm their candidates with it).
private func cueMatches(_ cue: [UInt8], _ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    guard index + cue.count <= text.count else { return false }
    for offset in 0..<cue.count where ASCIIBytes.lower(text[index + offset]) != cue[offset] { return false }
    return true
}
