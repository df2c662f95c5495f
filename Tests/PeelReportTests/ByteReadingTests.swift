@testable import PeelReport
import PeelTestSupport
import Testing

/// Pieces of lines for seeded random texts: the separators the readers split at, words, digits, dashes, a
/// non-breaking space, a combining mark (which joins the Character before it, a space too), an en dash and a
/// Prepend-free CJK word.
private let textPieces = [" ", "  ", "\t", ",", "peel", "PEEL:", "Police", "effectiveness", "2015", "2018/19", "and", "page", "of",
                  "7", "-", "–", "|", "é", "\u{0301}", "\u{00A0}", "日本", "x"]

private func randomText(_ generator: inout SplitMix, pieces: Int) -> String {
    (0..<Int.random(in: 0...pieces, using: &generator)).map { _ in textPieces.randomElement(using: &generator)! }.joined()
}

@Suite("Byte readings agree with Character readings")
struct ByteReadingTests {
    @Test("a title page line's words split on bytes are the words split on Characters, on seeded random lines")
    func titleWords() {
        let seed: UInt64 = 1204
        print("ByteReadingTests.titleWords seed \(seed)")
        var generator = SplitMix(seed: seed)
        var titles = 0
        for _ in 0..<20_000 {
            let line = "peel" + randomText(&generator, pieces: 8)
            let reference = line.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            #expect(TitlePage.words(line.lowercased(), separatedBy: [0x20, 0x09, 0x2C]) == reference, "line \(Array(line.utf8)), seed \(seed)")
            // The month line's split, at spaces only.
            #expect(TitlePage.words(line, separatedBy: [0x20]) == line.split(separator: " "), "line \(Array(line.utf8)), seed \(seed)")
            if TitlePage.peelTitle(line) != nil { titles += 1 }
        }
        // Some random lines are titles, so the words were read to the end.
        #expect(titles > 20)
        let effectiveness = TitlePage.peelTitle("PEEL: Police effectiveness 2015")
        #expect(effectiveness?.0 == .effectiveness && effectiveness?.1 == 2015)
        let integrated = TitlePage.peelTitle("PEEL: Police effectiveness, efficiency and legitimacy 2018/19")
        #expect(integrated?.0 == .integrated && integrated?.1 == 2018)
        #expect(TitlePage.peelTitle("PEEL: Police effectiveness 2015 – Avon and Somerset") == nil)
    }

    @Test("a unit in words is its name with spaces for underscores")
    func unitInWords() {
        for unit in MetricUnit.allCases {
            #expect(unit.inWords == String(unit.rawValue.map { $0 == "_" ? " " : $0 }))
        }
        #expect(MetricUnit.per1000Population.inWords == "per 1000 population")
    }
}
