import Foundation
import PeelTestSupport
@testable import PeelText
import Testing

private func lineTexts(_ text: DecodedText) -> [String] { text.lines.map(text.string) }

@Suite("Text decoding")
struct TextDecoderTests {
    @Test("a UTF-8 sample decodes to its own bytes, one line per line of the file", arguments: Fixtures.sampleNames)
    func utf8Sample(name: String) throws {
        let bytes = Fixtures.sample(name)
        let text = try TextDecoder.decode(bytes)
        #expect(text.encoding == .utf8)
        #expect(text.utf8 == bytes)
        let newlines = bytes.filter { $0 == 0x0A }.count
        #expect(text.lines.count == newlines + (bytes.last == 0x0A ? 0 : 1))
        #expect(text.lines.map(\.number) == Array(1...text.lines.count))
    }

    /// The pipeline asks `lineCount` of a large entry before decoding it (max_entry_lines): it must be the count the
    /// decoder gives, whatever the line ends (LF, CR LF, CR alone, mixed, a last line with none).
    @Test("lineCount is the number of lines the decoder splits, on random texts of every kind of line end")
    func lineCountAgrees() throws {
        var generator = seededGenerator("lineCountAgrees", standard: 20261207)
        let ends: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D], [0x0A, 0x0D], [0x0C, 0x0A]]
        let words: [[UInt8]] = [Array("Kent".utf8), Array("Good".utf8), Array("12.5".utf8), Array("  ".utf8), Array("Requires improvement".utf8), []]
        for round in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...60, using: &generator) {
                for _ in 0..<Int.random(in: 0...4, using: &generator) { bytes += words.randomElement(using: &generator)! + [0x20] }
                bytes += ends.randomElement(using: &generator)!
            }
            if Bool.random(using: &generator) { bytes += Array("last words".utf8) }
            guard let decoded = try? TextDecoder.decode(bytes) else { continue }
            #expect(TextDecoder.lineCount(bytes) == decoded.lines.count, "round \(round): \(bytes)")
        }
        #expect(TextDecoder.lineCount(Array("a".utf8)) == 1 && TextDecoder.lineCount([0x0A]) == 1 && TextDecoder.lineCount([0x0D, 0x0A, 0x0D]) == 2)
    }

    @Test("CRLF, UTF-8 BOM, UTF-16 LE and BE give the same lines and line numbers as the original")
    func encodingsAgree() throws {
        let name = Fixtures.sampleNames[0]
        let original = try TextDecoder.decode(Fixtures.sample(name))
        let string = String(decoding: Fixtures.sample(name), as: UTF8.self)
        let crlf = Array(string.replacingLineEnds("\r\n").utf8)
        let utf16LE: [UInt8] = [0xFF, 0xFE] + string.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16BE: [UInt8] = [0xFE, 0xFF] + string.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let variants: [([UInt8], TextEncoding)] = [
            (crlf, .utf8), ([0xEF, 0xBB, 0xBF] + Fixtures.sample(name), .utf8BOM), (utf16LE, .utf16LE), (utf16BE, .utf16BE),
        ]
        for (bytes, encoding) in variants {
            let text = try TextDecoder.decode(bytes)
            #expect(text.encoding == encoding)
            #expect(lineTexts(text) == lineTexts(original), "\(encoding)")
            #expect(text.lines.map(\.number) == original.lines.map(\.number))
        }
    }

    @Test("invalid UTF-8 is read as Windows-1252")
    func windows1252() throws {
        // "Requires improvement – 45%" with a cp1252 en dash (0x96) and a pound sign (0xA3).
        let bytes: [UInt8] = Array("Requires improvement ".utf8) + [0x96] + Array(" \u{0}".utf8.dropLast()) + [0xA3] + Array("45\r\nnext".utf8)
        let text = try TextDecoder.decode(bytes)
        #expect(text.encoding == .windows1252)
        #expect(lineTexts(text) == ["Requires improvement – £45", "next"])
    }

    @Test("Latin-1's soft hyphen standing in no word is the en dash Latin-1 lacks (pdftotext -enc Latin1 writes it so)")
    func latin1Dash() throws {
        let lines: [[UInt8]] = [
            Array("the ROCU executive board ".utf8) + [0xAD] + Array(" working with forces".utf8),
            Array("2014".utf8) + [0xAD] + Array("15, caf".utf8) + [0xE9, 0xAD] + Array(" and co".utf8) + [0xAD] + Array("operate".utf8),
            [0xAD] + Array(" a sub-bullet ".utf8) + [0xE9, 0xAD, 0xE9],
            Array("effec".utf8) + [0xAD, 0x20, 0x20],
            Array("tiveness ".utf8) + [0xAD],
        ]
        let text = try TextDecoder.decode(Array(lines.joined(separator: [0x0A])))
        #expect(text.encoding == .windows1252)
        #expect(lineTexts(text) == ["the ROCU executive board – working with forces", "2014–15, café– and co\u{AD}operate",
                                    "– a sub-bullet é\u{AD}é", "effec\u{AD}  ", "tiveness \u{AD}"])
    }

    @Test("UTF-16 without a byte-order mark (pdftotext -enc UTF-16) is told by its zero bytes, either byte order", arguments: Fixtures.sampleNames)
    func utf16WithoutBOM(name: String) throws {
        let sample = try TextDecoder.decode(Fixtures.sample(name))
        let units = Array(String(decoding: Fixtures.sample(name), as: UTF8.self).utf16)
        let bigEndian = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let littleEndian = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for (bytes, encoding) in [(bigEndian, TextEncoding.utf16BE), (littleEndian, .utf16LE)] {
            let text = try TextDecoder.decode(bytes)
            #expect(text.encoding == encoding)
            #expect(lineTexts(text) == lineTexts(sample))
        }
        // NUL bytes on both sides of the units are binary data's, still refused; so is UTF-16 of an odd length.
        var binary = bigEndian
        for index in stride(from: 1, to: binary.count, by: 7) { binary[index] = 0 }
        #expect(throws: NotText.self) { try TextDecoder.decode(binary) }
        #expect(throws: NotText.self) { try TextDecoder.decode(bigEndian + [0x41]) }
    }

    @Test("a lone CR ends a line")
    func loneCarriageReturn() throws {
        let text = try TextDecoder.decode(Array("a\rb\r\nc\n\nd".utf8))
        #expect(lineTexts(text) == ["a", "b", "c", "", "d"])
        #expect(text.lines.map(\.number) == [1, 2, 3, 4, 5])
    }

    @Test("binary content is refused with the reason", arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] as [UInt8], "PNG image"),
        (Array("%PDF-1.7\n".utf8), "PDF document"),
        (Array("abc\u{0}def".utf8), "NUL bytes"),
        (Array(repeating: 0x01, count: 50) + Array(repeating: 0x41, count: 50), "control characters"),
        ([], "empty entry"),
    ])
    func binary(bytes: [UInt8], reason: String) {
        #expect(throws: NotText.self) { try TextDecoder.decode(bytes) }
        do { _ = try TextDecoder.decode(bytes) } catch { #expect(error.reason.contains(reason)) }
    }

    @Test("one pass gives the binary check's count, the first non-ASCII byte and the lines as byte-by-byte references do (seeded)")
    func surveyAgrees() {
        struct Reference: Equatable {
            var controls: Int?, firstNonASCII: Int, lines: [TextLine]?
        }
        func reference(_ bytes: [UInt8]) -> Reference {
            let sample = bytes.prefix(TextDecoder.Survey.sampleLimit)
            let controls = sample.contains(0) ? nil : sample.filter { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }.count
            var lines: [TextLine] = []
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == 0x0A {
                lines.append(TextLine(number: lines.count + 1, range: start..<index))
                start = index + 1
            }
            if start < bytes.count { lines.append(TextLine(number: lines.count + 1, range: start..<bytes.count)) }
            return Reference(controls: controls, firstNonASCII: bytes.firstIndex { $0 >= 0x80 } ?? bytes.count,
                             lines: bytes.contains(0x0D) ? nil : lines)
        }
        func surveyed(_ bytes: [UInt8]) -> Reference {
            let survey = bytes.withUnsafeBufferPointer(TextDecoder.Survey.init)
            return Reference(controls: survey.controls, firstNonASCII: survey.firstNonASCII, lines: survey.lines)
        }
        let seed = UInt64(0xB1A7)
        var generator = SplitMix(seed: seed)
        var wrong: [String] = []
        let limit = TextDecoder.Survey.sampleLimit
        for length in Array(0...80) + [4_079, 4_080, 4_081, limit - 1, limit, limit + 1, limit + 37] {
            for round in 0..<(length > 5_000 ? 4 : 20) {
                // Text with a line feed about one byte in thirty, and, in some rounds, rare carriage returns, bytes past
                // ASCII, and control bytes (some that count, some that are text).
                let returns = round % 3 == 0, high = round % 2 == 0
                let bytes = (0..<length).map { _ -> UInt8 in
                    switch UInt16.random(in: 0..<1_000, using: &generator) {
                    case 0..<33: return 0x0A
                    case 33..<36: return returns ? 0x0D : 0x41
                    case 36..<40: return high ? UInt8.random(in: 0x80...0xFF, using: &generator) : 0x42
                    case 40..<50: return [0x01, 0x09, 0x0C, 0x1B, 0x1F][Int.random(in: 0..<5, using: &generator)]
                    default: return UInt8.random(in: 0x20...0x7E, using: &generator)
                    }
                }
                if surveyed(bytes) != reference(bytes) { wrong.append("length \(length), round \(round)") }
                if length > 0 {
                    var withNUL = bytes
                    withNUL[Int.random(in: 0..<length, using: &generator)] = 0
                    if surveyed(withNUL) != reference(withNUL) { wrong.append("with a NUL, length \(length), round \(round)") }
                }
            }
        }
        // More control bytes in one lane than a byte can count: 300 blocks of them.
        if surveyed(Array(repeating: 0x01, count: 16 * 300 + 5)).controls != 16 * 300 + 5 { wrong.append("lane overflow") }
        // Past the sample, neither a NUL nor a control byte counts; a CR or a byte past ASCII there still tells.
        var late = Array(repeating: UInt8(0x61), count: limit + 100)
        late[limit + 3] = 0
        late[limit + 5] = 0x01
        #expect(surveyed(late) == Reference(controls: 0, firstNonASCII: limit + 100, lines: [TextLine(number: 1, range: 0..<(limit + 100))]))
        late[limit + 50] = 0xE9
        late[limit + 60] = 0x0D
        #expect(surveyed(late) == Reference(controls: 0, firstNonASCII: limit + 50, lines: nil))
        let disagreements = wrong.count  // counted, so that a failure prints five cases and not every one
        #expect(disagreements == 0, "seed \(seed): \(wrong.prefix(5))")
    }

    @Test("markdown-flavoured extractions are told from plain ones", arguments: Fixtures.sampleNames)
    func flavour(name: String) throws {
        let text = try TextDecoder.decode(Fixtures.sample(name))
        #expect(TextFormat.detect(text) == (name.hasSuffix(".md") ? .markdown : .plain))
    }

    @Test("a mark counts only whole on one line; a heading only at a line's start", arguments: [
        ("a **bold** word", TextFormat.markdown), ("## Heading", .markdown), ("x <b>y</b>", .markdown), ("see <sup>1</sup>", .markdown),
        ("ends *\n*starts", .plain), ("ends <\nb> starts", .plain), ("ends <b\n> starts", .plain), ("a # b", .plain),
        ("#hashtag", .plain), ("3 * 4 < 5", .plain), ("last *", .plain), ("last <b", .plain), ("x\r\n**y**", .markdown),
    ])
    func marks(text: String, format: TextFormat) throws {
        #expect(TextFormat.detect(try TextDecoder.decode(Array(text.utf8))) == format)
    }
}

