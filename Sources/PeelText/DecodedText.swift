/// The character encoding an entry's bytes were read in.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// The fallback for bytes that are not valid UTF-8 (what Word and older PDF tools write).
    case windows1252 = "windows-1252"
    /// UTF-8 read as Windows-1252 and encoded as UTF-8 again ("â€“" for "–"), read as the UTF-8 it was.
    case utf8DoubleEncoded = "utf-8-double-encoded"
}

/// One line of normalised text and the line it came from in the original entry (1-based).
public struct TextLine: Sendable, Equatable {
    public let number: Int
    /// Byte range in `DecodedText.utf8`, without the line break.
    public let range: Range<Int>
}

/// An entry's text: UTF-8 with `\n` line ends, and a map from each line back to the original line number,
/// so that every value parsed from it can name its source line.
public struct DecodedText: Sendable {
    public let utf8: [UInt8]
    public let encoding: TextEncoding
    public let lines: [TextLine]

    public init(utf8: [UInt8], encoding: TextEncoding, lines: [TextLine]) {
        self.utf8 = utf8
        self.encoding = encoding
        self.lines = lines
    }

    public func string(_ line: TextLine) -> String {
        String(decoding: utf8[line.range], as: UTF8.self)
    }
}

/// Why bytes are not text the pipeline can read.
public struct NotText: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    public var description: String { reason }
}

/// The flavour of PDF extraction a text is in: plain lines, markdown-ish (`#` headings, `**`, `<b>`), or an HTML
/// document (a saved web page, `pdftohtml`), read as the text it shows (`HTMLText`).
public enum TextFormat: String, Sendable, Codable, CaseIterable {
    case plain, markdown, html

    /// Markdown when a line starts with a `#` heading or holds `**` or a `<b>`/`<sup>` tag.
    public static func detect(_ text: DecodedText) -> TextFormat {
        text.utf8.withUnsafeBufferPointer { bytes in
            for line in text.lines where !line.range.isEmpty && bytes[line.range.lowerBound] == UInt8(ascii: "#") {
                var index = line.range.lowerBound
                while index < line.range.upperBound && bytes[index] == UInt8(ascii: "#") { index += 1 }
                if index < line.range.upperBound && bytes[index] == UInt8(ascii: " ") { return .markdown }
            }
            // The marks are looked for in the whole text at once (`memchr`: both start bytes are rare in plain text).
            // A mark never spans lines: the byte after a line's last is its line feed, which no mark holds.
            var star = ByteSearch.firstIndex(of: UInt8(ascii: "*"), in: bytes, from: 0)
            while star + 1 < bytes.count {
                if bytes[star + 1] == UInt8(ascii: "*") { return .markdown }
                star = ByteSearch.firstIndex(of: UInt8(ascii: "*"), in: bytes, from: star + 1)
            }
            var angle = ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: 0)
            while angle + 2 < bytes.count {
                if bytes[angle + 1] == UInt8(ascii: "b") || bytes[angle + 1] == UInt8(ascii: "s"),
                   bytes[angle + 2] == UInt8(ascii: ">") || bytes[angle + 2] == UInt8(ascii: "u") {
                    return .markdown
                }
                angle = ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: angle + 1)
            }
            return .plain
        }
    }
}
