/// Byte-level tests on lines, for the parser's per-line checks. `lowercased()`, `split` and `Character` loops
/// cost tens of instructions a character (grapheme breaking, allocation) and ran on every line of every report;
/// these compare UTF-8 bytes in place. Patterns are lowercase; only ASCII letters in the text are folded, which is
/// all the headings and labels matched against need. Concrete on `String` and `Substring`: generic versions were
/// not specialised across the module boundary and cost more than what they replaced.
extension String {
    /// Whether the text starts with `prefix` (lowercase), ignoring the case of ASCII letters.
    public func hasPrefix(ignoringASCIICase prefix: String) -> Bool {
        // Most lines differ in the first byte: that is settled before reaching the bytes of both strings.
        // (Subscripts, not `first`: that is a generic call from here.)
        let text = utf8, pattern = prefix.utf8
        guard !pattern.isEmpty else { return true }
        guard !text.isEmpty, ASCIIBytes.lower(text[text.startIndex]) == pattern[pattern.startIndex] else { return false }
        return ASCIIBytes.with(utf8) { ASCIIBytes.hasPrefix($0, prefix) }
    }

    /// Whether the text equals `other` (lowercase), ignoring the case of ASCII letters.
    public func equals(ignoringASCIICase other: String) -> Bool {
        utf8.count == other.utf8.count && hasPrefix(ignoringASCIICase: other)
    }

    /// Whether the text holds `needle` (lowercase), ignoring the case of ASCII letters.
    public func contains(ignoringASCIICase needle: String) -> Bool {
        ASCIIBytes.with(utf8) { haystack in ASCIIBytes.with(needle.utf8) { ASCIIBytes.contains(haystack, $0) } }
    }

    /// Where `needle` (lowercase) first starts, ignoring the case of ASCII letters, as an index of this text itself
    /// (an index found in a lowercase copy can run past the original, where a letter lowercases longer).
    public func firstIndex(ignoringASCIICase needle: String) -> String.Index? {
        let offset = ASCIIBytes.with(utf8) { haystack in ASCIIBytes.with(needle.utf8) { ASCIIBytes.firstIndex(of: $0, in: haystack) } }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    /// Whether the text holds this byte (a tab, say).
    public func containsByte(_ byte: UInt8) -> Bool {
        ASCIIBytes.with(utf8) { ByteSearch.firstIndex(of: byte, in: $0, from: 0) < $0.count }
    }

    /// Whether every byte is ASCII. On such text the byte-level tests here agree exactly with `lowercased()` and
    /// `Character` comparisons, which fold and combine only beyond ASCII.
    public var isASCII: Bool {
        ASCIIBytes.with(utf8) { ByteSearch.firstNonASCII(in: $0, from: 0) == $0.count }
    }

    /// `lowercased()`, byte for byte: ASCII letters are lowered on the bytes and only each run of non-ASCII scalars is
    /// given to the standard library, which lowers scalar by scalar (checked against every scalar in PeelTextTests).
    /// `lowercased()` of a line holding one curly quote or dash took some 30,000 instructions (callgrind).
    public func lowercasedByRuns() -> String {
        if isASCII { return lowercased() }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 8)
        ASCIIBytes.with(utf8) { bytes in
            var index = 0
            while index < bytes.count {
                guard bytes[index] >= 0x80 else {
                    out.append(ASCIIBytes.lower(bytes[index]))
                    index += 1
                    continue
                }
                let end = ByteSearch.firstASCII(in: bytes, from: index)
                out.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).lowercased().utf8)
                index = end
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `lowercased() == other` for a lowercase ASCII `other`; the lowercase copy is built only for non-ASCII text.
    public func lowercasedEquals(_ other: String) -> Bool {
        guard mayLowercaseToStart(other) else { return false }
        return isASCII ? equals(ignoringASCIICase: other) : lowercased() == other
    }

    /// `lowercased().contains(phrase)` for a lowercase ASCII `phrase`: an ASCII text is searched on its bytes, the same
    /// answer (`contains` on a lowercase copy cost some 26,000 instructions a phrase; callgrind).
    public func lowercasedContains(_ phrase: String) -> Bool {
        isASCII ? contains(ignoringASCIICase: phrase) : lowercased().contains(phrase)
    }

    /// `lowercased().hasPrefix(prefix)` for a lowercase ASCII `prefix`, as `lowercasedEquals`.
    public func lowercasedHasPrefix(_ prefix: String) -> Bool {
        guard mayLowercaseToStart(prefix) else { return false }
        return isASCII ? hasPrefix(ignoringASCIICase: prefix) : lowercased().hasPrefix(prefix)
    }

    /// False when the lowercase text cannot start with `ascii` (lowercase ASCII), settled without reading the whole text
    /// (both tests above are asked of every line of some sections, and most lines are turned away here). Lowercasing
    /// gives an ASCII character only from an ASCII one or the Kelvin sign (three bytes), so a text with fewer bytes than
    /// `ascii` cannot lowercase to start with it; and an ASCII first byte lowercases to the lowercase text's first.
    private func mayLowercaseToStart(_ ascii: String) -> Bool {
        let text = utf8, pattern = ascii.utf8
        guard text.count >= pattern.count else { return false }
        guard !pattern.isEmpty, !text.isEmpty else { return true }
        let first = text[text.startIndex]
        return first >= 0x80 || ASCIIBytes.lower(first) == pattern[pattern.startIndex]
    }

    /// The text with ASCII letters lowercased, as bytes.
    public var asciiLowercasedBytes: [UInt8] {
        ASCIIBytes.with(utf8) { bytes in
            [UInt8](unsafeUninitializedCapacity: bytes.count) { out, count in
                for index in 0..<bytes.count { out[index] = ASCIIBytes.lower(bytes[index]) }
                count = bytes.count
            }
        }
    }
}

extension Substring {
    /// Whether the text starts with `prefix` (lowercase), ignoring the case of ASCII letters.
    public func hasPrefix(ignoringASCIICase prefix: String) -> Bool {
        ASCIIBytes.with(utf8) { ASCIIBytes.hasPrefix($0, prefix) }
    }

