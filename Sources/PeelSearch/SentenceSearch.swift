public import Foundation
import PeelText
import Synchronization

/// A sentence pattern: a regular expression (NSRegularExpression syntax, matched ignoring case, with no anchors,
/// lookaround or word boundaries: see `Segments`), the cue a paragraph must hold for it to be tried, and the
/// literal pieces every match holds.
public struct SentencePattern: Sendable {
    /// Lowercase ASCII; at least 11 bytes keeps the cue scan skipping far (see `SkippingCueSet`).
    public let cue: String
    /// Lowercase literal pieces of the pattern, without full stops: every match in ASCII text holds them all in the
    /// segment it ends in.
    public let keys: [String]
    /// How many segments before that one a match may start in (the full stops the pattern spans).
    public let reach: Int
    public let regex: String

    public init(cue: String, keys: [String], reach: Int = 0, regex: String) {
        self.cue = cue
        self.keys = keys
        self.reach = reach
        self.regex = regex
    }
}

/// One match: which pattern, and its capture groups' ranges in UTF-16 offsets of the paragraph (group 0 is the
/// whole match; a group that took no part has location `NSNotFound`).
public struct SentenceMatch: Equatable, Sendable {
    public let pattern: Int
    public let ranges: [NSRange]
}

/// Finds sentence patterns in paragraphs: one pass over the bytes for every pattern's cue, then, for a pattern
/// whose cue is there, its regular expression over only the segments that hold its keys: by `ASCIIRegex` on the
/// bytes where those are ASCII (nearly always), else by NSRegularExpression, whose Unicode case folding they need.
/// The engine knows nothing of what the patterns mean; the domain gives them as data.
///
/// NSRegularExpression (not Swift Regex, which is far slower on Linux) matches one thread at a time on one object
/// (it guards a single ICU matcher), so each search holds sets of compiled patterns, one per thread using it.
public final class SentenceSearch: Sendable {
    public let patterns: [SentencePattern]
    private let cues: SkippingCueSet
    private let keys: [[[UInt8]]]
    /// Each pattern compiled for ASCII windows, where that gives NSRegularExpression's matches (nil: it is outside
    /// `ASCIIRegex`'s subset, and every window goes to NSRegularExpression).
    private let asciiPatterns: [ASCIIRegex?]
    /// Idle compiled sets: as many as searches ever ran at once. A lock per paragraph costs far less than the
    /// thread dictionary lookup it replaces.
    private let idle = Mutex<[CompiledPatterns]>([])

    public init(_ patterns: [SentencePattern]) {
        precondition(patterns.count <= 64, "one bit per pattern in a UInt64")
        self.patterns = patterns
        cues = SkippingCueSet(patterns.map { Array($0.cue.utf8) })
        keys = patterns.map { $0.keys.map { Array($0.utf8) } }
        asciiPatterns = patterns.map { ASCIIRegex($0.regex) }
    }

    /// A bit per pattern whose cue the text holds (bit i for `patterns[i]`).
    public func cued(in text: UnsafeBufferPointer<UInt8>) -> UInt64 { cues.find(in: text) }

    /// Sentences longer than this many bytes (from one full stop to the next) are not searched. A pattern's unbounded
    /// parts stop at a full stop, so a search costs up to the square of a sentence's length: a paragraph of 840 KB
    /// with no full stop, repeating a pattern's opening, took 12 seconds (NSRegularExpression, about two minutes). No
    /// report's sentence comes near it.
    public static let longestSentence = 16_384

    /// The matches of the patterns whose bits are set in `cued`, pattern by pattern, each in paragraph order.
    public func matches(_ cued: UInt64, in paragraph: String) -> [SentenceMatch] { search(cued, in: paragraph).matches }

