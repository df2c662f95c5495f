import PeelArchive

/// Every entry the reader delivers from the file at `path`, in order, and its summary: the suites' one way in.
func readAll(_ path: String, limits: ExtractionLimits = ExtractionLimits()) -> ([ExtractedEntry], ArchiveSummary) {
    var entries: [ExtractedEntry] = []
    let summary = ArchiveReader(limits: limits).read(fileAt: path) { entries.append($0) }
    return (entries, summary)
}
