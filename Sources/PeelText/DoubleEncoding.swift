/// UTF-8 that was read as Windows-1252 (or Latin-1) and written out as UTF-8 again, as an editor, a pipe or `iconv`
/// with the wrong source encoding leaves it: "â€“" for "–", "Â¹" for "¹" (so "Overall judgmentÂ¹" is no heading),
/// "Ã©" for "é". Undone by writing each character back as the one byte the wrong reading took it from.
///
/// Taken for such text only when every character past ASCII is one that Windows-1252 or Latin-1 gives a byte for and
/// those bytes are UTF-8: text written in UTF-8 once breaks that at its first character past ASCII ("–" is the byte
/// 0x96, which cannot open a character; "é" is 0xE9, which needs two more past ASCII), so the check costs it nothing.
enum DoubleEncoding {
    /// The bytes before the second encoding, or nil. `bytes` are valid UTF-8, ASCII before `firstNonASCII`.
    static func undone(_ bytes: UnsafeBufferPointer<UInt8>, from firstNonASCII: Int) -> [UInt8]? {
        guard firstNonASCII < bytes.count else { return nil }
        var out: [UInt8] = []
        /// Continuation bytes the character being written back still needs.
        var owed = 0
        var index = firstNonASCII
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                guard owed == 0 else { return nil }
                out.append(lead)
                index += 1
                continue
            }
            let (scalar, length) = Normaliser.decodeScalar(bytes, at: index)
            index += length
            // A character past Latin-1 and Windows-1252's own (past U+FFFF too) came from no one byte.
            guard let byte = scalar <= 0xFF ? UInt8(scalar) : windows1252Byte(scalar) else { return nil }
            if owed > 0 {
                guard byte & 0xC0 == 0x80 else { return nil }
                owed -= 1
            } else {
                switch byte {
                case 0xC2...0xDF: owed = 1
                case 0xE0...0xEF: owed = 2
                case 0xF0...0xF4: owed = 3
                default: return nil
                }
                // The text's first character past ASCII opens one: only now is the ASCII before it copied (most
                // texts are turned away here).
                if out.isEmpty && index - firstNonASCII <= 3 {
                    out.reserveCapacity(bytes.count)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<firstNonASCII]))
                }
            }
            out.append(byte)
        }
        guard owed == 0, TextDecoder.isValidUTF8(out) else { return nil }
        return out
    }

    /// The Windows-1252 byte (0x80–0x9F) of a character outside Latin-1, or nil.
    private static func windows1252Byte(_ scalar: UInt32) -> UInt8? {
        switch scalar {
        case 0x20AC: 0x80
        case 0x201A: 0x82
        case 0x0192: 0x83
        case 0x201E: 0x84
        case 0x2026: 0x85
        case 0x2020: 0x86
        case 0x2021: 0x87
        case 0x02C6: 0x88
        case 0x2030: 0x89
        case 0x0160: 0x8A
        case 0x2039: 0x8B
        case 0x0152: 0x8C
        case 0x017D: 0x8E
        case 0x2018: 0x91
        case 0x2019: 0x92
        case 0x201C: 0x93
        case 0x201D: 0x94
        case 0x2022: 0x95
        case 0x2013: 0x96
        case 0x2014: 0x97
        case 0x02DC: 0x98
        case 0x2122: 0x99
        case 0x0161: 0x9A
        case 0x203A: 0x9B
        case 0x0153: 0x9C
        case 0x017E: 0x9E
        case 0x0178: 0x9F
        default: nil
        }
    }
}
