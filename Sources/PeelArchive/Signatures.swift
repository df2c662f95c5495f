import Glibc

/// Container formats recognised inside an archive by their leading bytes, so that an archive
/// inside an archive is opened whatever its name.
public enum NestedArchiveKind: String, Sendable {
    case zip, sevenZip = "7z", gzip, bzip2, xz, tar
}

/// The archive kind the bytes start with, or nil for anything else (text, images …).
public func nestedArchiveKind(_ bytes: [UInt8]) -> NestedArchiveKind? {
    func starts(_ signature: [UInt8]) -> Bool { bytes.starts(with: signature) }
    if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
    if starts([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) { return .sevenZip }
    if starts([0x1F, 0x8B]) { return .gzip }
    if starts([0x42, 0x5A, 0x68]) && bytes.count > 3 && (0x31...0x39).contains(bytes[3]) { return .bzip2 }
    if starts([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
    // POSIX/GNU tar: "ustar" at offset 257.
    if bytes.count >= 262 && Array(bytes[257..<262]) == [0x75, 0x73, 0x74, 0x61, 0x72] { return .tar }
    return nil
}

/// What an input file's name says it holds, by its suffix: an archive, a compression, or both (`.tar.gz`). Bytes that
/// are none of it would otherwise be read as one text entry, as any file that is no archive is: an error page a
/// download saved as `reports.zip` became a "not a PEEL report" entry and a run that succeeded with nothing read. The
/// input is refused instead, saying what its name promised and how its bytes begin.
struct NamedFormat: Equatable {
    enum Container: String {
        case zip = "a ZIP archive", sevenZip = "a 7-Zip archive", tar = "a tar archive"
    }

    let suffix: String
    let container: Container?
    /// libarchive's (and `ArchiveSummary.filters`') name of the compression: gzip, bzip2, xz, lzma.
    let compression: String?

    /// How many of the first bytes a refusal shows.
    static let shownBytes = 24

    /// Longer suffixes before the shorter ones they end with.
    private static let suffixes: [(String, Container?, String?)] = [
        (".tar.gz", .tar, "gzip"), (".tgz", .tar, "gzip"), (".tar.bz2", .tar, "bzip2"), (".tbz2", .tar, "bzip2"),
        (".tbz", .tar, "bzip2"), (".tar.xz", .tar, "xz"), (".txz", .tar, "xz"), (".tar.lzma", .tar, "lzma"),
        (".tar", .tar, nil), (".zip", .zip, nil), (".7z", .sevenZip, nil),
        (".gz", nil, "gzip"), (".bz2", nil, "bzip2"), (".xz", nil, "xz"), (".lzma", nil, "lzma"),
    ]

    init?(fileName: String) {
        let lower = fileName.lowercased()
        guard let (suffix, container, compression) = Self.suffixes.first(where: { lower.count > $0.0.count && lower.hasSuffix($0.0) }) else {
            return nil
        }
        self.suffix = suffix
        self.container = container
        self.compression = compression
    }

    /// Why an input so named, which libarchive could read only as one raw entry through `filters`, is refused; nil when
    /// its name promised a compressed file and it is one (a `report.txt.gz`).
    func refusal(filters: [String], head: [UInt8]) -> String? {
        let begins = "its first bytes are \"\(EntryName.display(bytes: head))\(head.count == Self.shownBytes ? "…" : "")\""
        if let compression, !filters.contains(compression) {
            return "not \(compression)-compressed, as its name (\(suffix)) says: \(head.isEmpty ? "it is empty" : begins); nothing of it was read"
        }
        guard let container else { return nil }
        let found = compression.map { "its \($0) data holds one file and no archive" } ?? begins
        return "not \(container.rawValue), as its name (\(suffix)) says: \(found); nothing of it was read"
    }
}

/// Entry names as people read them in a manifest or a log line.
public enum EntryName {
    /// Valid UTF-8 is kept; invalid bytes and control characters become `\xNN`, so a hostile name
    /// can neither break a log line nor hide what it is.
    public static func display<S: Sequence>(bytes: S) -> String where S.Element == UInt8 {
        // Nearly every name is printable ASCII, which is kept as it is: one test a byte (the general walk below was
        // a tenth of the reader's own work per entry besides the data, callgrind).
        if let printable = bytes.withContiguousStorageIfAvailable({ buffer in
            buffer.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? String(decoding: buffer, as: UTF8.self) : nil
        }), let printable {
            return printable
        }
        var out = ""
        var pending: [UInt8] = []
        func flush() {
            guard !pending.isEmpty else { return }
            out += escapeInvalid(pending)
            pending.removeAll(keepingCapacity: true)
        }
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F {
                flush()
                out += hexEscape(byte)
            } else {
                pending.append(byte)
            }
        }
        flush()
        return out
    }

    public static func display(cString: UnsafePointer<CChar>) -> String {
        let length = strlen(cString)
        return cString.withMemoryRebound(to: UInt8.self, capacity: length) {
            display(bytes: UnsafeBufferPointer(start: $0, count: length))
        }
    }

    /// A C string of printable ASCII as `display` gives it (the same bytes), read in one pass; nil for any other.
    static func printableASCII(cString: UnsafePointer<CChar>) -> String? {
        let start = UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self)
        var byte = start
        while byte.pointee != 0 {
            guard byte.pointee >= 0x20 && byte.pointee < 0x7F else { return nil }
            byte += 1
        }
        return String(decoding: UnsafeBufferPointer(start: start, count: byte - start), as: UTF8.self)
    }

    private static func escapeInvalid(_ bytes: [UInt8]) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        // Walk the bytes, keeping the longest valid UTF-8 sequences and escaping the rest.
        var out = ""
        var index = 0
        while index < bytes.count {
            let length = utf8SequenceLength(bytes, at: index)
            if length > 0, let scalar = String(validating: bytes[index..<index + length], as: UTF8.self) {
                out += scalar
                index += length
            } else {
                out += hexEscape(bytes[index])
                index += 1
            }
        }
        return out
    }

    private static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0x00...0x7F: length = 1
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        return index + length <= bytes.count ? length : 0
    }

    /// Why a name (as `display` gives it) is one an extractor would refuse, by libarchive's secure-extraction
    /// rules: an absolute path (a leading `/` or `\`, or a drive's colon after the first character) or a `..`
    /// segment between `/` and `\`. Nil for a safe name. Read on the bytes when they are ASCII without a carriage
    /// return (every character one byte, as `display` leaves them); otherwise by characters, where a combining mark
    /// makes one character of a separator and the mark.
    static func unsafeReason(_ name: String) -> String? {
        let byBytes: String?? = name.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            let slash = UInt8(ascii: "/"), backslash = UInt8(ascii: "\\"), dot = UInt8(ascii: ".")
            if let first = bytes.first, first == slash || first == backslash { return .some("unsafe entry name: absolute path") }
            if bytes.count >= 2 && bytes[1] == UInt8(ascii: ":") { return .some("unsafe entry name: absolute path") }
            var segmentStart = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == slash || bytes[end] == backslash {
                if end - segmentStart == 2 && bytes[segmentStart] == dot && bytes[segmentStart + 1] == dot {
                    return .some("unsafe entry name: \"..\" path segment")
                }
                segmentStart = end + 1
            }
            return .some(nil)
        } ?? nil
        if let byBytes { return byBytes }
        return unsafeReasonByCharacters(name)
    }

    /// `unsafeReason` for any name, character by character (the rule as it is stated).
    static func unsafeReasonByCharacters(_ name: String) -> String? {
        let segments = name.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "\\" })
        if name.hasPrefix("/") || name.hasPrefix("\\") || (name.count >= 2 && name.dropFirst().first == ":") {
            return "unsafe entry name: absolute path"
        }
        if segments.contains("..") { return "unsafe entry name: \"..\" path segment" }
        return nil
    }

    private static func hexEscape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}

