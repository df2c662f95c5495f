import Foundation
import PeelTestSupport
import PeelText
import Testing

@Suite("Byte-level line tests")
struct ASCIIMatchingTests {
    /// The seed comes from PEEL_LOWERCASE_SEED when set (to replay a failure), else a fixed one, so CI is repeatable.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["PEEL_LOWERCASE_SEED"].flatMap { UInt64($0) } ?? 20261202

    @Test("lowercasedByRuns gives lowercased()'s bytes for every Unicode scalar, between ASCII letters and beside others")
    func everyScalar() {
        var differing: [UInt32] = []
        // 64 scalars a string, each between ASCII letters, then the same run without them: every scalar is lowered
        // both alone in its run and beside other non-ASCII scalars (the Greek capital sigma, the dotted capital I and
        // the Kelvin sign lower to more than one scalar, to another final form, or to ASCII).
        var scalars: [Unicode.Scalar] = []
        func check() {
            var separated = "", joined = "Σ"
            for scalar in scalars {
                separated.unicodeScalars.append(contentsOf: ["A", scalar, "z"])
                joined.unicodeScalars.append(scalar)
            }
            for text in [separated, joined, joined + " İK " + separated] where Array(text.lowercasedByRuns().utf8) != Array(text.lowercased().utf8) {
                differing.append(scalars[0].value)
            }
            scalars.removeAll(keepingCapacity: true)
        }
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            scalars.append(scalar)
            if scalars.count == 64 { check() }
        }
        if !scalars.isEmpty { check() }
        #expect(differing.isEmpty, "runs starting at these scalars lower differently: \(differing.prefix(10))")
    }

    @Test("lowercasedByRuns equals lowercased() on random mixed text (seeded)")
    func randomText() {
        print("lowercase seed \(Self.seed) (set PEEL_LOWERCASE_SEED to replay)")
        var generator = SplitMix(seed: Self.seed)
        let pools: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x24F, 0x300...0x36F, 0x370...0x4FF, 0x1E00...0x1FFF, 0x2000...0x2BFF, 0x1_0400...0x1_044F]
        var differing: [String] = []
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0..<16, using: &generator) {
                let pool = pools.randomElement(using: &generator)!
                if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &generator)) { text.unicodeScalars.append(scalar) }
            }
            if Array(text.lowercasedByRuns().utf8) != Array(text.lowercased().utf8) { differing.append(text) }
        }
        #expect(differing.isEmpty, "differ: \(differing.prefix(5))")
        #expect("Areas For Improvement – “HMIC”".lowercasedByRuns() == "areas for improvement – “hmic”")
    }

    @Test("containsFourDigitRun finds a run of four digits at every position and across every block boundary, and no shorter run (seeded)")
    func fourDigitRuns() {
        func plain(_ bytes: [UInt8]) -> Bool {
            var run = 0
            for byte in bytes {
                run = byte >= 0x30 && byte <= 0x39 ? run + 1 : 0
                if run == 4 { return true }
            }
            return false
        }
        var wrong: [String] = []
        // Every run of one to five digits at every position of texts of 0 to 50 bytes, between fillers beside the
        // digits in value ("/", ":", the same with the high bit set).
        for filler in [UInt8(ascii: "/"), UInt8(ascii: ":"), 0xAF, 0xBA, UInt8(ascii: "a")] {
            for length in 0...50 {
                for runLength in 1...5 {
                    for start in 0..<max(1, length - runLength + 1) where start + runLength <= length {
                        var bytes = [UInt8](repeating: filler, count: length)
                        for offset in 0..<runLength { bytes[start + offset] = UInt8(ascii: "0") + UInt8((start + offset) % 10) }
                        if bytes.withUnsafeBufferPointer(ByteSearch.containsFourDigitRun) != plain(bytes) {
                            wrong.append("\(runLength) digits at \(start) of \(length) in \(filler)")
                        }
                    }
                }
            }
        }
        let seed = UInt64(0x4D16)
        var generator = SplitMix(seed: seed)
        for _ in 0..<20_000 {
            // Digits about half the time, so runs of every length come and go.
            let bytes = (0..<Int.random(in: 0...70, using: &generator)).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0x30...0x39, using: &generator) : UInt8.random(in: 0...255, using: &generator)
            }
            if bytes.withUnsafeBufferPointer(ByteSearch.containsFourDigitRun) != plain(bytes) { wrong.append("seed \(seed): \(bytes)") }
        }
        #expect(wrong.isEmpty, "\(wrong.count): \(wrong.prefix(5))")
    }

    @Test("containsASCIIDigit finds every digit at every position and nothing else, whatever the bytes around it")
    func digits() {
        var wrong: [String] = []
        // Fillers next to the digits in value: ASCII "/" and ":", the same with the high bit set, and UTF-8 text.
        for filler in [UInt8(ascii: "/"), UInt8(ascii: ":"), 0xAF, 0xB5, 0xBA, 0x7F, 0xFF, 0x00] {
            for length in [1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 48, 50] {
                let plain = [UInt8](repeating: filler, count: length)
                if plain.withUnsafeBufferPointer(ByteSearch.containsASCIIDigit) { wrong.append("filler \(filler) × \(length)") }
                for position in 0..<length {
                    for byte in UInt8.min...UInt8.max {
                        var bytes = plain
                        bytes[position] = byte
                        let found = bytes.withUnsafeBufferPointer(ByteSearch.containsASCIIDigit)
                        if found != (byte >= 0x30 && byte <= 0x39) { wrong.append("\(byte) at \(position) of \(length) in \(filler)") }
                    }
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10))")
    }

    @Test("lowercasedEquals, lowercasedHasPrefix and lowercasedContains agree with lowercased() on texts with Kelvin signs, dotted capitals and combining marks (seeded)")
    func lowercasedComparisons() {
        let seed = UInt64(0x10CA5E)
        print("lowercased comparisons seed \(seed)")
        var generator = SplitMix(seed: seed)
        // Pieces that lowercase to ASCII from beyond it (the Kelvin sign), to more bytes (dotted capital I), or not at
        // all, and a combining mark that joins the letter before it.
        let pieces = ["i", "I", "n", "N", "k", "K", "\u{212A}", "\u{0130}", "\u{0301}", "é", " ", "-", "t"]
        let patterns = ["introduction", "ink", "kin", "i", "in k", "nik", "k", "ti", "tin"]
        var wrong: [String] = []
        for _ in 0..<6000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for pattern in patterns {
                if text.lowercasedEquals(pattern) != (text.lowercased() == pattern) { wrong.append("equals \(pattern): \(text.unicodeScalars.map(\.value))") }
                if text.lowercasedHasPrefix(pattern) != text.lowercased().hasPrefix(pattern) { wrong.append("prefix \(pattern): \(text.unicodeScalars.map(\.value))") }
                if text.lowercasedContains(pattern) != text.lowercased().contains(pattern) { wrong.append("contains \(pattern): \(text.unicodeScalars.map(\.value))") }
            }
        }
        #expect(wrong.isEmpty, "seed \(seed): \(wrong.prefix(4))")
    }

    @Test("firstIndex(ignoringASCIICase:) finds the first place a lowercase needle starts, ASCII letters of the text folded, as a naive search does (seeded)")
    func caseFoldedSearch() {
        let seed = UInt64(0xF01D)
        print("case-folded search seed \(seed)")
        var generator = SplitMix(seed: seed)
        // Few distinct bytes, so that needles occur: letters of both cases, a digit, punctuation, and the UTF-8 bytes of
        // "©" and "é" (a first byte without 0x20 set, and one with it), and bytes that are letters only with 0x20 set.
        let alphabet: [UInt8] = Array("aAbBeE1 ,(-".utf8) + [0xC2, 0xA9, 0xC3, 0xA9, 0x01, 0x40, 0x42]
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
        var wrong: [String] = []
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...70, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            var needle = (0..<Int.random(in: 1...4, using: &generator)).map { _ in lower(alphabet.randomElement(using: &generator)!) }
            if !text.isEmpty && Bool.random(using: &generator) {
                // A needle cut from the text itself, lowercased, so that most searches find something.
                let start = Int.random(in: 0..<text.count, using: &generator)
                needle = text[start..<min(text.count, start + Int.random(in: 1...5, using: &generator))].map(lower)
            }
            let folded = text.map(lower)
            let expected = folded.count < needle.count ? nil : (0...(folded.count - needle.count)).first { Array(folded[$0..<($0 + needle.count)]) == needle }
            let found = text.withUnsafeBufferPointer { haystack in needle.withUnsafeBufferPointer { ASCIIBytes.firstIndex(of: $0, in: haystack) } }
            if found != expected { wrong.append("\(needle) in \(text): \(String(describing: found)), not \(String(describing: expected))") }
        }
        #expect(wrong.isEmpty, "seed \(seed): \(wrong.prefix(3))")
    }

    @Test("containsAny finds each of its bytes at every place of texts of every length to 40, and nothing else (seeded)")
    func containsAny() {
        let seed = UInt64(0xC5F)
        var generator = SplitMix(seed: seed)
        var wrong: [String] = []
        let sought: [UInt8] = [0x2C, 0x22, 0x0A, 0x0D]
        for length in 0...40 {
            // Bytes that are none of the four, then each of the four put at each place in turn.
            let plain = (0..<length).map { _ in
                var byte = UInt8.random(in: 0...0xFF, using: &generator)
                while sought.contains(byte) { byte = UInt8.random(in: 0...0xFF, using: &generator) }
                return byte
            }
            func found(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBufferPointer { ByteSearch.containsAny(0x2C, 0x22, 0x0A, 0x0D, in: $0) } }
            if found(plain) { wrong.append("false hit, length \(length)") }
            for place in 0..<length {
                for byte in sought {
                    var bytes = plain
                    bytes[place] = byte
                    if !found(bytes) { wrong.append("\(byte) missed at \(place) of \(length)") }
                }
            }
        }
        #expect(wrong.isEmpty, "seed \(seed): \(wrong.prefix(5))")
    }

    @Test("anyLane is the standard library's any for every single set lane and for seeded random masks")
    func anyLane() {
        var wrong: [String] = []
        let none = SIMDMask<SIMD16<Int8>>(repeating: false)
        if ByteSearch.anyLane(none) { wrong.append("none") }
        for lane in 0..<16 {
            var mask = none
            mask[lane] = true
            if !ByteSearch.anyLane(mask) { wrong.append("lane \(lane)") }
        }
        let seed = UInt64(0xA11)
        var generator = SplitMix(seed: seed)
        for _ in 0..<10_000 {
            var mask = none
            // Mostly no lane or one, as in text: a lane is set one time in twenty.
            for lane in 0..<16 where UInt8.random(in: 0..<20, using: &generator) == 0 { mask[lane] = true }
            if ByteSearch.anyLane(mask) != any(mask) { wrong.append("\(mask)") }
        }
        #expect(wrong.isEmpty, "seed \(seed): \(wrong.prefix(5))")
    }

    @Test("laneBits sets bit i for lane i, and forEachIndex gives every index of a byte in order, as a naive scan does (seeded)")
    func byteIndices() {
        let seed = UInt64(0x1F1F)
        print("byte indices seed \(seed)")
        var generator = SplitMix(seed: seed)
        var wrong: [String] = []
        for _ in 0..<5_000 {
            var mask = SIMDMask<SIMD16<Int8>>(repeating: false)
            var expected: UInt32 = 0
            for lane in 0..<16 where Bool.random(using: &generator) {
                mask[lane] = true
                expected |= 1 << UInt32(lane)
            }
            if ByteSearch.laneBits(mask) != expected { wrong.append("mask \(mask)") }
        }
        // Texts of every length to a few blocks, line feeds dense and sparse, beside bytes that differ from one only
        // in a bit (0x0B, 0x8A) and high bytes.
        for round in 0..<4_000 {
            let length = Int.random(in: 0...70, using: &generator)
            let density = [2, 8, 60][round % 3]
            let bytes: [UInt8] = (0..<length).map { _ in
                Int.random(in: 0..<density, using: &generator) == 0 ? 0x0A : [0x0B, 0x8A, 0x61, 0xFF, 0x20].randomElement(using: &generator)!
            }
            var found: [Int] = []
            bytes.withUnsafeBufferPointer { buffer in ByteSearch.forEachIndex(of: 0x0A, in: buffer) { found.append($0) } }
            let naive = bytes.indices.filter { bytes[$0] == 0x0A }
            if found != naive { wrong.append("\(bytes): \(found) against \(naive)") }
        }
        #expect(wrong.isEmpty, "seed \(seed): \(wrong.prefix(3))")
    }
}
