@testable import PeelArchive
import PeelTestSupport
import Testing

/// Names from pieces that the rules read: separators, dots, colons, a drive letter, non-ASCII letters, a combining
/// mark (which joins the character before it, a separator too), a carriage return and line feed (one character
/// together), control bytes and an invalid byte (which `display` escapes).
private let pieces: [[UInt8]] = [
    Array("/".utf8), Array("\\".utf8), Array(".".utf8), Array("..".utf8), Array(":".utf8), Array("C".utf8),
    Array("docs".utf8), Array("a b".utf8), Array("é".utf8), Array("\u{0301}".utf8), Array("\r".utf8),
    Array("\n".utf8), Array("\r\n".utf8), [0x1B], [0x7F], [0xFF], Array("~".utf8), Array("日本".utf8),
]

@Suite("Entry name rules")
struct EntryNameRuleTests {
    @Test("the byte reading of an unsafe name agrees with the character reading, on seeded random names")
    func unsafeNameOnBytes() {
        let seed: UInt64 = 20261204
        print("EntryNameRuleTests seed \(seed)")
        var generator = SplitMix(seed: seed)
        var unsafe = 0
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            // Both as libarchive's name reaches the rule (through `display`) and as any string.
            for name in [EntryName.display(bytes: bytes), String(decoding: bytes, as: UTF8.self)] {
                let expected = EntryName.unsafeReasonByCharacters(name)
                #expect(EntryName.unsafeReason(name) == expected, "name \(Array(name.utf8)), seed \(seed)")
                if expected != nil { unsafe += 1 }
            }
        }
        // The names exercise both answers, and both reasons.
        #expect(unsafe > 1_000)
    }

    @Test("names an extractor refuses, and names it keeps")
    func examples() {
        #expect(EntryName.unsafeReason("/etc/passwd") == "unsafe entry name: absolute path")
        #expect(EntryName.unsafeReason("\\server\\share") == "unsafe entry name: absolute path")
        #expect(EntryName.unsafeReason("C:report.txt") == "unsafe entry name: absolute path")
        #expect(EntryName.unsafeReason("../../escape.txt") == "unsafe entry name: \"..\" path segment")
        #expect(EntryName.unsafeReason("docs\\..\\x.txt") == "unsafe entry name: \"..\" path segment")
        #expect(EntryName.unsafeReason("docs/..") == "unsafe entry name: \"..\" path segment")
        #expect(EntryName.unsafeReason("docs/...txt") == nil)
        #expect(EntryName.unsafeReason("docs/..a/b") == nil)
        #expect(EntryName.unsafeReason("docs/02700-report.txt") == nil)
        #expect(EntryName.unsafeReason("(unnamed entry)") == nil)
        // A combining mark after a separator makes one character of them: not a separator, as the rule reads it.
        #expect(EntryName.unsafeReason("a/\u{0301}../b") == nil)
        #expect(EntryName.unsafeReason("é:x") == "unsafe entry name: absolute path")
    }

    @Test("printable ASCII names are kept as they are; anything else is escaped as before")
    func displayFastPath() {
        let seed: UInt64 = 4122026
        print("EntryNameRuleTests display seed \(seed)")
        var generator = SplitMix(seed: seed)
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...6, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            let shown = EntryName.display(bytes: bytes)
            // Through a sequence that is not contiguous: the general walk, which the fast path must agree with.
            let walked = EntryName.display(bytes: bytes.lazy.map { $0 })
            #expect(shown == walked, "bytes \(bytes), seed \(seed)")
        }
        #expect(EntryName.display(bytes: Array("docs/a b~.txt".utf8)) == "docs/a b~.txt")
        #expect(EntryName.display(bytes: [0x61, 0x7F, 0x62]) == "a\\x7Fb")
    }
}

@Suite("Printable ASCII names read in one pass")
struct PrintableNameTests {
    @Test("a printable ASCII C string is what display gives; any other byte makes it nil")
    func printableASCII() {
        for text in ["docs/02700-report.txt", "", " a~", "a\u{7F}b", "a\tb", "rapport-été.txt"] {
            let read = text.withCString { EntryName.printableASCII(cString: $0) }
            let printable = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
            #expect(read == (printable ? EntryName.display(bytes: Array(text.utf8)) : nil), "\(text)")
        }
    }
}