    /// The matches, as `matches`, and the byte ranges of the sentences longer than `longestSentence` that were taken out
    /// of a window unsearched, each once, in the order they were met (the rest of the window is searched).
    public func search(_ cued: UInt64, in paragraph: String) -> (matches: [SentenceMatch], unsearched: [Range<Int>]) {
        guard cued != 0 else { return ([], []) }
        var storage = paragraph  // withUTF8 needs a variable; `paragraph` stays readable beside it
        return storage.withUTF8 { bytes in
            let segments = Segments(bytes)
            return withCompiled { compiled in
                var out: [SentenceMatch] = []
                var unsearched: [Range<Int>] = []
                for index in patterns.indices where cued & (UInt64(1) << index) != 0 {
                    for whole in segments.windows(keys: keys[index], reach: patterns[index].reach, in: bytes) {
                        // A match never spans an unsearched sentence, so the runs around one are searched apart.
                        let (runs, long) = segments.split(whole, longerThan: Self.longestSentence)
                        for sentence in long where !unsearched.contains(sentence) { unsearched.append(sentence) }
                        for window in runs {
                            let piece = UnsafeBufferPointer(rebasing: bytes[window])
                            if let ascii = asciiPatterns[index], ByteSearch.firstNonASCII(in: piece, from: 0) == piece.count {
                                out += matches(index, ascii, in: paragraph, window: window, bytes: piece)
                            } else {
                                out += matches(index, compiled, in: paragraph, window: window)
                            }
                        }
                    }
                }
                return (out, unsearched)
            }
        }
    }

    /// Every pattern's matches in a paragraph, matched in segment windows or, for reference, over the whole
    /// paragraph: tests hold the two equal.
    public func allMatches(in paragraph: String, windowed: Bool) -> [[SentenceMatch]] {
        if windowed {
            let all = matches(UInt64.max >> (64 - patterns.count), in: paragraph)
            return patterns.indices.map { index in all.filter { $0.pattern == index } }
        }
        return withCompiled { compiled in
            patterns.indices.map { index in
                compiled[index].matches(in: paragraph, range: NSRange(location: 0, length: paragraph.utf16.count)).map { found in
                    SentenceMatch(pattern: index, ranges: (0..<found.numberOfRanges).map { found.range(at: $0) })
                }
            }
        }
    }

    /// One pattern's matches in a window of the paragraph (byte offsets, starting on ASCII bytes), in offsets of the
    /// whole paragraph.
    private func matches(_ index: Int, _ compiled: CompiledPatterns, in paragraph: String, window: Range<Int>) -> [SentenceMatch] {
        let start = paragraph.utf8.index(paragraph.startIndex, offsetBy: window.lowerBound)
        let end = paragraph.utf8.index(paragraph.startIndex, offsetBy: window.upperBound)
        let shift = start.utf16Offset(in: paragraph)
        let piece = String(paragraph[start..<end])
        return compiled[index].matches(in: piece, range: NSRange(location: 0, length: piece.utf16.count)).map { found in
            SentenceMatch(pattern: index, ranges: (0..<found.numberOfRanges).map { group -> NSRange in
                let range = found.range(at: group)
                return range.location == NSNotFound ? range : NSRange(location: range.location + shift, length: range.length)
            })
        }
    }

    /// One pattern's matches in an ASCII window by `ASCIIRegex`, as NSRegularExpression reports them: ranges in
    /// UTF-16 offsets of the whole paragraph (in the window, one unit per byte), a group that took no part at
    /// `NSNotFound`.
    private func matches(_ index: Int, _ regex: ASCIIRegex, in paragraph: String, window: Range<Int>, bytes: UnsafeBufferPointer<UInt8>) -> [SentenceMatch] {
        let found = regex.matches(in: bytes)
        guard !found.isEmpty else { return [] }
        let shift = paragraph.utf8.index(paragraph.startIndex, offsetBy: window.lowerBound).utf16Offset(in: paragraph)
        return found.map { groups in
            SentenceMatch(pattern: index, ranges: groups.map { range in
                range.map { NSRange(location: $0.lowerBound + shift, length: $0.count) } ?? NSRange(location: NSNotFound, length: 0)
            })
        }
    }

    private func withCompiled<T>(_ body: (CompiledPatterns) -> T) -> T {
        let compiled = idle.withLock { $0.popLast() } ?? CompiledPatterns(patterns)
        defer { idle.withLock { $0.append(compiled) } }
        return body(compiled)
    }
}

