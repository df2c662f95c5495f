import Foundation
import PeelSearch
import PeelTestSupport
import Testing

/// The byte regex engine alone, against NSRegularExpression (ICU), which it stands in for on ASCII windows: the same
/// matches, groups and order on every text, and no compiled pattern outside its subset.
@Suite struct ASCIIRegexTests {
    /// The seed comes from PEEL_REGEX_SEED when set (to replay a failure), else a fixed one, so CI is repeatable.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["PEEL_REGEX_SEED"].flatMap { UInt64($0) } ?? 20261201

    /// Patterns that exercise each construct, alone and together: backtracking into alternatives and out of greedy
    /// and lazy repeats, optional and repeated groups, captures that take no part, classes, escapes, bounds.
    static let patterns = [
        "(fell|decreased|reduced|increased|rose) by ([0-9][0-9,]*(?:\\.[0-9]+)?) percent in [^,.]{1,60}?,? compared with an? (reduction|decrease|fall|increase|rise) of ([0-9][0-9,]*(?:\\.[0-9]+)?) percent",
        "([0-9][0-9,]*(?:\\.[0-9]+)?) percent (fewer|more) incidents",
        "by ([0-9]+) percent for the 12 months to [^.]+\\. This is compared with an? (rise|fall) of ([0-9]+) percent",
        "times[^.]*? which represents ([0-9]+) uses \\(compared with an England rate of ([0-9.]+)\\)",
        "a(b|bc)c", "(a+)(a*)b", "(a+?)(a*)b", "x(?:ab|a){0,8}y", "(a|ab)(c|bcd)(d*)", "[^,.]{2,4}?z", "[a-c]{3}", "[x-z]{2,}",
        "q(?:r(s)?)?t", "(\\(|\\)){1,6}x", "[\\.\\-]+x", "b{0,2}?c", "(?:ab){1,5}?c", "(a|b){0,6}?c(b)?", "'(x)' \\((y)\\)", "[^.(]*\\(z",
        "x[^a-c]y", "[^b]{2}c", "(?:[A-C]|rose){1,9}?s",
    ]

    /// Random texts of pieces near the patterns' words, in random case: many near misses, some matches.
    static func texts(count: Int) -> [String] {
        print("ASCII regex seed \(seed) (set PEEL_REGEX_SEED to replay)")
        var generator = SplitMix(seed: seed)
        let pieces = ["a", "b", "c", "d", "ab", "bc", "x", "y", "z", "q", "r", "s", "t", "(", ")", ".", ",", "-", "'", " ", " ", "1", "22",
                      "3.5", "1,000", "12", "fell", "rose", "by", "percent", "in", "compared with", "an", "a", "of", "reduction", "increase",
                      "fall", "fewer", "incidents", "for the 12 months to", "This is compared with", "times", "which represents", "uses",
                      "(compared with an England rate of", "Wales"]
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<Int.random(in: 0...24, using: &generator) {
                let piece = pieces.randomElement(using: &generator)!
                text += Int.random(in: 0..<4, using: &generator) == 0 ? piece.uppercased() : piece
                if Bool.random(using: &generator) { text += " " }
            }
            return text
        }
    }

    /// NSRegularExpression's matches, as the engine reports them (ASCII: a UTF-16 offset is a byte offset).
    static func reference(_ pattern: String, _ text: String) -> [[Range<Int>?]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        return regex.matches(in: text, range: NSRange(location: 0, length: text.utf16.count)).map { found in
            (0..<found.numberOfRanges).map { group -> Range<Int>? in
                let range = found.range(at: group)
                return range.location == NSNotFound ? nil : range.location..<(range.location + range.length)
            }
        }
    }

    static func matches(_ regex: ASCIIRegex, _ text: String) -> [[Range<Int>?]] {
        Array(text.utf8).withUnsafeBufferPointer { regex.matches(in: $0) }
    }

    @Test("every pattern finds what NSRegularExpression finds, on seeded texts")
    func agreesWithICU() throws {
        let texts = Self.texts(count: 1500)
        var found = 0
        for pattern in Self.patterns {
            let regex = try #require(ASCIIRegex(pattern), "\(pattern) is in the subset")
            for text in texts {
                let expected = Self.reference(pattern, text)
                #expect(Self.matches(regex, text) == expected, "\(pattern) on \"\(text)\"")
                found += expected.count
            }
        }
        #expect(found > 3000)
    }

    @Test("hand-made texts: backtracking, case, captures that take no part")
    func chosenTexts() throws {
        let cases: [(String, String, [[Range<Int>?]])] = [
            ("a(b|bc)c", "abcc abc", [[0..<3, 1..<2], [5..<8, 6..<7]]),
            ("(a+)(a*)b", "aaab", [[0..<4, 0..<3, 3..<3]]),
            ("(a+?)(a*)b", "aaab", [[0..<4, 0..<1, 1..<3]]),
            ("q(?:r(s)?)?t", "qt qrt qrst", [[0..<2, nil], [3..<6, nil], [7..<11, 9..<10]]),
            ("([0-9][0-9,]*(?:\\.[0-9]+)?) PERCENT", "It was 12.5 percent, then 1,200 Percent.", [[7..<19, 7..<11], [26..<39, 26..<31]]),
            ("[a-c]{3}", "xAbCx", [[1..<4]]),
        ]
        for (pattern, text, expected) in cases {
            let regex = try #require(ASCIIRegex(pattern))
            #expect(Self.matches(regex, text) == expected, "\(pattern) on \(text)")
            #expect(Self.reference(pattern, text) == expected, "the reference agrees: \(pattern) on \(text)")
        }
    }

    @Test("patterns outside the subset are not compiled, and go to NSRegularExpression")
    func outsideTheSubset() {
        for pattern in ["^a", "a$", "a.b", "\\d+", "\\bword", "(?=a)b", "(?i)a", "(a|)*b", "a**", "a*+", "a{2}{3}", "é", "[[a]b]", "[a&&b]",
                        "a{,3}", "(a)\\1", "(?:ab)+c", "(ab){1,65}", "a)", "(a", "[ab", "", "a*", "(?:a?)", "[]a]", "\\w"] {
            #expect(ASCIIRegex(pattern) == nil, "\(pattern)")
        }
        for pattern in ["a{2}", "a{2,}", "(ab){1,64}", "[ab]+", "[-a]", "[a-]", "x[^.]?", "\\(\\)\\.\\,"] {
            #expect(ASCIIRegex(pattern) != nil, "\(pattern)")
        }
    }
}
