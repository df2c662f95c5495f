import Foundation
import PeelTestSupport
import Testing

/// The committed PDFs of the samples (LibreOffice's, `make-extractions.py`) as poppler writes their words with their boxes,
/// made at test time: `pdftotext -bbox` (words only) and `-bbox-layout` (words in poppler's blocks and lines). Laid out
/// as `-layout` prints a page (`PopplerWordBoxes`), every judgment, distribution, figure and finding reads as the
/// sample's; before, each page's words ran together as one paragraph and no report was read at all.
@Suite("Poppler's word boxes of the samples' PDFs")
struct WordBoxesCoverageTests {
    @Test("-bbox and -bbox-layout of each sample's PDF read as the sample", arguments: Fixtures.sampleNames)
    func coverage(sample name: String) throws {
        let pdf = "\(extractionsFolder)/\(sampleStem(name)).pdf"
        #expect(FileManager.default.fileExists(atPath: pdf))
        let folder = makeTemporaryFolder("word-boxes")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sample = try parseSample(name)
        for option in ["-bbox", "-bbox-layout"] {
            _ = try shell("pdftotext -enc UTF-8 \(option) '\(pdf)' boxes.html", in: folder)
            let (comparison, _) = try measure(sample: sample, variant: try readBytes(folder + "/boxes.html"))
            #expect(comparison.wrongCount == 0, "\(option): \(comparison.kinds.values.flatMap(\.wrong).map(\.item.description))")
            for kind in CoverageKind.allCases {
                #expect(comparison[kind].missing.isEmpty, "\(option) \(kind): \(comparison[kind].missing.prefix(3).map(\.description))")
            }
        }
    }
}
