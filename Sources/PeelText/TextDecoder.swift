/// Bytes → `DecodedText`. Pure: no I/O, no globals.
///
/// Order of trust: a byte-order mark decides; else UTF-16 told by where its zero bytes fall (`utf16WithoutBOM`); else
/// valid UTF-8 is UTF-8 (encoded twice, `DoubleEncoding`, where its characters past ASCII are all bytes of UTF-8 read
/// as Windows-1252); else Windows-1252, which maps every byte.
/// Bytes that look binary (a known file signature, NUL bytes, many control characters) are refused rather than
/// decoded into garbage.
public enum TextDecoder {
    /// A text `fold` broke mid-word is given back whole (`CharacterWrap`).
    public static func decode(_ bytes: [UInt8]) throws(NotText) -> DecodedText {
        CharacterWrap.unfolded(try decodeLines(bytes))
    }

    /// The lines `bytes` holds as the decoder splits them, where they are 8-bit text (`isEightBit`; UTF-16's units hold
    /// bytes 0x0A and 0x0D that end no line): a line ends at a line feed, a carriage return and line feed, or a carriage
    /// return alone; the last line may have no end. One pass over the bytes, far cheaper than decoding them.
    public static func lineCount(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var ends = 0
            for index in buffer.indices {
                let byte = buffer[index]
                if byte == 0x0A || (byte == 0x0D && (index + 1 == buffer.count || buffer[index + 1] != 0x0A)) { ends += 1 }
            }
            let lastEnded = buffer.last.map { $0 == 0x0A || $0 == 0x0D } ?? true
            return ends + (lastEnded ? 0 : 1)
        }
    }

    /// Whether `bytes` may be 8-bit text, whose lines `lineCount` counts: no UTF-16 byte-order mark and no NUL in the
    /// first 4 KB (UTF-16 without a mark has them in nearly every unit; binary data, which the decoder refuses, too).
    public static func isEightBit(_ bytes: [UInt8]) -> Bool {
        !bytes.starts(with: [0xFF, 0xFE]) && !bytes.starts(with: [0xFE, 0xFF]) && !bytes.prefix(4096).contains(0)
    }

    private static func decodeLines(_ bytes: [UInt8]) throws(NotText) -> DecodedText {
        if bytes.isEmpty { throw NotText(reason: "empty entry (0 bytes)") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try normalise(Array(bytes.dropFirst(3)), encoding: .utf8BOM, validate: true)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try fromUTF16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try fromUTF16(bytes.dropFirst(2), littleEndian: false) }
        if let signature = binarySignature(bytes) { throw NotText(reason: "not text: \(signature) signature") }
        let survey = bytes.withUnsafeBufferPointer(Survey.init)
        guard let controls = survey.controls else {
            if let littleEndian = utf16WithoutBOM(bytes) { return try fromUTF16(bytes[...], littleEndian: littleEndian) }
            throw NotText(reason: "not text: contains NUL bytes")
        }
        if controls * 100 > survey.sampleCount {
            throw NotText(reason: "not text: \(controls) control characters in the first \(survey.sampleCount) bytes")
        }
        // Bytes before the first non-ASCII one are valid UTF-8 whatever they are.
        let valid = survey.firstNonASCII == bytes.count || bytes.withUnsafeBufferPointer { isValidUTF8($0, from: survey.firstNonASCII) }
        guard valid else {
            // `fold` counts bytes, so it may break a character's bytes apart: joined again, they may be UTF-8 after all.
            if let lines = survey.lines {
                let unfolded = bytes.withUnsafeBufferPointer { raw in CharacterWrap.width(raw, lines).map { CharacterWrap.unfold(raw, lines, width: $0) } }
                if let unfolded, isValidUTF8(unfolded.utf8) { return DecodedText(utf8: unfolded.utf8, encoding: .utf8, lines: unfolded.lines) }
            }
            return try normalise(windows1252ToUTF8(bytes), encoding: .windows1252, validate: false)
        }
        if survey.firstNonASCII < bytes.count,
           let once = bytes.withUnsafeBufferPointer({ DoubleEncoding.undone($0, from: survey.firstNonASCII) }) {
            return try normalise(once, encoding: .utf8DoubleEncoded, validate: false)
        }
        if let lines = survey.lines { return DecodedText(utf8: bytes, encoding: .utf8, lines: lines) }
        return try normalise(bytes, encoding: .utf8, validate: false)
    }

    /// What one pass over an entry's bytes tells the decoder, thirty-two bytes a step: the binary check's count of the
    /// first `sampleLimit` bytes, where the first non-ASCII byte stands (UTF-8 is validated from there), and the
    /// lines, when no carriage return changes them. A block of text whose only bytes below a space are line feeds
    /// and that holds no byte past ASCII (most blocks) costs one test of its lanes' bits besides its line feeds.
    /// (Four passes did this before: the control count, UTF-8 validation, the search for a carriage return and the
    /// line ends; callgrind.)
    struct Survey {
        /// The binary check reads this many bytes from the start (a multiple of sixteen: blocks end on it).
        static let sampleLimit = 64 << 10
        let sampleCount: Int
        /// C0 control bytes in the first `sampleCount` besides tab, line feed, form feed and carriage return (which are
        /// text); nil if any there is NUL.
        let controls: Int?
        /// The first byte of 0x80 or more, or the count.
        let firstNonASCII: Int
        /// The lines split at line feeds, numbered from 1; nil when the bytes hold a carriage return (they are split
        /// after CRs become line feeds).
        let lines: [TextLine]?

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            let count = bytes.count
            let sample = min(count, Self.sampleLimit)
            var controls = 0, nul = false
            var firstHigh = count
            var sawCR = false
            var lines: [TextLine] = []
            lines.reserveCapacity(count / 40)
            var lineStart = 0
            var index = 0
            // Whether anything is left to learn from the bytes at `index` on.
            func learning(_ index: Int) -> Bool { !sawCR || firstHigh == count || index < sample }
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                let space = SIMD32<UInt8>(repeating: 0x20), lineFeed = SIMD32<UInt8>(repeating: 0x0A)
                while index + 32 <= count {
                    let block = raw.loadUnaligned(fromByteOffset: index, as: SIMD32<UInt8>.self)
                    let feeds = block .== lineFeed
                    let below = block .< space
                    let high = block .>= SIMD32<UInt8>(repeating: 0x80)
                    if ByteSearch.anyLane((below .& .!feeds) .| high) {
                        let highBits = ByteSearch.laneBits(high)
                        if highBits != 0 && firstHigh == count { firstHigh = index + highBits.trailingZeroBitCount }
                        let returns = block .== SIMD32<UInt8>(repeating: 0x0D)
                        if ByteSearch.anyLane(returns) { sawCR = true }
                        // Blocks end on the sample's end: a block is in the sample whole or not at all.
                        if index < sample {
                            if ByteSearch.anyLane(block .== SIMD32<UInt8>(repeating: 0)) { nul = true }
                            let text = block .== SIMD32<UInt8>(repeating: 0x09) .| feeds .| block .== SIMD32<UInt8>(repeating: 0x0C) .| returns
                            controls += ByteSearch.laneBits(below .& .!text).nonzeroBitCount
                        }
                    }
                    if !sawCR {
                        var ends = ByteSearch.laneBits(feeds)
                        while ends != 0 {
                            let end = index + ends.trailingZeroBitCount
                            lines.append(TextLine(number: lines.count + 1, range: lineStart..<end))
                            lineStart = end + 1
                            ends &= ends - 1
                        }
                    }
                    index += 32
                    if !learning(index) { break }
                }
            }
            while index < count && learning(index) {
                let byte = bytes[index]
                if byte >= 0x80 && firstHigh == count { firstHigh = index }
                if byte == 0x0D { sawCR = true }
                if index < sample {
                    if byte == 0 { nul = true }
                    if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D { controls += 1 }
                }
                if byte == 0x0A && !sawCR {
                    lines.append(TextLine(number: lines.count + 1, range: lineStart..<index))
                    lineStart = index + 1
                }
                index += 1
            }
            if !sawCR && lineStart < count { lines.append(TextLine(number: lines.count + 1, range: lineStart..<count)) }
            sampleCount = sample
            self.controls = nul ? nil : controls
            firstNonASCII = firstHigh
            self.lines = sawCR ? nil : lines
        }
    }

    // MARK: Encodings

    /// UTF-16 → UTF-8 directly: the standard library's `String(decoding:as: UTF16.self)` took its slow path on
    /// these entries. As there, an unpaired surrogate becomes U+FFFD and an odd last byte is dropped.
    /// UTF-16 written without a byte-order mark (`pdftotext -enc UTF-16` writes big-endian so), by where its zero
    /// bytes fall: these reports are nearly all Latin text, so one byte of nine units in ten or more is zero, the same
    /// one each time, and the other byte of nearly none (binary data's NULs fall on both sides). Whether it is
    /// little-endian; nil for anything else.
    static func utf16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        guard bytes.count % 2 == 0, bytes.count >= 64 else { return nil }
        let units = min(bytes.count, Survey.sampleLimit) / 2
        var firstZero = 0, secondZero = 0
        for unit in 0..<units {
            if bytes[2 * unit] == 0 { firstZero += 1 }
            if bytes[2 * unit + 1] == 0 { secondZero += 1 }
        }
        if firstZero * 10 >= units * 9 && secondZero * 20 <= units { return false }
        if secondZero * 10 >= units * 9 && firstZero * 20 <= units { return true }
        return nil
    }

    private static func fromUTF16(_ body: ArraySlice<UInt8>, littleEndian: Bool) throws(NotText) -> DecodedText {
        let count = body.count / 2
        var utf8 = [UInt8]()
        utf8.reserveCapacity(count + count / 2)
        body.withUnsafeBufferPointer { bytes in
            @inline(__always) func unit(_ index: Int) -> UInt32 {
                let a = UInt32(bytes[2 * index]), b = UInt32(bytes[2 * index + 1])
                return littleEndian ? a | b << 8 : a << 8 | b
            }
            var index = 0
            while index < count {
                var scalar = unit(index)
                index += 1
                if scalar & 0xF800 == 0xD800 {
                    if scalar < 0xDC00, index < count, case let low = unit(index), low & 0xFC00 == 0xDC00 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        index += 1
                    } else {
                        scalar = 0xFFFD
                    }
                }
                appendUTF8(scalar, to: &utf8)
            }
        }
        return try normalise(utf8, encoding: littleEndian ? .utf16LE : .utf16BE, validate: false)
    }

    @inline(__always)
    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            out.append(UInt8(scalar))
        case ..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    /// Well-formed UTF-8 as the standard library's decoder judges it (no overlong forms, surrogates or scalars
    /// past U+10FFFF), with ASCII skipped a word at a time: almost every byte of an entry is ASCII. `start`: a
    /// scalar's first byte (what comes before it is not looked at).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Bool {
        let count = bytes.count
        var index = start
        while true {
            index = ByteSearch.firstNonASCII(in: bytes, from: index)
            guard index < count else { return true }
            let lead = bytes[index]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF  // the range of the second byte
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard index + length <= count, (low...high).contains(bytes[index + 1]) else { return false }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
    }

    /// Windows-1252 code points for 0x80–0x9F; the five undefined bytes become U+FFFD.
    static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8)
        bytes.withUnsafeBufferPointer { bytes in
            var index = 0
            while index < bytes.count {
                // Runs of ASCII (nearly all the text) copied whole: appended a byte at a time, they cost twelve
                // instructions a byte (callgrind).
                let end = ByteSearch.firstNonASCII(in: bytes, from: index)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                guard end < bytes.count else { break }
                let byte = bytes[end]
                let scalar = byte == 0xAD && isDash(softHyphenAt: end, in: bytes) ? 0x2013 : byte < 0xA0 ? cp1252High[Int(byte - 0x80)] : UInt32(byte)
                UTF8.encode(Unicode.Scalar(scalar)!) { out.append($0) }
                index = end + 1
            }
        }
        return out
    }

    /// Latin-1 has no en dash, and `pdftotext -enc Latin1` writes one as a soft hyphen (0xAD). A soft hyphen breaks a
    /// word where a line may end: one that stands in no word ("board ­ working", "2014­15", opening a line) is that
    /// dash. Before the line's end it is the hint it is.
    private static func isDash(softHyphenAt index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { byte >= 0xC0 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) }
        var next = index + 1
        while next < bytes.count && (bytes[next] == 0x20 || bytes[next] == 0x09) { next += 1 }
        guard next < bytes.count, bytes[next] != 0x0A, bytes[next] != 0x0D else { return false }
        return index == 0 || !isLetter(bytes[index - 1]) || !isLetter(bytes[index + 1])
    }

    // MARK: Binary content

    private static func binarySignature(_ bytes: [UInt8]) -> String? {
        let signatures: [(String, [UInt8])] = [
            ("PNG image", [0x89, 0x50, 0x4E, 0x47]), ("JPEG image", [0xFF, 0xD8, 0xFF]), ("GIF image", Array("GIF8".utf8)),
            ("PDF document", Array("%PDF-".utf8)), ("ELF executable", [0x7F, 0x45, 0x4C, 0x46]),
            ("zip archive", [0x50, 0x4B, 0x03, 0x04]), ("gzip data", [0x1F, 0x8B]), ("7z archive", [0x37, 0x7A, 0xBC, 0xAF]),
            ("OLE2 (legacy Office) document", [0xD0, 0xCF, 0x11, 0xE0]),
        ]
        return signatures.first { bytes.starts(with: $0.1) }?.0
    }

    // MARK: Line ends

    /// CRLF and lone CR become LF; lines are numbered as in the original (a CRLF is one line break).
    private static func normalise(_ input: [UInt8], encoding: TextEncoding, validate: Bool) throws(NotText) -> DecodedText {
        if validate && !isValidUTF8(input) {
            return try normalise(windows1252ToUTF8(input), encoding: .windows1252, validate: false)
        }
        var out: [UInt8]
        let firstCR = input.withUnsafeBufferPointer { ByteSearch.firstIndex(of: 0x0D, in: $0, from: 0) }
        if firstCR < input.count {
            // The text between carriage returns is copied whole; each CR or CRLF becomes one LF.
            out = []
            out.reserveCapacity(input.count)
            input.withUnsafeBufferPointer { bytes in
                var start = 0, index = firstCR
                while index < bytes.count {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    out.append(0x0A)
                    index += 1
                    if index < bytes.count && bytes[index] == 0x0A { index += 1 }
                    start = index
                    index = ByteSearch.firstIndex(of: 0x0D, in: bytes, from: index)
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
            }
        } else {
            out = input
        }
        var lines: [TextLine] = []
        lines.reserveCapacity(out.count / 40)
        out.withUnsafeBufferPointer { bytes in
            var start = 0
            ByteSearch.forEachIndex(of: 0x0A, in: bytes) { end in
                lines.append(TextLine(number: lines.count + 1, range: start..<end))
                start = end + 1
            }
            if start < bytes.count { lines.append(TextLine(number: lines.count + 1, range: start..<bytes.count)) }
        }
        return DecodedText(utf8: out, encoding: encoding, lines: lines)
    }
}
