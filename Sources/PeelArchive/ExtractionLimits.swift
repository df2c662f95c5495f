/// Bounds on what one input archive may expand to. They count bytes actually decompressed, never the
/// sizes that headers declare (overlapping zip entries can stream far more than any header says).
public struct ExtractionLimits: Sendable, Codable, Equatable, Hashable {
    /// Largest entry kept in memory; a bigger one is quarantined.
    public var maxEntryBytes: Int
    /// Bytes one input archive may expand to, nested archives included; reading stops past it.
    public var maxArchiveExpandedBytes: Int
    /// Expanded ÷ compressed bytes of one entry, checked once `ratioCheckAfterBytes` of it have expanded: past
    /// it the entry is a decompression bomb, quarantined and skipped (unread in a zip; elsewhere inflated and
    /// counted, within the archive's budgets), and the entries after it are read.
    public var maxCompressionRatio: Double
    public var ratioCheckAfterBytes: Int
    /// Seconds one input archive may spend decompressing (nested archives included); reading stops past it. With
    /// `maxArchiveExpandedBytes`, the budget that bounds what a bomb in a stream (tar.gz, tar.xz) costs.
    public var maxArchiveSeconds: Double
    /// Archives inside archives are opened up to this depth (the input archive is depth 0). Real collections nest
    /// folders of zips of tarballs; the expansion limits, not this, are what stops a bomb (ClamAV allows 17).
    public var maxNestingDepth: Int
    /// Entries one input archive may hold, nested ones included.
    public var maxEntriesPerArchive: Int
    /// Lines one entry's text may hold (a PDF's once extracted, an HTML page's once its tags are read); more, and it is
    /// quarantined. A line costs the parser some 130 bytes of memory however short it is, so an entry of nothing but
    /// line ends (a few kilobytes zipped) held 4 GB at `maxEntryBytes`; a report's text is a few thousand lines, a
    /// 2,000-page PDF's some 120,000. Not the reader's to check (it never sees text): the pipeline's entry stage does;
    /// it is here because it is configured and recorded with the other limits ("limits" in pipeline.json).
    public var maxEntryLines: Int

    public init(
        maxEntryBytes: Int = 32 << 20,
        maxArchiveExpandedBytes: Int = 16 << 30,
        maxCompressionRatio: Double = 200,
        ratioCheckAfterBytes: Int = 64 << 20,
        maxNestingDepth: Int = 10,
        maxEntriesPerArchive: Int = 1_000_000,
        maxArchiveSeconds: Double = 1800,
        maxEntryLines: Int = 1_000_000
    ) {
        self.maxEntryBytes = maxEntryBytes
        self.maxArchiveExpandedBytes = maxArchiveExpandedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckAfterBytes = ratioCheckAfterBytes
        self.maxNestingDepth = maxNestingDepth
        self.maxEntriesPerArchive = maxEntriesPerArchive
        self.maxArchiveSeconds = maxArchiveSeconds
        self.maxEntryLines = maxEntryLines
    }

    enum CodingKeys: String, CodingKey {
        case maxEntryBytes = "max_entry_bytes"
        case maxArchiveExpandedBytes = "max_archive_expanded_bytes"
        case maxCompressionRatio = "max_compression_ratio"
        case ratioCheckAfterBytes = "ratio_check_after_bytes"
        case maxNestingDepth = "max_nesting_depth"
        case maxEntriesPerArchive = "max_entries_per_archive"
        case maxArchiveSeconds = "max_archive_seconds"
        case maxEntryLines = "max_entry_lines"
    }
}