extension String {
    func replacingLineEnds(_ separator: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: separator)
    }
}

/// The byte-level decoders against the standard library's, on the awkward cases.
struct DecoderAgreementTests {
    @Test("UTF-8 validity agrees with the standard library's decoder")
    func validity() throws {
        var cases: [[UInt8]] = [
            [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
            [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0x80], [0xE2, 0x80], [0xE2, 0x28, 0xA1], [0xF0, 0x9F, 0x98],
        ]
        cases += cases.map { Array("0123456789abcdef".utf8) + $0 + Array("tail".utf8) }
        var generator = seededGenerator("UTF-8 validation", standard: 20_261_205)
        for _ in 0..<2000 {
            cases.append((0..<Int.random(in: 0..<24, using: &generator)).map { _ in
                [0x41, 0x80, 0xBF, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xF5][Int.random(in: 0..<9, using: &generator)]
            })
        }
        for bytes in cases {
            let expected = String(validating: bytes, as: UTF8.self) != nil
            let text = try TextDecoder.decode(Array("x".utf8) + bytes)
            #expect((text.encoding == .utf8) == expected, "\(bytes)")
        }
    }

    @Test("UTF-16 with unpaired surrogates and an odd last byte decodes as the standard library does")
    func utf16() throws {
        let units: [[UInt16]] = [
            [0x41, 0xD800, 0x42], [0x41, 0xDC00, 0x42], [0xD83D, 0xDE00, 0x0A, 0x43], [0xD83D], [0xDBFF, 0xDFFF], [0xD800, 0xD800, 0xDC00],
            [0xE9, 0x20AC, 0x0D, 0x0A, 0x44],
        ]
        for text in units {
            for littleEndian in [true, false] {
                var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
                for unit in text {
                    bytes += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
                }
                let utf8 = Array(String(decoding: text, as: UTF16.self).utf8)
                // The decoder then makes CRLF one LF.
                let expected = utf8.indices.filter { !(utf8[$0] == 0x0D && $0 + 1 < utf8.count && utf8[$0 + 1] == 0x0A) }.map { utf8[$0] }
                for tail in [[], [0x41] as [UInt8]] {
                    #expect(try TextDecoder.decode(bytes + tail).utf8 == expected, "\(text)")
                }
            }
        }
    }
}

@Suite("UTF-8 encoded twice (mojibake)")
struct DoubleEncodingTests {
    /// The samples read as Latin-1 or Windows-1252 and written as UTF-8 again (Tests/Fixtures/make-mojibake-samples.sh).
    static let cases: [(sample: String, flavour: String)] = Fixtures.sampleNames.flatMap { [($0, "mojibake"), ($0, "mojibake1252")] }