/// Office documents are zip files of XML parts: one document, never an archive of reports.
public enum OfficeDocumentKind: String, Sendable, CaseIterable {
    case docx, xlsx, pptx, odt, ods, odp, odg

    /// The Office document a zip's bytes hold, or nil. `head` is the file's first bytes (≥ 100), `tail` its last
    /// (≥ 64 KiB + 22, or the whole file), `size` the file's size. OpenDocument says so in its first entry, an
    /// uncompressed `mimetype`; Office Open XML by its parts, named in the central directory at the end.
    public static func detect(head: ArraySlice<UInt8>, tail: ArraySlice<UInt8>, size: Int) -> OfficeDocumentKind? {
        guard head.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { return nil }
        let prefix = Array("application/vnd.oasis.opendocument.".utf8)
        let h = head.startIndex
        if head.count >= 38 + prefix.count + 3, Array(head[h + 30..<h + 38]) == Array("mimetype".utf8),
           Array(head[h + 38..<h + 38 + prefix.count]) == prefix {
            let rest = String(decoding: head[(h + 38 + prefix.count)...].prefix(20), as: UTF8.self)
            if rest.hasPrefix("text") { return .odt }
            if rest.hasPrefix("spreadsheet") { return .ods }
            if rest.hasPrefix("presentation") { return .odp }
            if rest.hasPrefix("graphics") { return .odg }
        }
        let names = centralDirectoryNames(tail: tail, size: size)
        // A package holds only its parts: a zip that holds other files beside them (reports zipped with a document's
        // unpacked parts) is an archive, and its reports are read.
        guard names.contains("[Content_Types].xml"),
              names.allSatisfy({ name in name == "[Content_Types].xml" || packageFolders.contains { name.hasPrefix($0) } }) else { return nil }
        if names.contains("word/document.xml") { return .docx }
        if names.contains("xl/workbook.xml") { return .xlsx }
        if names.contains("ppt/presentation.xml") { return .pptx }
        return nil
    }

    /// The folders of an Office Open XML package's parts, as Word, Excel, PowerPoint and LibreOffice write them.
    private static let packageFolders = ["_rels/", "docProps/", "word/", "xl/", "ppt/", "customXml/"]

    /// The entry names of a zip's central directory, when the whole of it lies in `tail`; empty otherwise.
    private static func centralDirectoryNames(tail: ArraySlice<UInt8>, size: Int) -> Set<String> {
        func u16(_ at: Int) -> Int { Int(tail[at]) | Int(tail[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        // The end-of-central-directory record is the last "PK\5\6" with room for its 22 bytes.
        var end = tail.endIndex - 22
        while end >= tail.startIndex && !(tail[end] == 0x50 && tail[end + 1] == 0x4B && tail[end + 2] == 5 && tail[end + 3] == 6) { end -= 1 }
        guard end >= tail.startIndex else { return [] }
        let count = u16(end + 10), directoryOffset = u32(end + 16)
        // Offsets are from the file's start; the tail starts `size - tail.count` bytes in.
        var at = tail.startIndex + directoryOffset - (size - tail.count)
        guard at >= tail.startIndex, count < 10_000 else { return [] }
        var names = Set<String>()
        for _ in 0..<count {
            guard at + 46 <= end, u32(at) == 0x0201_4B50 else { return [] }
            let nameLength = u16(at + 28), extra = u16(at + 30), comment = u16(at + 32)
            guard at + 46 + nameLength <= end else { return [] }
            names.insert(String(decoding: tail[at + 46..<at + 46 + nameLength], as: UTF8.self))
            at += 46 + nameLength + extra + comment
        }
        return names
    }
}