    /// Whether the text equals `other` (lowercase), ignoring the case of ASCII letters.
    public func equals(ignoringASCIICase other: String) -> Bool {
        utf8.count == other.utf8.count && hasPrefix(ignoringASCIICase: other)
    }
}

extension NormalisedLine {
    /// `text.hasPrefix(ignoringASCIICase:)`, read on the line's bytes (no `String` made).
    public func textHasPrefix(ignoringASCIICase prefix: String) -> Bool { withText { ASCIIBytes.hasPrefix($0, prefix) } }

    /// `text.equals(ignoringASCIICase:)`, read on the line's bytes (no `String` made).
    public func textEquals(ignoringASCIICase other: String) -> Bool {
        byteCount == other.utf8.count && textHasPrefix(ignoringASCIICase: other)
    }
}

public enum ASCIIBytes {
    @inlinable
    public static func lower(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// An ASCII letter, either case.
    @inlinable
    public static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }

    /// An ASCII letter or digit.
    static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    /// Runs `body` on the contiguous UTF-8 of a string (native strings always are; others are copied once).
    @inline(__always)
    static func with<T>(_ utf8: String.UTF8View, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }

    @inline(__always)
    static func with<T>(_ utf8: Substring.UTF8View, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }

    /// Whether `text` opens with `prefix` (lowercase), ASCII letters lowercased.
    public static func hasPrefix(_ text: UnsafeBufferPointer<UInt8>, _ prefix: String) -> Bool {
        with(prefix.utf8) { pattern in
            guard text.count >= pattern.count else { return false }
            for index in 0..<pattern.count where lower(text[index]) != pattern[index] { return false }
            return true
        }
    }

    /// Whether `haystack`, ASCII letters lowercased, holds `needle` (lowercase).
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    /// Where `needle` (lowercase) first starts in `haystack`, ASCII letters lowercased: scan for the first byte, then
    /// compare (needles are a few words long). Sixteen bytes at a time are passed over when none of them can start the
    /// needle (a byte at a time, lowercasing each, was most of the cost of a line's phrase tests; callgrind).
    public static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard haystack.count >= needle.count, let base = haystack.baseAddress else { return nil }
        // The bytes that lowercase to `first` are it and, for a letter, its capital: with 0x20 set, each is `first`.
        // For a `first` that has 0x20 set, that test keeps every candidate (and lets a few others through, to the
        // comparison below); for one that has not, only the byte itself is.
        let folds = first & 0x20 != 0
        let fold = SIMD16<UInt8>(repeating: folds ? 0x20 : 0), target = SIMD16<UInt8>(repeating: first)
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if index + 16 <= haystack.count {
                let block = UnsafeRawPointer(base + index).loadUnaligned(as: SIMD16<UInt8>.self)
                if !ByteSearch.anyLane(block | fold .== target) {
                    index += 16
                    continue
                }
            }
            let end = min(index + 16, last + 1)
            while index < end {
                if lower(haystack[index]) == first {
                    var offset = 1
                    while offset < needle.count && lower(haystack[index + offset]) == needle[offset] { offset += 1 }
                    if offset == needle.count { return index }
                }
                index += 1
            }
        }
        return nil
    }
}