    @Test("is read as the sample it was made from, byte for byte, line for line", arguments: cases)
    func undoesSample(sample: String, flavour: String) throws {
        let path = Fixtures.extractionsFolder + "/" + (sample as NSString).deletingPathExtension + ".\(flavour).txt"
        let bytes = readBytes(path)
        try #require(!bytes.isEmpty, "run Tests/Fixtures/make-mojibake-samples.sh")
        let original = Fixtures.sample(sample)
        #expect(bytes != original)
        let text = try TextDecoder.decode(bytes)
        #expect(text.encoding == .utf8DoubleEncoded)
        #expect(text.utf8 == original)
        #expect(text.lines.count == (try TextDecoder.decode(original)).lines.count)
    }

    @Test("text written in UTF-8 once is left as it is, whatever characters it holds")
    func leavesUTF8Alone() throws {
        for text in ["Café – résumé, 12 months to 31 March 2015", "PEEL: Police effectiveness 2015 – Wiltshire Police ¹",
                     // A pair like UTF-8 read as Latin-1 ("Ã©"), in a text whose other characters are not:
                     "Ã© beside – a dash", "naïve “quotes” and a £5 note", "Â\u{A0} beside ’ a quote", "x\u{C3}\u{A9}y → z"] {
            let decoded = try TextDecoder.decode(Array(text.utf8))
            #expect(decoded.encoding == .utf8, "\(text)")
            #expect(decoded.utf8 == Array(text.utf8))
        }
    }

    @Test("a line of it is read as the UTF-8 it was, its number kept")
    func undoesLine() throws {
        let once = "Overall judgment¹\nBy 30 June 2016, the board – working with forces – should …\n"
        // Each byte of the UTF-8 taken for the Latin-1 character it is and written as UTF-8 again.
        let twice = Array(once.utf8).flatMap { Array(String(UnicodeScalar($0)).utf8) }
        let text = try TextDecoder.decode(twice)
        #expect(text.encoding == .utf8DoubleEncoded)
        #expect(text.lines.map(text.string) == ["Overall judgment¹", "By 30 June 2016, the board – working with forces – should …"])
        #expect(text.lines.map(\.number) == [1, 2])
    }
}
