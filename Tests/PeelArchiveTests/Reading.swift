import Foundation
import PeelArchive
import Testing

/// Every entry the reader delivers from the file at `path`, in order, and its summary: the suites' one way in.
/// Each read also holds the reader to its observer's promise: the bytes it hands an `InputObserver` are the file's,
/// in order, whatever the archive's format, damage or limits made the reader do.
func readAll(_ path: String, limits: ExtractionLimits = ExtractionLimits()) -> ([ExtractedEntry], ArchiveSummary) {
    var entries: [ExtractedEntry] = []
    var observed: [UInt8] = []
    let observer = InputObserver { observed.append(contentsOf: $0) }
    let summary = ArchiveReader(limits: limits).read(fileAt: path, observer: observer) { entries.append($0) }
    if let contents = FileManager.default.contents(atPath: path) {
        #expect(observer.complete && observer.readError == nil, "\(path)")
        #expect(observer.bytes == contents.count, "\(path)")
        #expect(observed == Array(contents), "\(path): the observer was not handed the file's bytes in order")
    } else {
        #expect(!observer.complete && observer.readError != nil, "\(path)")
    }
    return (entries, summary)
}
