@testable import PeelPDF
import Testing

/// The search poppler's messages are read with, against the standard library's Character search (`firstRange(of:)`, what
/// `contains` called there; with Foundation in scope `contains` may be Foundation's, which matches inside a longer
/// Character): the same answer for every text of up to four of these pieces, among them marks that join a letter
/// beside them into a longer Character.
struct PopplerMessageTests {
    @Test("containsASCII answers as contains does (every text of up to four pieces, words that are and are not there)")
    func sameAsContains() {
        let pieces = ["Error", "Err", "or", "r", "E", " ", "x", "é", "\u{0600}", "\u{0301}", "\u{200D}", "😀", "bad_alloc"]
        var texts = [""]
        var wrong: [String] = []
        var held = 0
        for _ in 1...4 {
            texts = texts.flatMap { text in pieces.map { text + $0 } }
            for text in texts {
                for word in ["Error", "bad_alloc", "r", "Out of memory"] where text.containsASCII(word) != (text.firstRange(of: word) != nil) {
                    wrong.append("\(text.unicodeScalars.map { String($0.value, radix: 16) }) \(word)")
                }
                if text.firstRange(of: "Error") != nil { held += 1 }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count): \(wrong.prefix(5))")
        #expect(held > 1_000)  // the texts do hold the word, beside every piece
        #expect("Syntax Error (123): Illegal character".containsASCII("Error") && !"Syntax Erro".containsASCII("Error"))
        #expect(!"Error\u{0301}".containsASCII("Error") && !"\u{0600}Error".containsASCII("Error"))
    }
}
