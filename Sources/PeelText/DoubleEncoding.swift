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

    /// The Windows-1252 byte (0x80–0x9F) of a character outside Latin-1, or nil: the decoder's own table read
    /// backwards (its five undefined bytes, U+FFFD there, stand for no character).
    private static func windows1252Byte(_ scalar: UInt32) -> UInt8? {
        guard scalar != 0xFFFD, let offset = TextDecoder.cp1252High.firstIndex(of: scalar) else { return nil }
        return UInt8(0x80 + offset)
    }
}
