/// Bytes → `DecodedText`. Pure: no I/O, no globals.
///
/// Order of trust: a byte-order mark decides; else valid UTF-8 is UTF-8; else Windows-1252, which maps
/// every byte. Bytes that look binary (a known file signature, NUL bytes, many control characters) are
/// refused rather than decoded into garbage.
public enum TextDecoder {
    public static func decode(_ bytes: [UInt8]) throws(NotText) -> DecodedText {
        if bytes.isEmpty { throw NotText(reason: "empty entry (0 bytes)") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try normalise(Array(bytes.dropFirst(3)), encoding: .utf8BOM, validate: true)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try fromUTF16(bytes.dropFirst(2), littleEndian: true) }
        if bytes.starts(with: [0xFE, 0xFF]) { return try fromUTF16(bytes.dropFirst(2), littleEndian: false) }
        if let signature = binarySignature(bytes) { throw NotText(reason: "not text: \(signature) signature") }
        try refuseBinary(bytes)
        if isValidUTF8(bytes) { return try normalise(bytes, encoding: .utf8, validate: false) }
        return try normalise(windows1252ToUTF8(bytes), encoding: .windows1252, validate: false)
    }

    // MARK: Encodings

    /// UTF-16 → UTF-8 directly: the standard library's `String(decoding:as: UTF16.self)` took its slow path on
    /// these entries. As there, an unpaired surrogate becomes U+FFFD and an odd last byte is dropped.
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
        bytes.withUnsafeBufferPointer(isValidUTF8)
    }

    /// Well-formed UTF-8 as the standard library's decoder judges it (no overlong forms, surrogates or scalars
    /// past U+10FFFF), with ASCII skipped a word at a time: almost every byte of an entry is ASCII.
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
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
    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let scalar = byte < 0xA0 ? cp1252High[Int(byte - 0x80)] : UInt32(byte)
            UTF8.encode(Unicode.Scalar(scalar)!) { out.append($0) }
        }
        return out
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

    /// NUL bytes or more than 1% control characters in the first 64 KiB mean this is no text.
    private static func refuseBinary(_ bytes: [UInt8]) throws(NotText) {
        let sampleCount = min(bytes.count, 64 << 10)
        let controls = bytes.withUnsafeBufferPointer { all in controlBytes(in: UnsafeBufferPointer(rebasing: all[..<sampleCount])) }
        guard let controls else { throw NotText(reason: "not text: contains NUL bytes") }
        if controls * 100 > sampleCount {
            throw NotText(reason: "not text: \(controls) control characters in the first \(sampleCount) bytes")
        }
    }

    /// How many C0 control bytes the bytes hold besides tab, line feed, form feed and carriage return (which are
    /// text); nil if any is NUL. Sixteen bytes a step: a block whose only bytes below a space are line feeds (most
    /// blocks of text) is passed over on one test of its lanes' bits; the others have their controls counted from
    /// the same bits. (Counting every block's controls in a vector's lanes, summed every 255 blocks, took half as many
    /// instructions again; a search for the next control byte stopped at every line feed.)
    static func controlBytes(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var controls = 0
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let space = SIMD16<UInt8>(repeating: 0x20), lineFeed = SIMD16<UInt8>(repeating: 0x0A)
            while index + 16 <= bytes.count {
                let block = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
                index += 16
                let below = block .< space
                guard ByteSearch.anyLane(below .& .!(block .== lineFeed)) else { continue }
                if ByteSearch.anyLane(block .== SIMD16<UInt8>(repeating: 0)) { return nil }
                let text = block .== SIMD16<UInt8>(repeating: 0x09) .| block .== lineFeed .| block .== SIMD16<UInt8>(repeating: 0x0C)
                    .| block .== SIMD16<UInt8>(repeating: 0x0D)
                controls += ByteSearch.laneBits(below .& .!text).nonzeroBitCount
            }
        }
        for byte in UnsafeBufferPointer(rebasing: bytes[index...]) {
            if byte == 0 { return nil }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D { controls += 1 }
        }
        return controls
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