/// The patterns' regular expressions, each compiled when first needed (most paragraphs need few). Unchecked
/// Sendable: a search hands a set to one thread at a time.
private final class CompiledPatterns: @unchecked Sendable {
    private let patterns: [SentencePattern]
    private var compiled: [NSRegularExpression?]

    init(_ patterns: [SentencePattern]) {
        self.patterns = patterns
        compiled = Array(repeating: nil, count: patterns.count)
    }

    subscript(index: Int) -> NSRegularExpression {
        if let regex = compiled[index] { return regex }
        // Patterns are literals of the program: a bad one is a programming error that every test run meets.
        let regex = try! NSRegularExpression(pattern: patterns[index].regex, options: [.caseInsensitive])
        compiled[index] = regex
        return regex
    }
}

/// A paragraph addressed in UTF-16 offsets, as NSRegularExpression reports them. NSString's substring and
/// character(at:) on a Swift string transcoded from the start each time; here substrings are cut from the
/// string itself and single units read from an array.
public struct UTF16Text: Sendable {
    public let string: String
    private let units: [UInt16]
    /// Every unit is an ASCII byte of `string`: a UTF-16 offset is then a UTF-8 one.
    private let isASCII: Bool

    public init(_ string: String) {
        self.string = string
        // ASCII (most paragraphs): one unit per byte, widened in one pass.
        if let units = string.utf8.withContiguousStorageIfAvailable({ bytes -> [UInt16]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return [UInt16](unsafeUninitializedCapacity: bytes.count) { out, count in
                for index in 0..<bytes.count { out[index] = UInt16(bytes[index]) }
                count = bytes.count
            }
        }) ?? nil {
            self.units = units
            isASCII = true
        } else {
            units = Array(string.utf16)
            isASCII = false
        }
    }

    /// The text between two UTF-16 offsets (match and sentence bounds, which never split a scalar). In ASCII text the
    /// offsets are UTF-8 ones, whose indices are made in constant time (`String.Index(utf16Offset:in:)` cost some 600
    /// instructions a call: callgrind).
    public func substring(_ start: Int, _ end: Int) -> String {
        guard isASCII else {
            return String(string[String.Index(utf16Offset: start, in: string)..<String.Index(utf16Offset: end, in: string)])
        }
        let utf8 = string.utf8
        return String(string[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
    }

    /// The UTF-16 unit at an offset.
    public func unit(at offset: Int) -> UInt16 { units[offset] }

    /// From the sentence start before `range` to the sentence end after it.
    public func sentence(around range: NSRange) -> NSRange {
        var start = range.location
        while start > 0 {
            if isSentenceEnd(at: start - 1) { break }
            start -= 1
        }
        var end = range.location + range.length
        while end < units.count {
            if isSentenceEnd(at: end) { end += 1; break }
            end += 1
        }
        return NSRange(location: start, length: end - start)
    }

    /// A full stop followed by a space or the end, that does not close an abbreviation ("i.e.", "e.g.").
    private func isSentenceEnd(at index: Int) -> Bool {
        guard units[index] == 0x2E, index + 1 == units.count || units[index + 1] == 0x20 else { return false }
        let window = units[max(0, index - 4)..<index]
        guard window.allSatisfy({ $0 < 0x80 }) else {
            let before = String(decoding: window, as: UTF16.self).lowercased()
            return !(before.hasSuffix("i.e") || before.hasSuffix("e.g") || before.hasSuffix(" etc") || before.hasSuffix(" no"))
        }
        // ASCII: the four units before, lowercased, compared unit by unit (with the suffixes as constants: made from
        // strings at each full stop, their arrays were most of this test; perf).
        func endsWith(_ suffix: [UInt16]) -> Bool {
            guard window.count >= suffix.count else { return false }
            return zip(window.suffix(suffix.count), suffix).allSatisfy { UInt16(ASCIIBytes.lower(UInt8($0))) == $1 }
        }
        return !Self.abbreviationEnds.contains(where: endsWith)
    }

    /// What ends the abbreviations a full stop may close ("i.e.", "e.g.", "etc.", "no."), lowercase.
    private static let abbreviationEnds: [[UInt16]] = ["i.e", "e.g", " etc", " no"].map { Array($0.utf16) }
}
