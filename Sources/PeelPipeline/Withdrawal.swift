import PeelArchive

/// Entries of one input taken back after they were read: every entry from `fromOrdinal` on that was read whole came
/// from compressed data found corrupt only later (`ArchiveSummary.withdrawFrom`). Each is listed quarantined, with
/// the reason, and nothing is made from its bytes.
struct Withdrawal: Sendable, Equatable {
    let fromOrdinal: Int
    /// Why, for each entry's record.
    let reason: String

    /// The withdrawals a pass found that the pass did not apply (read again, not replayed from the cache: a cached
    /// archive's records were written with its withdrawals applied), by input index.
    static func newlyFound(in archives: [ArchiveRecord], applied: [Int: Withdrawal]) -> [(key: Int, value: Withdrawal)] {
        archives.compactMap { record in
            guard !record.cached, let from = record.summary.withdrawFrom, from < applied[record.index]?.fromOrdinal ?? Int.max else { return nil }
            return (record.index, Withdrawal(fromOrdinal: from, reason:
                "withdrawn: its bytes were decompressed from data found corrupt only after it was read, so they may be damaged (the input's error says what was found)"))
        }
    }
}
