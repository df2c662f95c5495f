import PeelArchive

/// Entries of inputs taken back after they were read: every entry of an input from its first withdrawn ordinal on
/// that was read whole came from compressed data found corrupt only later (`ArchiveSummary.withdrawFrom`). Each is
/// listed quarantined, with `rejection`'s reason, and nothing is made from its bytes.
enum Withdrawal {
    static let rejection = EntryRejection(.quarantined,
        "withdrawn: its bytes were decompressed from data found corrupt only after it was read, so they may be damaged (the input's error says what was found)")

    /// The first withdrawn ordinal of each input a pass found that the pass did not apply (read again, not replayed
    /// from the cache: a cached archive's records were written with its withdrawals applied), by input index.
    static func newlyFound(in archives: [ArchiveRecord], applied: [Int: Int]) -> [(index: Int, fromOrdinal: Int)] {
        archives.compactMap { record in
            guard !record.cached, let from = record.summary.withdrawFrom, from < applied[record.index] ?? Int.max else { return nil }
            return (record.index, from)
        }
    }
}
