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

    private static func fromUTF16(_ body: ArraySlice<UInt8>, littleEndian: Bool) throws(NotText) -> DecodedText {
        let count = body.count / 2
        var units = [UInt16]()
        units.reserveCapacity(count)
        var index = body.startIndex
        for _ in 0..<count {
            let a = UInt16(body[index]), b = UInt16(body[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        let utf8 = Array(String(decoding: units, as: UTF16.self).utf8)
        return try normalise(utf8, encoding: littleEndian ? .utf16LE : .utf16BE, validate: false)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
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
        let sample = bytes.prefix(64 << 10)
        var controls = 0
        for byte in sample {
            if byte == 0 { throw NotText(reason: "not text: contains NUL bytes") }
            // Tab, line feed, form feed and carriage return are text; other C0 controls are not.
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D { controls += 1 }
        }
        if controls * 100 > sample.count {
            throw NotText(reason: "not text: \(controls) control characters in the first \(sample.count) bytes")
        }
    }

    // MARK: Line ends

    /// CRLF and lone CR become LF; lines are numbered as in the original (a CRLF is one line break).
    private static func normalise(_ input: [UInt8], encoding: TextEncoding, validate: Bool) throws(NotText) -> DecodedText {
        if validate && !isValidUTF8(input) {
            return try normalise(windows1252ToUTF8(input), encoding: .windows1252, validate: false)
        }
        var out: [UInt8]
        if input.contains(0x0D) {
            out = []
            out.reserveCapacity(input.count)
            var index = 0
            while index < input.count {
                let byte = input[index]
                if byte == 0x0D {
                    out.append(0x0A)
                    if index + 1 < input.count && input[index + 1] == 0x0A { index += 1 }
                } else {
                    out.append(byte)
                }
                index += 1
            }
        } else {
            out = input
        }
        var lines: [TextLine] = []
        lines.reserveCapacity(out.count / 40)
        var start = 0
        for (index, byte) in out.enumerated() where byte == 0x0A {
            lines.append(TextLine(number: lines.count + 1, range: start..<index))
            start = index + 1
        }
        if start < out.count { lines.append(TextLine(number: lines.count + 1, range: start..<out.count)) }
        return DecodedText(utf8: out, encoding: encoding, lines: lines)
    }
}
