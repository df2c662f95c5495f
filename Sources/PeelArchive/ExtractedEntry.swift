/// What happens to an entry that does not go on to be parsed.
public enum EntryDisposition: String, Sendable, Codable {
    /// Not a report, nothing wrong with it (a link, a nested archive that was opened, a duplicate …).
    case skipped
    /// Unsafe or unreadable; kept out of the outputs and listed with the reason.
    case quarantined
}

/// Why an entry's bytes are not handed on.
public struct EntryRejection: Error, Sendable, Equatable {
    public let disposition: EntryDisposition
    public let reason: String

    public init(_ disposition: EntryDisposition, _ reason: String) {
        self.disposition = disposition
        self.reason = reason
    }
}

/// One entry of an input archive, in archive order, with its bytes fully read within the limits
/// or the reason they were not.
public struct ExtractedEntry: Sendable {
    /// Path inside the input archive; an entry of a nested archive is `outer.zip!/inner.txt`.
    public let path: String
    /// Position among all entries of the input archive, nested ones included (depth first).
    public let ordinal: Int
    public let content: Result<[UInt8], EntryRejection>
    /// Bytes actually read (all of them for a good entry, those read before the problem otherwise).
    public let bytesRead: Int
    /// libarchive warnings that did not stop the entry.
    public let warnings: [String]
    /// Bytes of the input file consumed when the entry was delivered (for progress and ETA).
    public var inputOffset = 0
}

/// How reading one input archive went.
public struct ArchiveSummary: Sendable, Equatable, Codable {
    /// libarchive's names for the container format and the compression filters, outermost first.
    public var format: String?
    public var filters: [String] = []
    public var entries = 0
    public var expandedBytes = 0
    /// Why reading stopped before the end, when it did. Entries delivered before that stand, unless withdrawn.
    public var failure: String?
    /// Entries from this ordinal on that were handed on whole must be withdrawn: their bytes were inflated from
    /// compressed data whose check (a gzip member's CRC-32) failed only after they were read, so any of them may
    /// be damaged. Nil when every entry handed on is as the archive holds it.
    public var withdrawFrom: Int?
    public var warnings: [String] = []

    public init() {}

    /// Whether the input's entries are named after the input file itself (`ArchiveReader.entryName(ofFileNamed:)`):
    /// a file that is no archive (and an archive found inside it), or an Office document given as an input. Renaming
    /// the file renames them.
    public var entriesNamedAfterFile: Bool {
        format == "raw" || OfficeDocumentKind.allCases.contains { format == ArchiveReader.officeFormat($0) }
    }
}

/// Separator between the path of a nested archive and the path of an entry inside it.
public let nestedEntrySeparator = "!/"
