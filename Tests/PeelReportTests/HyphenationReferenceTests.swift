import Foundation
@testable import PeelReport
import PeelTestSupport
import PeelText
import Testing

/// What `HyphenatedCompounds` computes, written plainly: dictionaries of Strings, Characters throughout, every word
/// split out. The byte tables, opening filters and ASCII fast path must give exactly this.
private struct PlainCompounds {
    var byLetters: [String: String] = [:]
    var secondParts: [String: Set<String>] = [:]

    init(_ lines: [String]) {
        for line in lines {
            for word in line.split(separator: " ") where word.utf8.count >= 3 && word.contains("-") { note(word) }
        }
    }

    mutating func note(_ word: Substring) {
        let trimmed: Set<Character> = [".", ",", ";", ":", "(", ")", "'", "\""]
        let core = word.drop(while: { trimmed.contains($0) }).reversed().drop(while: { trimmed.contains($0) }).reversed()
        let text = String(core)
        guard text.utf8.count >= 3, !text.hasPrefix("-"), !text.hasSuffix("-"), !text.contains("--"),
              text.allSatisfy({ $0 == "-" || ($0.isASCII && $0.isLetter) }), text.contains("-") else { return }
        let whole = text.lowercased()
        let letters = whole.replacingOccurrences(of: "-", with: "")
        if byLetters[letters] == whole { return }
        byLetters[letters] = whole
        let parts = whole.split(separator: "-")
        if parts.count == 2 { secondParts[String(parts[0]), default: []].insert(String(parts[1])) }
    }

    func compound(for letters: String) -> String? {
        if let whole = byLetters[letters] { return whole }
        for first in secondParts.keys.sorted(by: { $0.count > $1.count })
        where letters.utf8.count > first.utf8.count + 5 && String(letters.prefix(first.count)) == first {
            let rest = letters.dropFirst(first.count)
            if secondParts[first]!.contains(where: { $0.count >= 5 && rest.hasPrefix($0.prefix(5)) }) { return first + "-" + rest }
        }
        return nil
    }

    func restoringHyphens(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            guard word.utf8.count >= 6 else { return String(word) }
            let letters = word.filter(\.isLetter)
            let outer = word.prefix(while: { !$0.isLetter }).count + word.reversed().prefix(while: { !$0.isLetter }).count
            guard letters.count >= 6, letters.count == word.count - outer, let compound = compound(for: letters.lowercased()) else { return String(word) }
            // After so many bytes of the compound that are no hyphen (its letters, where it is ASCII).
            var positions: [Int] = []
            var before = 0
            for byte in compound.utf8 { if byte == UInt8(ascii: "-") { positions.append(before) } else { before += 1 } }
            var out = ""
            var seen = 0
            for character in word {
                if character.isLetter {
                    if positions.first == seen {
                        out.append("-")
                        positions.removeFirst()
                    }
                    seen += 1
                }
                out.append(character)
            }
            return out
        }.joined(separator: " ")
    }
}

@Suite("Hyphen restoring against its plain definition")
struct HyphenationReferenceTests {
    /// The seed comes from PEEL_HYPHEN_SEED when set (to replay a failure), else a fixed one, so CI is repeatable.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["PEEL_HYPHEN_SEED"].flatMap { UInt64($0) } ?? 20261204

    /// Compounds, their run-together and other forms, near misses, punctuation, non-ASCII letters and combining marks,
    /// the Kelvin sign (whose lowercase is ASCII), dashes and bullets.
    private static let words = [
        "anti-social", "antisocial", "Antisocial", "ANTI-SOCIAL", "long-term", "longterm", "Longterm,", "(longterm)",
        "re-assessed", "reassessment", "reassessments.", "re-assess", "reassure", "e-crime", "ecrimes", "e-crimestoppers",
        "well-established", "wellestablished", "co-operate", "cooperation", "cooperative", "x-ray-like", "xraylike",
        "risk-assessment", "riskassessment", "risk-averse", "riskaverse", "riskassessed", "multi-agency", "multiagency",
        "‘antisocial’", "“longterm”", "antisocial…", "anti--social", "-leading", "trailing-", "–", "-", "•", "a-b",
        "r\u{E9}-assessed", "r\u{E9}assessment", "re\u{301}assessment", "reasse\u{301}ssment", "reasses\u{301}ment", "reasses\u{301}sment", "longte\u{301}rm", "reass\u{E9}ssment",
        "\u{212A}eep-safe", "keepsafe", "\u{212A}eepsafe", "wellestabl\u{E9}shed", "cooperat\u{E9}", "na\u{EF}ve-ish",
        "the", "force", "should", "improve", "its", "approach", "to", "victims", "and", "partners;", "review",
    ]

    @Test("the same text as the plain definition, for seeded reports and findings of compounds, near misses and non-ASCII")
    func sameAsPlain() {
        print("hyphen seed \(Self.seed) (set PEEL_HYPHEN_SEED to replay)")
        var generator = SplitMix(seed: Self.seed)
        var wrong: [String] = []
        func line(_ count: Int) -> String {
            (0..<count).map { _ in Self.words[Int.random(in: 0..<Self.words.count, using: &generator)] }.joined(separator: " ")
        }
        for _ in 0..<300 {
            let report = (0..<Int.random(in: 0...12, using: &generator)).map { _ in line(Int.random(in: 1...10, using: &generator)) }
            let lines = NormalisedLines(report.enumerated().map { NormalisedLine(number: $0.offset + 1, text: $0.element) })
            let compounds = HyphenatedCompounds(lines)
            let plain = PlainCompounds(report)
            let findings = (0..<10).map { _ in line(Int.random(in: 1...14, using: &generator)) }
            // Built for the findings alone, as the extractor builds it: the compounds no word of theirs can ask for left out.
            let forFindings = HyphenatedCompounds(lines, restoring: findings)
            for finding in findings {
                let expected = plain.restoringHyphens(finding)
                for (restored, how) in [(compounds.restoringHyphens(finding), "all"), (forFindings.restoringHyphens(finding), "for the findings")]
                where restored != expected {
                    wrong.append("\(how): \(report) | \(finding): \(restored) ≠ \(expected)")
                }
            }
        }
        #expect(wrong.isEmpty, "seed \(Self.seed): \(wrong.count) differ, first: \(wrong.prefix(2))")
    }
}
