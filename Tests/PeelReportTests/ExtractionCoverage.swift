import Foundation
import PeelReport
import PeelTestSupport
import PeelText
import Testing

// MARK: - Extraction coverage: how many of a sample's values come out of a variant of its text
//
// The yardstick of "the same values whatever the layout": a variant's Report is compared with the sample's own
// Report on VALUES (source lines may differ), per kind:
//   judgments      (force_id, question)                                   → grade, last_inspected
//   distributions  (question, grade)                                      → forces
//   figures        (area, metric, qualifier, period start/end/as_at, source) → value      (a multiset per key)
//   findings       (question, kind)                                       → text, whitespace collapsed (a multiset; ordinal ignored)
// found = multiset intersection; missing = the sample's values not found; WRONG = the variant's values not matched
// (another value for a known key, or a key the sample does not have).

// MARK: Floors — what the parser must keep achieving. RATCHET THESE UP as the parser improves.
//
// "sample|transform" → minimum share (percent, of the sample's values found) per kind and maximum wrong values.
// `Tests/Fixtures/measure-extractions.sh` prints the current table and, below it, a ready-to-paste `floors` literal
// of what the parser achieves now.
// A row without a floor is measured and printed but not asserted (e.g. a newly committed extraction).

struct CoverageFloor: Sendable {
    var judgments: Double
    var distributions: Double
    var figures: Double
    var findings: Double
    var wrong: Int
}

extension ExtractionCoverageTests {
    static let floors: [String: CoverageFloor] = [
        // FLOORS-BEGIN — "sample|transform": minimum % found per kind, maximum wrong values. Measured on the
        // layout-stage parser (shares rounded down to 0.1 %). Raise them as the parser improves;
        // never lower one without a reason.
        "2015-dyfed-powys|wrap 40-120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|wrap 76": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|wrap 100": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|re-wrapped a width a paragraph": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|tabs aligned": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|tabs expanded": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|cells per line": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|cells as blocks": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|tables as paragraphs, raw HTML bold 60-120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|cells a bar apart": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|cells a bar after": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|tables as paragraphs 60-120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|page furniture 55": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|footnoted pages 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|unpaged furniture 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|page numbers alone 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|numbered footer 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|alternating headers 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|headers alone 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|headers inline 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|alternating headers inline 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|no blank lines": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|bullets removed": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|numbered lists": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|unicode noise": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|crlf": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|wrap 40-120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|wrap 76": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|wrap 100": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|re-wrapped a width a paragraph": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|tabs aligned": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|tabs expanded": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|cells per line": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|cells as blocks": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|tables as paragraphs, raw HTML bold 60-120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|cells a bar apart": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|cells a bar after": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|tables as paragraphs 60-120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|page furniture 55": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|footnoted pages 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|unpaged furniture 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|page numbers alone 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|numbered footer 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|alternating headers 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|headers alone 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|headers inline 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|alternating headers inline 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|no blank lines": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|bullets removed": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|numbered lists": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|unicode noise": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|crlf": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|wrap 40-120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|wrap 76": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|wrap 100": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|re-wrapped a width a paragraph": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|tabs aligned": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|tabs expanded": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|cells per line": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|cells as blocks": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|tables as paragraphs, raw HTML bold 60-120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|cells a bar apart": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|cells a bar after": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|tables as paragraphs 60-120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|page furniture 55": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|footnoted pages 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|unpaged furniture 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|page numbers alone 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|numbered footer 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|alternating headers 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|headers alone 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|headers inline 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|alternating headers inline 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|no blank lines": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|bullets removed": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|numbered lists": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|unicode noise": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|crlf": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|wrap 40-120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|wrap 76": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|wrap 100": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|re-wrapped a width a paragraph": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|tabs aligned": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|tabs expanded": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|cells per line": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|cells as blocks": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|tables as paragraphs, raw HTML bold 60-120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|cells a bar apart": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|cells a bar after": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|tables as paragraphs 60-120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|page furniture 55": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|footnoted pages 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|unpaged furniture 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|page numbers alone 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|numbered footer 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|alternating headers 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|headers alone 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|headers inline 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|alternating headers inline 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|no blank lines": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|bullets removed": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|numbered lists": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|unicode noise": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|crlf": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|wrap 40-120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|wrap 76": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|wrap 100": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|re-wrapped a width a paragraph": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|tabs aligned": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|tabs expanded": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|cells per line": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|cells as blocks": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|tables as paragraphs, raw HTML bold 60-120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|cells a bar apart": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|cells a bar after": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|tables as paragraphs 60-120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|page furniture 55": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|footnoted pages 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|unpaged furniture 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|page numbers alone 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|numbered footer 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|alternating headers 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|headers alone 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|headers inline 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|alternating headers inline 20-70": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|no blank lines": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|bullets removed": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|numbered lists": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|unicode noise": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|crlf": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction reading": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction reading unpaged": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pymupdf": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfminer": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfminer unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pymupdf": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfminer": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfminer unpaged": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pymupdf": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfminer": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfminer unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pymupdf": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfminer": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfminer unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pymupdf": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfminer": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfminer unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfplumber": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfplumber-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfplumber": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfplumber-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfplumber": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfplumber-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfplumber": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfplumber-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfplumber": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfplumber-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pypdf": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pypdf-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pypdf": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pypdf-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pypdf": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pypdf-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pypdf": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pypdf-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pypdf": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pypdf-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        // pymupdf4llm's Markdown (see README.md).
        "2015-dyfed-powys|extraction pymupdf4llm": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pymupdf4llm": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pymupdf4llm": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pymupdf4llm": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pymupdf4llm": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        // Ghostscript's txtwrite and mutool's text (make-tool-extractions.sh).
        "2015-dyfed-powys|extraction ghostscript": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction mutool": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction mutool unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdftohtml": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdftohtml-complex": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdftohtml-pages": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pymupdf4llm-pandoc": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction chromium-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction chromium-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction chromium-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction chromium-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pandoc-chromium-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pandoc-chromium-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pandoc-chromium-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pandoc-chromium-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction ghostscript": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction mutool": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction mutool unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdftohtml": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdftohtml-complex": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdftohtml-pages": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pymupdf4llm-pandoc": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction chromium-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction chromium-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction chromium-reading": CoverageFloor(judgments: 90.6, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction chromium-reading unpaged": CoverageFloor(judgments: 90.6, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pandoc-chromium-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pandoc-chromium-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pandoc-chromium-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pandoc-chromium-reading unpaged": CoverageFloor(judgments: 100, distributions: 80, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction ghostscript": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction mutool": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction mutool unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdftohtml": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdftohtml-complex": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdftohtml-pages": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pymupdf4llm-pandoc": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction chromium-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction chromium-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction chromium-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction chromium-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pandoc-chromium-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pandoc-chromium-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pandoc-chromium-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pandoc-chromium-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction ghostscript": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction mutool": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction mutool unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdftohtml": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdftohtml-complex": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdftohtml-pages": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pymupdf4llm-pandoc": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction chromium-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction chromium-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction chromium-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction chromium-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pandoc-chromium-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pandoc-chromium-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pandoc-chromium-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pandoc-chromium-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction ghostscript": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction mutool": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction mutool unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdftohtml": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdftohtml-complex": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdftohtml-pages": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pymupdf4llm-pandoc": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction chromium-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction chromium-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction chromium-reading": CoverageFloor(judgments: 83.3, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction chromium-reading unpaged": CoverageFloor(judgments: 83.3, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pandoc-chromium-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pandoc-chromium-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pandoc-chromium-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pandoc-chromium-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction chromium-grid2-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction chromium-grid2-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction chromium-grid2-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction chromium-grid2-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction chromium-grid3-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction chromium-grid3-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction chromium-grid3-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction chromium-grid3-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction chromium-grid2-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction chromium-grid2-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction chromium-grid2-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 95.4, findings: 100, wrong: 0),
        "2015-wiltshire|extraction chromium-grid2-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 95.4, findings: 100, wrong: 0),
        "2015-wiltshire|extraction chromium-grid3-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction chromium-grid3-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction chromium-grid3-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction chromium-grid3-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction chromium-grid2-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction chromium-grid2-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction chromium-grid2-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 96.5, findings: 100, wrong: 0),
        "2017-gwent|extraction chromium-grid2-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 96.5, findings: 100, wrong: 0),
        "2017-gwent|extraction chromium-grid3-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction chromium-grid3-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction chromium-grid3-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 86.2, findings: 100, wrong: 0),
        "2017-gwent|extraction chromium-grid3-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 86.2, findings: 100, wrong: 0),
        "2017-west-mercia|extraction chromium-grid2-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction chromium-grid2-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction chromium-grid2-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 80, findings: 100, wrong: 0),
        "2017-west-mercia|extraction chromium-grid2-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 80, findings: 100, wrong: 0),
        "2017-west-mercia|extraction chromium-grid3-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction chromium-grid3-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction chromium-grid3-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction chromium-grid3-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction fixed3": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction fixed3 unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction fixed3": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction fixed3 unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction fixed3": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction fixed3 unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction fixed3": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 83.3, wrong: 1),
        "2017-gwent|extraction fixed3 unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 83.3, wrong: 1),
        "2017-west-mercia|extraction fixed3": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 91.6, wrong: 1),
        "2017-west-mercia|extraction fixed3 unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 91.6, wrong: 1),
        "2015-dyfed-powys|extraction chromium-ghostscript": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction chromium-ghostscript": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction chromium-ghostscript": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction chromium-ghostscript": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction chromium-ghostscript": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction writer-text-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction writer-text-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction writer-text-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 82, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction writer-text-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 82, findings: 100, wrong: 0),
        "2015-national-overview|extraction writer-text-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction writer-text-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction writer-text-reading": CoverageFloor(judgments: 18.6, distributions: 20, figures: 100, findings: 92.3, wrong: 1),
        "2015-national-overview|extraction writer-text-reading unpaged": CoverageFloor(judgments: 18.6, distributions: 20, figures: 100, findings: 92.3, wrong: 1),
        "2015-wiltshire|extraction writer-text-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction writer-text-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction writer-text-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 86.2, findings: 100, wrong: 0),
        "2015-wiltshire|extraction writer-text-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 86.2, findings: 100, wrong: 0),
        "2017-gwent|extraction writer-text-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction writer-text-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction writer-text-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction writer-text-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction writer-text-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction writer-text-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction writer-text-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction writer-text-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction fold40": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction fold60": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction fold80": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction fold120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction fold40": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction fold60": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction fold80": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction fold120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction fold40": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction fold60": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction fold80": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction fold120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction fold40": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction fold60": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction fold80": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction fold120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction fold40": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction fold60": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction fold80": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction fold120": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction raw": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction raw unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction layout-mac": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction layout-mac unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction raw": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction raw unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction layout-mac": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction layout-mac unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction raw": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction raw unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction layout-mac": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction layout-mac unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction raw": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction raw unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction layout-mac": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction layout-mac unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction raw": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction raw unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction layout-mac": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction layout-mac unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction mojibake": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction mojibake1252": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction mojibake": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction mojibake1252": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction mojibake": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction mojibake1252": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction mojibake": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction mojibake1252": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction mojibake": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction mojibake1252": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pandoc-plain": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pandoc-markdown": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pandoc-plain": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pandoc-markdown": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pandoc-plain": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pandoc-markdown": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pandoc-plain": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pandoc-markdown": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pandoc-plain": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pandoc-markdown": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pandoc-rst": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction markdownify": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction html2text": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pandoc-rst": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction markdownify": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction html2text": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pandoc-rst": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction markdownify": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction html2text": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pandoc-rst": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction markdownify": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction html2text": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pandoc-rst": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction markdownify": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction html2text": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        // pdftotext -enc Latin1 (make-tool-extractions.sh).
        "2015-dyfed-powys|extraction latin1-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction latin1-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction latin1-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction latin1-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction latin1-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction latin1-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction latin1-reading": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction latin1-reading unpaged": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction latin1-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction latin1-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction latin1-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction latin1-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction latin1-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction latin1-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction latin1-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction latin1-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction latin1-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction latin1-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction latin1-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction latin1-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        // pdftotext -enc UTF-16 (make-tool-extractions.sh).
        "2015-dyfed-powys|extraction utf16-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction utf16-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction utf16-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction utf16-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction utf16-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        // w3m of the pymupdf4llm-pandoc web page (make-tool-extractions.sh).
        "2015-dyfed-powys|extraction w3m": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction w3m": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction w3m": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction w3m": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction w3m": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        // lynx, links and elinks of the pymupdf4llm-pandoc web page (make-tool-extractions.sh).
        "2015-dyfed-powys|extraction lynx": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction lynx": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction lynx": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction lynx": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction lynx": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction links": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction links": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction links": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction links": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction links": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction elinks": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction elinks": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction elinks": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction elinks": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction elinks": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        // pdftotext -htmlmeta, with -layout and without (make-tool-extractions.sh): the text in an HTML page's <pre>.
        "2015-dyfed-powys|extraction htmlmeta-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction htmlmeta-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction htmlmeta-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction htmlmeta-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction htmlmeta-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction htmlmeta-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction htmlmeta-reading unpaged": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction htmlmeta-reading": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction htmlmeta-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction htmlmeta-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction htmlmeta-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction htmlmeta-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction htmlmeta-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction htmlmeta-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction htmlmeta-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction htmlmeta-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction htmlmeta-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction htmlmeta-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction htmlmeta-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction htmlmeta-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        // Apache PDFBox's ExtractText, plain and -sort (make-pdfbox-extractions.sh): no page marks at all.
        "2015-dyfed-powys|extraction pdfbox": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfbox": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfbox": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfbox": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfbox": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfbox-sort": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfbox-sort": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfbox-sort": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfbox-sort": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfbox-sort": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        // PDFium through pypdfium2's command line (make-pdfium-extractions.sh): "# Page N" lines part the pages, a hyphen
        // that ended a line is U+FFFE (or STX, bounded) with the lines joined.
        "2015-dyfed-powys|extraction pdfium": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfium": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfium": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfium": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfium": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfium-bounded": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfium-bounded": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfium-bounded": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfium-bounded": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfium-bounded": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        // Double-spaced text (a blank line after every line), pdfminer.six with other margins
        // (make-other-extractions.py) and `pdftotext -colspacing 2` (make-tool-extractions.sh).
        "2015-dyfed-powys|double-spaced, wrapped 60-100": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|double-spaced, wrapped 60-100": CoverageFloor(judgments: 100, distributions: 80, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|double-spaced, wrapped 60-100": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|double-spaced, wrapped 60-100": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|double-spaced, wrapped 60-100": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfminer-tight": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfminer-tight unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfminer-loose": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfminer-loose unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction colspacing2": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction colspacing2 unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfminer-tight": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfminer-tight unpaged": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfminer-loose": CoverageFloor(judgments: 0, distributions: 0, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfminer-loose unpaged": CoverageFloor(judgments: 0, distributions: 0, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction colspacing2": CoverageFloor(judgments: 0, distributions: 0, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction colspacing2 unpaged": CoverageFloor(judgments: 0, distributions: 0, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfminer-tight": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfminer-tight unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 97.7, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfminer-loose": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfminer-loose unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction colspacing2": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction colspacing2 unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfminer-tight": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfminer-tight unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfminer-loose": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfminer-loose unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 93.1, findings: 100, wrong: 0),
        "2017-gwent|extraction colspacing2": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction colspacing2 unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfminer-tight": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfminer-tight unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfminer-loose": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfminer-loose unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction colspacing2": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction colspacing2 unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfminer-flow": CoverageFloor(judgments: 100, distributions: 100, figures: 46.2, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfminer-flow unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 46.2, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfminer-flow": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 92.3, wrong: 0),
        "2015-national-overview|extraction pdfminer-flow unpaged": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 92.3, wrong: 0),
        "2015-wiltshire|extraction pdfminer-flow": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfminer-flow unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfminer-flow": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfminer-flow unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfminer-flow": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfminer-flow unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfminer-noflow": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfminer-noflow unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfminer-vertical": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfminer-vertical unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfminer-noflow": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfminer-noflow unpaged": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfminer-vertical": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfminer-vertical unpaged": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfminer-noflow": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfminer-noflow unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfminer-vertical": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfminer-vertical unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfminer-noflow": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfminer-noflow unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfminer-vertical": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfminer-vertical unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfminer-noflow": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfminer-noflow unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfminer-vertical": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfminer-vertical unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfminer-flow0 unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 43.2, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction pdfminer-flow0": CoverageFloor(judgments: 100, distributions: 100, figures: 46.2, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfminer-flow0 unpaged": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction pdfminer-flow0": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfminer-flow0 unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 95.4, findings: 100, wrong: 0),
        "2015-wiltshire|extraction pdfminer-flow0": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfminer-flow0 unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 93.1, findings: 100, wrong: 0),
        "2017-gwent|extraction pdfminer-flow0": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfminer-flow0 unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 80, findings: 100, wrong: 0),
        "2017-west-mercia|extraction pdfminer-flow0": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction a5-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction a5-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction a5-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 28.3, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction a5-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 28.3, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction large-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction large-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction large-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction large-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction a5-layout": CoverageFloor(judgments: 74.4, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction a5-layout unpaged": CoverageFloor(judgments: 74.4, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction a5-reading": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 92.3, wrong: 0),
        "2015-national-overview|extraction a5-reading unpaged": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 92.3, wrong: 0),
        "2015-national-overview|extraction large-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction large-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction large-reading": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 84.6, wrong: 1),
        "2015-national-overview|extraction large-reading unpaged": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 84.6, wrong: 1),
        "2015-wiltshire|extraction a5-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction a5-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction a5-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 44.8, findings: 100, wrong: 0),
        "2015-wiltshire|extraction a5-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 44.8, findings: 100, wrong: 0),
        "2015-wiltshire|extraction large-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction large-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction large-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction large-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction a5-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction a5-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction a5-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction a5-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction large-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction large-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction large-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction large-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction a5-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction a5-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction a5-reading": CoverageFloor(judgments: 83.3, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction a5-reading unpaged": CoverageFloor(judgments: 83.3, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction large-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction large-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction large-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction large-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction small-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction small-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction small-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction small-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction small-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction small-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction small-reading": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 92.3, wrong: 0),
        "2015-national-overview|extraction small-reading unpaged": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 92.3, wrong: 0),
        "2015-wiltshire|extraction small-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction small-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction small-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction small-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction small-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction small-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction small-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction small-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction small-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction small-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction small-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction small-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction b5-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction b5-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction b5-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 46.2, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction b5-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 46.2, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction serif-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction serif-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction serif-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 34.3, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction serif-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 34.3, findings: 100, wrong: 0),
        "2015-national-overview|extraction b5-layout": CoverageFloor(judgments: 97.6, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction b5-layout unpaged": CoverageFloor(judgments: 97.6, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction b5-reading": CoverageFloor(judgments: 2.7, distributions: 100, figures: 100, findings: 92.3, wrong: 0),
        "2015-national-overview|extraction b5-reading unpaged": CoverageFloor(judgments: 2.7, distributions: 100, figures: 100, findings: 92.3, wrong: 0),
        "2015-national-overview|extraction serif-layout": CoverageFloor(judgments: 97.6, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction serif-layout unpaged": CoverageFloor(judgments: 97.6, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction serif-reading": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 92.3, wrong: 0),
        "2015-national-overview|extraction serif-reading unpaged": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 92.3, wrong: 0),
        "2015-wiltshire|extraction b5-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction b5-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction b5-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 58.6, findings: 100, wrong: 0),
        "2015-wiltshire|extraction b5-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 58.6, findings: 100, wrong: 0),
        "2015-wiltshire|extraction serif-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction serif-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction serif-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 49.4, findings: 100, wrong: 0),
        "2015-wiltshire|extraction serif-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 49.4, findings: 100, wrong: 0),
        "2017-gwent|extraction b5-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction b5-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction b5-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction b5-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction serif-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction serif-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction serif-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction serif-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction b5-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction b5-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction b5-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction b5-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction serif-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction serif-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction serif-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction serif-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction justified-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction justified-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction justified-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction justified-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction justified-a5-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 95.5, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction justified-a5-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 95.5, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction justified-a5-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 28.3, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction justified-a5-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 28.3, findings: 100, wrong: 0),
        "2015-national-overview|extraction justified-layout": CoverageFloor(judgments: 93, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction justified-layout unpaged": CoverageFloor(judgments: 93, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction justified-reading": CoverageFloor(judgments: 0, distributions: 80, figures: 100, findings: 76.9, wrong: 2),
        "2015-national-overview|extraction justified-reading unpaged": CoverageFloor(judgments: 0, distributions: 80, figures: 100, findings: 69.2, wrong: 3),
        "2015-national-overview|extraction justified-a5-layout": CoverageFloor(judgments: 93, distributions: 80, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction justified-a5-layout unpaged": CoverageFloor(judgments: 93, distributions: 80, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction justified-a5-reading": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 92.3, wrong: 0),
        "2015-national-overview|extraction justified-a5-reading unpaged": CoverageFloor(judgments: 0, distributions: 100, figures: 100, findings: 92.3, wrong: 0),
        "2015-wiltshire|extraction justified-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 97.7, findings: 100, wrong: 0),
        "2015-wiltshire|extraction justified-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 97.7, findings: 100, wrong: 0),
        "2015-wiltshire|extraction justified-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction justified-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction justified-a5-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 96.5, findings: 100, wrong: 0),
        "2015-wiltshire|extraction justified-a5-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 96.5, findings: 100, wrong: 0),
        "2015-wiltshire|extraction justified-a5-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 44.8, findings: 100, wrong: 0),
        "2015-wiltshire|extraction justified-a5-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 44.8, findings: 100, wrong: 0),
        "2017-gwent|extraction justified-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction justified-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction justified-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 65.5, findings: 100, wrong: 0),
        "2017-gwent|extraction justified-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 65.5, findings: 100, wrong: 0),
        "2017-gwent|extraction justified-a5-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 83.3, wrong: 1),
        "2017-gwent|extraction justified-a5-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 83.3, wrong: 1),
        "2017-gwent|extraction justified-a5-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 65.5, findings: 100, wrong: 0),
        "2017-gwent|extraction justified-a5-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 58.6, findings: 100, wrong: 0),
        "2017-west-mercia|extraction justified-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction justified-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction justified-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction justified-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction justified-a5-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 91.6, wrong: 1),
        "2017-west-mercia|extraction justified-a5-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 91.6, wrong: 1),
        "2017-west-mercia|extraction justified-a5-reading": CoverageFloor(judgments: 83.3, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction justified-a5-reading unpaged": CoverageFloor(judgments: 83.3, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction groff-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 98.5, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction groff-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 98.5, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction groff-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 28.3, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction groff-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 28.3, findings: 100, wrong: 0),
        "2015-national-overview|extraction groff-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction groff-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction groff-reading": CoverageFloor(judgments: 0, distributions: 0, figures: 100, findings: 100, wrong: 0),
        "2015-national-overview|extraction groff-reading unpaged": CoverageFloor(judgments: 0, distributions: 0, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction groff-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction groff-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-wiltshire|extraction groff-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 44.8, findings: 100, wrong: 0),
        "2015-wiltshire|extraction groff-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 44.8, findings: 100, wrong: 0),
        "2017-gwent|extraction groff-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction groff-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction groff-reading": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-gwent|extraction groff-reading unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction groff-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction groff-layout unpaged": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction groff-reading": CoverageFloor(judgments: 83.3, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction groff-reading unpaged": CoverageFloor(judgments: 83.3, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction groff-pdfplumber": CoverageFloor(judgments: 100, distributions: 100, figures: 98.5, findings: 100, wrong: 0),
        "2015-national-overview|extraction groff-pdfplumber": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 92.3, wrong: 1),
        "2015-wiltshire|extraction groff-pdfplumber": CoverageFloor(judgments: 100, distributions: 100, figures: 98.8, findings: 100, wrong: 0),
        "2017-gwent|extraction groff-pdfplumber": CoverageFloor(judgments: 100, distributions: 100, figures: 96.5, findings: 83.3, wrong: 1),
        "2017-west-mercia|extraction groff-pdfplumber": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2015-dyfed-powys|extraction groff-pypdf-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 98.5, findings: 100, wrong: 0),
        "2015-national-overview|extraction groff-pypdf-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 92.3, wrong: 1),
        "2015-wiltshire|extraction groff-pypdf-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 98.8, findings: 100, wrong: 0),
        "2017-gwent|extraction groff-pypdf-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        "2017-west-mercia|extraction groff-pypdf-layout": CoverageFloor(judgments: 100, distributions: 100, figures: 100, findings: 100, wrong: 0),
        // FLOORS-END
    ]
}

// MARK: - The comparison

enum CoverageKind: String, CaseIterable, Sendable {
    case judgments, distributions, figures, findings
}

/// One value of a report: what it is about (`key`), what it is (`value`), where it was read.
struct CoverageItem: Sendable, Equatable {
    var kind: CoverageKind
    var key: String
    var value: String
    var line: Int

    /// "figure force recorded_crime_per_1000 2014-07-01…2015-06-30 [figure_table] = 47.8" (a long text shortened).
    var description: String { "\(kind.rawValue.dropLast()) \(key) = \(shortened(value, 70))" }
}

/// The comparison of one kind of value.
struct KindCoverage: Sendable {
    var expected = 0
    var found = 0
    var missing: [CoverageItem] = []
    /// The variant's unmatched values, with the sample's values for the same key (if any).
    var wrong: [(item: CoverageItem, sampleValues: [String])] = []

    /// found / expected; 1 when the sample has none of this kind.
    var share: Double { expected == 0 ? 1 : Double(found) / Double(expected) }
}

struct CoverageComparison: Sendable {
    var kinds: [CoverageKind: KindCoverage] = [:]

    subscript(kind: CoverageKind) -> KindCoverage { kinds[kind] ?? KindCoverage() }
    var wrongCount: Int { kinds.values.reduce(0) { $0 + $1.wrong.count } }
    var missingCount: Int { kinds.values.reduce(0) { $0 + $1.missing.count } }
    /// Sum of the shares, to order comparisons from worst to best.
    var score: Double { CoverageKind.allCases.reduce(0) { $0 + self[$1].share } }

    init(sample: Report, variant: Report) {
        let expected = Self.items(sample), got = Self.items(variant)
        for kind in CoverageKind.allCases {
            kinds[kind] = Self.compare(expected: expected.filter { $0.kind == kind }, got: got.filter { $0.kind == kind })
        }
    }

    /// Every value of a report as a keyed item.
    static func items(_ report: Report) -> [CoverageItem] {
        report.judgments.map {
            CoverageItem(kind: .judgments, key: "\($0.forceID ?? "-")/\($0.question.rawValue)",
                         value: "\($0.grade.rawValue) (last inspected \($0.lastInspected.map(String.init) ?? "-"))", line: $0.line)
        }
        + report.gradeDistributions.map {
            CoverageItem(kind: .distributions, key: "\($0.question.rawValue)/\($0.grade.rawValue)", value: "\($0.forces) forces", line: $0.line)
        }
        + report.figures.map { figure in
            let period = figure.period
            let when = period.asAt.map { "as at \($0)" } ?? "\(period.start?.description ?? "?")…\(period.end?.description ?? "?")"
            let extra = period.asAt != nil && (period.start != nil || period.end != nil) ? " (\(period.start?.description ?? "?")…\(period.end?.description ?? "?"))" : ""
            return CoverageItem(kind: .figures,
                                key: "\(figure.area.rawValue) \(figure.metric)\(figure.qualifier.map { "/" + $0.rawValue } ?? "") \(when)\(extra) [\(figure.source.rawValue)]",
                                value: coverageNumber(figure.value), line: figure.line)
        }
        + report.findings.map {
            CoverageItem(kind: .findings, key: "\($0.question?.rawValue ?? "-")/\($0.kind.rawValue)",
                         value: $0.text.split(whereSeparator: \.isWhitespace).joined(separator: " "), line: $0.line)
        }
    }

    /// Multiset matching per key: each of the variant's items takes the first unmatched equal item of the sample.
    static func compare(expected: [CoverageItem], got: [CoverageItem]) -> KindCoverage {
        var result = KindCoverage(expected: expected.count)
        // key → value → positions in `expected` of the sample's items not yet matched, in order
        var open: [String: [String: [Int]]] = [:]
        var sampleValues: [String: [String]] = [:]
        for (index, item) in expected.enumerated() {
            open[item.key, default: [:]][item.value, default: []].append(index)
            sampleValues[item.key, default: []].append(item.value)
        }
        for item in got {
            if let candidates = open[item.key]?[item.value], !candidates.isEmpty {
                open[item.key]![item.value]!.removeFirst()
                result.found += 1
            } else {
                result.wrong.append((item, sampleValues[item.key] ?? []))
            }
        }
        result.missing = open.values.flatMap { $0.values.joined() }.sorted().map { expected[$0] }
        return result
    }
}

func coverageNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

// MARK: - Rows: sample × transform

/// One row of the coverage table. For a range of transforms (wrap 50–120) every kind shows its worst width and
/// `wrong` the most wrong values of any width; `detail` is the worst width's comparison.
struct CoverageRow: Sendable {
    var sample: String
    var transform: String
    var kinds: [CoverageKind: KindCoverage]
    var wrong: Int
    var detail: CoverageComparison
    var variantLines: [Int: String]
    var note: String

    var key: String { "\(sample)|\(transform)" }

    init(sample: String, transform: String, comparison: CoverageComparison, variantLines: [Int: String], note: String = "") {
        self.sample = sample
        self.transform = transform
        self.kinds = comparison.kinds
        self.wrong = comparison.wrongCount
        self.detail = comparison
        self.variantLines = variantLines
        self.note = note
    }

    /// The worst of several measurements of one transform (one per wrap width).
    init(sample: String, transform: String, measurements: [(label: String, comparison: CoverageComparison, variantLines: [Int: String])]) {
        precondition(!measurements.isEmpty)
        let worst = measurements.min { a, b in
            (a.comparison.wrongCount, -a.comparison.score) > (b.comparison.wrongCount, -b.comparison.score)
        }!
        self.init(sample: sample, transform: transform, comparison: worst.comparison, variantLines: worst.variantLines)
        for kind in CoverageKind.allCases {
            kinds[kind] = measurements.map { $0.comparison[kind] }.min { $0.share < $1.share }
        }
        wrong = measurements.map(\.comparison.wrongCount).max()!
        let imperfect = measurements.filter { $0.comparison.wrongCount > 0 || $0.comparison.missingCount > 0 }
        note = "worst \(worst.label)"
        if !imperfect.isEmpty {
            note += "; \(imperfect.count)/\(measurements.count) widths lose or misread values"
        }
    }

    func share(_ kind: CoverageKind) -> Double { (kinds[kind] ?? KindCoverage()).share }
}

/// The transforms of the table. A row with several transforms reports the worst of them.
let coverageTransforms: [(name: String, variants: [(label: String, transform: LayoutTransform)])] = [
    ("wrap 40-120", (40...120).map { ("\($0) cols", Layout.hardWrap(width: $0)) }),
    ("wrap 76", [("76 cols", Layout.hardWrap(width: 76))]),
    ("wrap 100", [("100 cols", Layout.hardWrap(width: 100))]),
    ("re-wrapped a width a paragraph", (1...20).map { ("seed \($0)", Layout.rewrappedParagraphs(seed: UInt64($0))) }),
    ("tabs aligned", [("", Layout.tabsToAlignedSpaces)]),
    ("tabs expanded", [("every 2", Layout.tabsExpanded(every: 2)), ("every 4", Layout.tabsExpanded(every: 4))]),
    ("cells per line", [("", Layout.cellsOnePerLine)]),
    ("cells as blocks", [("", Layout.cellsAsBlocks)]),
    ("tables as paragraphs 60-120", stride(from: 60, through: 120, by: 5).map { ("\($0) cols", Layout.tablesAsParagraphs(width: $0)) }),
    // As pandoc's Markdown writes such a table: each cell's raw HTML bold kept, the whole text wrapped at one width.
    ("tables as paragraphs, raw HTML bold 60-120", stride(from: 60, through: 120, by: 10).map { width in
        let table = Layout.tablesAsParagraphs(width: width, cellMarks: ("`<b>`{=html}", "`</b>`{=html}")), wrap = Layout.hardWrap(width: width)
        return ("\(width) cols", { wrap(table($0)) })
    }),
    ("cells a bar apart", [("markdown", Layout.cellsBarred("|", delimiterRow: true)), ("box bars", Layout.cellsBarred("\u{2502}", delimiterRow: false))]),
    ("cells a bar after", [("unwrapped", Layout.cellsBarAfter(wrapAt: nil))] + [60, 78, 100].map { ("wrapped at \($0)", Layout.cellsBarAfter(wrapAt: $0)) }),
    ("page furniture 55", [("", Layout.pageFurniture(every: 55))]),
    ("page numbers alone 20-70", (20...70).map { ("every \($0)", Layout.pageNumbersAlone(every: $0)) }),
    ("footnoted pages 20-70", (20...70).map { ("every \($0)", Layout.footnotedPages(every: $0)) }),
    ("numbered footer 20-70", (20...70).map { ("every \($0)", Layout.numberedFooter(every: $0)) }),
    ("alternating headers 20-70", (20...70).map { ("every \($0)", Layout.alternatingHeaders(every: $0)) }),
    ("unpaged furniture 20-70", (20...70).map { ("every \($0)", Layout.unpagedFurniture(every: $0)) }),
    ("headers alone 20-70", (20...70).map { ("every \($0)", Layout.headersAlone(every: $0)) }),
    ("headers inline 20-70", (20...70).map { ("every \($0)", Layout.headersInline(every: $0)) }),
    ("alternating headers inline 20-70", (20...70).map { ("every \($0)", Layout.alternatingHeadersInline(every: $0)) }),
    ("no blank lines", [("", Layout.noBlankLines)]),
    ("double-spaced, wrapped 60-100", stride(from: 60, through: 100, by: 10).map { width in
        let wrap = Layout.hardWrap(width: width)
        return ("\(width) cols", { Layout.doubleSpaced(wrap($0)) })
    }),
    ("bullets removed", [("", Layout.bulletsRemoved)]),
    ("numbered lists", [("", Layout.numberedLists)]),
    ("unicode noise", [("", Layout.unicodeNoise)]),
    ("crlf", [("", Layout.crlf)]),
]

/// Committed extractions of the samples by other tools: `<sample stem>.<flavour>.txt`.
let extractionsFolder = Fixtures.packageRoot + "/Tests/Fixtures/extractions"
/// pdftotext's two (make-extractions.py); PyMuPDF's, pymupdf4llm's Markdown, pdfminer.six's, and pdfplumber's and pypdf's two
/// each (make-other-extractions.py); Ghostscript's, mutool's, poppler's pdftohtml in three ways, pdftotext -raw and -layout
/// with carriage returns for line ends, and pymupdf4llm's Markdown as
/// HTML through pandoc (make-tool-extractions.sh); the samples printed by Chromium, as our own web pages and as pandoc's,
/// and extracted by pdftotext in both ways, and our own pages by Ghostscript (make-chromium-extractions.sh); the sample
/// files opened as plain text by LibreOffice Writer, printed to PDF and extracted by pdftotext in both ways
/// (make-writer-text-extractions.sh); the samples broken mid-word by `fold -w N` (make-folded-samples.sh); the samples'
/// UTF-8 read as Latin-1 or Windows-1252 and written as UTF-8 again (make-mojibake-samples.sh); the samples as pandoc
/// writes them as plain text, as its own Markdown and as reStructuredText (make-pandoc-samples.sh); our web pages of the
/// samples through markdownify and html2text (make-markdown-conversions.py).
let extractionFlavours = ["layout", "reading", "pymupdf", "pdfminer", "pdfplumber", "pdfplumber-layout", "pypdf", "pypdf-layout", "pymupdf4llm", "ghostscript", "mutool",
                          "pdftohtml", "pdftohtml-complex", "pdftohtml-pages", "pymupdf4llm-pandoc", "chromium-layout", "chromium-reading",
                          "pandoc-chromium-layout", "pandoc-chromium-reading", "chromium-grid2-layout", "chromium-grid2-reading", "chromium-grid3-layout",
                          "chromium-grid3-reading", "fixed3", "chromium-ghostscript", "writer-text-layout", "writer-text-reading", "fold40", "fold60", "fold80", "fold120", "raw", "layout-mac", "mojibake", "mojibake1252", "pandoc-plain", "pandoc-markdown", "pandoc-rst", "markdownify", "html2text", "latin1-layout", "latin1-reading", "utf16-layout", "w3m", "pdfium", "pdfium-bounded", "lynx", "links", "elinks", "pdfbox", "pdfbox-sort", "htmlmeta-layout", "htmlmeta-reading",
                          "pdfminer-tight", "pdfminer-loose", "colspacing2", "pdfminer-flow", "pdfminer-noflow", "pdfminer-vertical", "pdfminer-flow0",
                          "a5-layout", "a5-reading", "large-layout", "large-reading", "small-layout", "small-reading", "b5-layout", "b5-reading",
                          "serif-layout", "serif-reading", "justified-layout", "justified-reading", "justified-a5-layout", "justified-a5-reading",
                          "groff-layout", "groff-reading", "groff-pdfplumber", "groff-pypdf-layout"]

func sampleStem(_ name: String) -> String {
    (name as NSString).deletingPathExtension
}

func sampleLabel(_ name: String) -> String {
    let stem = sampleStem(name)
    return stem.hasPrefix("peel-effectiveness-") ? String(stem.dropFirst("peel-effectiveness-".count)) : stem
}

/// Parses `bytes` and compares the result with `sample`, keeping the variant's lines for the wrong values.
func measure(sample: Report, variant bytes: [UInt8]) throws -> (CoverageComparison, [Int: String]) {
    let bytesDecoded = try TextDecoder.decode(bytes)
    let decoded = HTMLText.textIfHTML(bytesDecoded) ?? bytesDecoded
    let report = ReportParser(forces: registry).parse(decoded)
    let comparison = CoverageComparison(sample: sample, variant: report)
    var lines: [Int: String] = [:]
    let wanted = Set(comparison.kinds.values.flatMap { $0.wrong.map(\.item.line) })
    for line in decoded.lines where wanted.contains(line.number) && lines[line.number] == nil {
        lines[line.number] = decoded.string(line)
    }
    return (comparison, lines)
}

/// Every row of the table: each sample as it is, under each transform, and each committed extraction.
func measureCoverage() async throws -> [CoverageRow] {
    struct Job: Sendable {
        var sampleIndex: Int
        var transformIndex: Int
        var variantIndex: Int
        var sample: String
        var bytes: [UInt8]
        var transform: LayoutTransform
    }
    let names = Fixtures.sampleNames
    var reports: [String: Report] = [:]
    for name in names { reports[name] = try parseSample(name) }
    var jobs: [Job] = []
    for (sampleIndex, name) in names.enumerated() {
        let bytes = Fixtures.sample(name)
        for (transformIndex, transform) in coverageTransforms.enumerated() {
            for (variantIndex, variant) in transform.variants.enumerated() {
                jobs.append(Job(sampleIndex: sampleIndex, transformIndex: transformIndex, variantIndex: variantIndex,
                                sample: name, bytes: bytes, transform: variant.transform))
            }
        }
    }
    let frozen = reports
    let results = try await withThrowingTaskGroup(of: (Int, CoverageComparison, [Int: String]).self) { group in
        for (index, job) in jobs.enumerated() {
            group.addTask {
                let (comparison, lines) = try measure(sample: frozen[job.sample]!, variant: job.transform(job.bytes))
                return (index, comparison, lines)
            }
        }
        var results = [(CoverageComparison, [Int: String])?](repeating: nil, count: jobs.count)
        for try await (index, comparison, lines) in group { results[index] = (comparison, lines) }
        return results.map { $0! }
    }

    var rows: [CoverageRow] = []
    for (sampleIndex, name) in names.enumerated() {
        let label = sampleLabel(name)
        let sample = reports[name]!
        let (itself, _) = try measure(sample: sample, variant: Fixtures.sample(name))
        rows.append(CoverageRow(sample: label, transform: "original", comparison: itself, variantLines: [:]))
        for (transformIndex, transform) in coverageTransforms.enumerated() {
            let measured = jobs.indices.filter { jobs[$0].sampleIndex == sampleIndex && jobs[$0].transformIndex == transformIndex }
                .map { (label: transform.variants[jobs[$0].variantIndex].label, comparison: results[$0].0, variantLines: results[$0].1) }
            if measured.count == 1 {
                rows.append(CoverageRow(sample: label, transform: transform.name, comparison: measured[0].comparison, variantLines: measured[0].variantLines))
            } else {
                rows.append(CoverageRow(sample: label, transform: transform.name, measurements: measured))
            }
        }
        for flavour in extractionFlavours {
            // Text, Markdown (what PDF-to-Markdown tools write) or HTML (pdftohtml's).
            guard let path = ["txt", "md", "html"].map({ "\(extractionsFolder)/\(sampleStem(name)).\(flavour).\($0)" }).first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                continue
            }
            let bytes = try readBytes(path)
            let (comparison, lines) = try measure(sample: sample, variant: bytes)
            rows.append(CoverageRow(sample: label, transform: "extraction \(flavour)", comparison: comparison, variantLines: lines,
                                    note: "Tests/Fixtures/extractions/" + (path as NSString).lastPathComponent))
            // The same extraction with no page marks: what `pdftotext -nopgbrk` writes (the same bytes without form
            // feeds), and what extractors that mark no pages give. Page furniture is then found by what it says.
            // (Not for UTF-16, where a form feed is two bytes and taking one out would misalign the rest.)
            guard bytes.contains(0x0C), !flavour.hasPrefix("utf16") else { continue }
            let (unmarked, unmarkedLines) = try measure(sample: sample, variant: bytes.filter { $0 != 0x0C })
            rows.append(CoverageRow(sample: label, transform: "extraction \(flavour) unpaged", comparison: unmarked, variantLines: unmarkedLines,
                                    note: "Tests/Fixtures/extractions/" + (path as NSString).lastPathComponent + " without its form feeds"))
        }
    }
    return rows
}

// MARK: - The report: table, wrong and missing values, measured floors

func percentCell(_ coverage: KindCoverage?) -> String {
    guard let coverage, coverage.expected > 0 else { return "—" }
    return String(format: "%5.1f%% %4ld/%-4ld", coverage.share * 100, coverage.found, coverage.expected)
}

func coverageTable(_ rows: [CoverageRow]) -> String {
    let header = ["sample", "transform", "judgments", "distributions", "figures", "findings", "wrong", "note"]
    let cells = rows.map { row in
        [row.sample, row.transform] + CoverageKind.allCases.map { percentCell(row.kinds[$0]) } + ["\(row.wrong)", row.note]
    }
    var widths = header.map(\.count)
    for line in cells { for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.count) } }
    func render(_ line: [String]) -> String {
        line.enumerated().map { index, cell in
            let pad = String(repeating: " ", count: widths[index] - cell.count)
            return (2...6).contains(index) ? pad + cell : cell + pad
        }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    var out = [render(header), render(widths.map { String(repeating: "-", count: $0) })]
    var previous = rows.first?.sample
    for (row, line) in zip(rows, cells) {
        if row.sample != previous { out.append(""); previous = row.sample }
        out.append(render(line))
    }
    return out.joined(separator: "\n")
}

func shortened(_ text: String, _ limit: Int = 110) -> String {
    let plain = text.replacingOccurrences(of: "\t", with: "⇥").replacingOccurrences(of: "\u{0C}", with: "␌").replacingOccurrences(of: "\r", with: "")
    return plain.count <= limit ? plain : plain.prefix(limit) + "…"
}

func coverageDetails(_ rows: [CoverageRow]) -> String {
    var out: [String] = []
    for row in rows where row.detail.wrongCount > 0 || row.detail.missingCount > 0 {
        let which = row.note.hasPrefix("worst") ? " (\(row.note))" : ""
        out.append("\(row.key)\(which): \(row.detail.wrongCount) wrong, \(row.detail.missingCount) missing")
        for kind in CoverageKind.allCases {
            for (item, sampleValues) in row.detail[kind].wrong {
                let sample = sampleValues.isEmpty ? "key not in the sample" : "sample: \(sampleValues.map { shortened($0, 40) }.joined(separator: " | "))"
                out.append("  WRONG   \(item.description) (\(sample))")
                out.append("          line \(item.line): \(shortened(row.variantLines[item.line] ?? "?"))")
            }
        }
        for kind in CoverageKind.allCases {
            let missing = row.detail[kind].missing
            guard !missing.isEmpty else { continue }
            let shown = missing.prefix(3).map { "\($0.key) = \(shortened($0.value, 40))" }.joined(separator: "; ")
            out.append("  missing \(missing.count) \(kind.rawValue): \(shown)\(missing.count > 3 ? "; …" : "")")
        }
    }
    return out.isEmpty ? "No wrong or missing values." : out.joined(separator: "\n")
}

/// What the parser achieves now, as a `ExtractionCoverageTests.floors` literal (shares rounded down to 0.1 %).
func measuredFloors(_ rows: [CoverageRow]) -> String {
    func percent(_ share: Double) -> String {
        let value = (share * 1000 + 1e-9).rounded(.down) / 10
        return value == value.rounded() ? String(Int(value)) : String(value)
    }
    func literal(_ row: CoverageRow) -> String {
        "        \"\(row.key)\": CoverageFloor(judgments: \(percent(row.share(.judgments))), distributions: \(percent(row.share(.distributions))), "
            + "figures: \(percent(row.share(.figures))), findings: \(percent(row.share(.findings))), wrong: \(row.wrong)),"
    }
    let transformed = rows.filter { $0.transform != "original" && !$0.transform.hasPrefix("extraction ") }
    let extracted = rows.filter { $0.transform.hasPrefix("extraction ") }
    return (transformed.map(literal) + (extracted.isEmpty ? [] : ["        // Committed extractions (Tests/Fixtures/extractions/): remeasure when they are remade."] + extracted.map(literal)))
        .joined(separator: "\n")
}

// MARK: - Tests

@Suite("Extraction coverage: the sample's values found in layout variants and other extractions")
struct ExtractionCoverageTests {
    @Test("coverage table of every sample × transform and committed extraction, held to the floors")
    func coverage() async throws {
        let rows = try await measureCoverage()
        let table = coverageTable(rows)
        var notes: [String] = []
        if !FileManager.default.fileExists(atPath: extractionsFolder) { notes.append("(no Tests/Fixtures/extractions/ yet: extraction rows skipped)") }
        let unfloored = rows.filter { $0.transform != "original" && Self.floors[$0.key] == nil }.map(\.key)
        if !unfloored.isEmpty { notes.append("Rows without a floor (measured, not asserted): \(unfloored.joined(separator: ", "))") }
        let extractions = notes.map { "\n" + $0 }.joined()
        let report = """
            Extraction coverage: share of the sample's own values found in each variant; wrong = values in the variant \
            the sample does not have. For "wrap 40-120" each column is its worst width.
            \(table)\(extractions)

            Wrong and missing values:
            \(coverageDetails(rows))

            Measured floors (paste between FLOORS-BEGIN and FLOORS-END in ExtractionCoverage.swift to ratchet):
            \(measuredFloors(rows))

            """
        print(report)
        let buildFolder = Fixtures.packageRoot + "/.build"
        try? FileManager.default.createDirectory(atPath: buildFolder, withIntermediateDirectories: true)
        try writeBytes(Array(report.utf8), to: buildFolder + "/extraction-coverage.txt")

        // The samples as they are: everything found, nothing wrong (unconditionally).
        for row in rows where row.transform == "original" {
            #expect(row.wrong == 0 && CoverageKind.allCases.allSatisfy { row.share($0) == 1 }, "\(row.key) is not 100 %")
        }
        // Every other row: at least its floor.
        let keys = Set(rows.map(\.key))
        for row in rows where row.transform != "original" {
            guard let floor = Self.floors[row.key] else { continue }
            let minimum: [(CoverageKind, Double)] = [(.judgments, floor.judgments), (.distributions, floor.distributions), (.figures, floor.figures), (.findings, floor.findings)]
            for (kind, percent) in minimum {
                #expect(row.share(kind) * 100 + 1e-6 >= percent, "\(row.key): \(kind.rawValue) \(String(format: "%.1f", row.share(kind) * 100)) % is below its floor \(percent) %")
            }
            #expect(row.wrong <= floor.wrong, "\(row.key): \(row.wrong) wrong values, the floor allows \(floor.wrong)")
        }
        // A floor names a row that exists (a typo would silently assert nothing); extraction rows may be absent.
        for key in Self.floors.keys where !keys.contains(key) && !key.contains("|extraction ") {
            Issue.record("floor \"\(key)\" names no row of the table")
        }
    }

    @Test("a sample compared with itself: 100 % of every kind, nothing wrong or missing", arguments: Fixtures.sampleNames)
    func itself(name: String) throws {
        let report = try parseSample(name)
        let again = try parseSample(name)
        for comparison in [CoverageComparison(sample: report, variant: report), CoverageComparison(sample: report, variant: again)] {
            for kind in CoverageKind.allCases {
                #expect(comparison[kind].found == comparison[kind].expected, "\(kind)")
                #expect(comparison[kind].missing.isEmpty && comparison[kind].wrong.isEmpty, "\(kind)")
            }
        }
        let comparison = CoverageComparison(sample: report, variant: report)
        #expect(comparison[.judgments].expected > 0)
        #expect(comparison[.findings].expected > 0)
        #expect(comparison[.figures].expected + comparison[.distributions].expected > 0)
    }

    @Test("a corrupted report is counted: a changed value is wrong and missing, an extra one wrong, a lost one missing")
    func corrupted() throws {
        let sample = try parseSample(wiltshire)
        var report = sample
        // Values only: other source lines and extra whitespace in a finding change nothing.
        for index in report.figures.indices { report.figures[index].line += 1000 }
        report.findings[0].text = report.findings[0].text.replacingOccurrences(of: " ", with: "  \n ")
        report.findings[0].ordinal = 99
        var same = CoverageComparison(sample: sample, variant: report)
        #expect(same.wrongCount == 0 && same.missingCount == 0)

        report.figures[0].value += 1                       // wrong value for a known key
        report.figures.append(report.figures[1])          // one copy too many (multiset)
        var madeUp = report.figures[2]
        madeUp.period = Period(asAt: Day(iso: "1999-12-31"))
        report.figures.append(madeUp)                      // a key the sample does not have (no figure of 1999)
        report.judgments[1].grade = report.judgments[1].grade == .good ? .inadequate : .good
        report.findings[1].text += " Extra words."
        report.findings.removeLast()                       // lost
        same = CoverageComparison(sample: sample, variant: report)

        let figures = same[.figures]
        #expect(figures.expected == sample.figures.count)
        #expect(figures.found == sample.figures.count - 1)
        #expect(figures.wrong.count == 3)
        #expect(figures.missing.count == 1)
        #expect(figures.missing.first?.value == coverageNumber(sample.figures[0].value))
        let wrongValue = try #require(figures.wrong.first)
        #expect(wrongValue.item.value == coverageNumber(sample.figures[0].value + 1))
        #expect(wrongValue.item.line == sample.figures[0].line + 1000)
        #expect(wrongValue.sampleValues.contains(coverageNumber(sample.figures[0].value)))
        #expect(figures.wrong.contains { $0.item.key.contains("as at 1999-12-31") && $0.sampleValues.isEmpty })

        #expect(same[.judgments].found == sample.judgments.count - 1)
        #expect(same[.judgments].wrong.count == 1 && same[.judgments].missing.count == 1)
        #expect(same[.findings].found == sample.findings.count - 2)
        #expect(same[.findings].wrong.count == 1 && same[.findings].missing.count == 2)
        #expect(same[.distributions].expected == 0 && same[.distributions].share == 1)
        #expect(same.wrongCount == 5)

        // A lost distribution cell of the national overview is missing, not wrong; a changed count is both.
        let national = try parseSample(nationalOverview)
        var changed = national
        changed.gradeDistributions.removeFirst()
        changed.gradeDistributions[0].forces += 1
        let distributions = CoverageComparison(sample: national, variant: changed)[.distributions]
        #expect(distributions.found == national.gradeDistributions.count - 2)
        #expect(distributions.missing.count == 2 && distributions.wrong.count == 1)

        // And the table shows it.
        let row = CoverageRow(sample: "wiltshire", transform: "corrupted", comparison: same, variantLines: [:])
        #expect(row.wrong == 5)
        #expect(coverageDetails([row]).contains("WRONG   figure \(wrongValue.item.key) = \(wrongValue.item.value)"))
    }

    @Test("the layout transforms do what they say, deterministically", arguments: Fixtures.sampleNames)
    func transforms(name: String) throws {
        let bytes = Fixtures.sample(name)
        let text = String(decoding: bytes, as: UTF8.self)
        func nonSpace(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self).filter { !$0.isWhitespace } }
        func lines(_ bytes: [UInt8]) -> [String] { Layout.lines(of: bytes) }
        #expect(Layout.joinLines(Layout.lines(of: bytes)) == bytes)

        for width in [50, 76, 100, 120] {
            let wrapped = Layout.hardWrap(width: width)(bytes)
            #expect(nonSpace(wrapped) == nonSpace(bytes), "wrap \(width) keeps every character")
            #expect(!wrapped.contains(0x09))
            #expect(lines(wrapped).allSatisfy { $0.count <= width || !$0.trimmingCharacters(in: .whitespaces).contains(" ") }, "wrap \(width)")
            #expect(Layout.hardWrap(width: width)(bytes) == wrapped)
        }
        #expect(Layout.wrap("aaa bbb  ccc dddd", width: 8) == ["aaa bbb", "ccc dddd"])
        #expect(Layout.wrap("  indented words here", width: 12) == ["  indented", "words here"])
        #expect(Layout.expandTabs("ab\tc\td") == "ab      c       d")

        let aligned = Layout.tabsToAlignedSpaces(bytes)
        #expect(!aligned.contains(0x09) && nonSpace(aligned) == nonSpace(bytes))
        #expect(lines(aligned).count == lines(bytes).count)
        #expect(Layout.tabsToAlignedSpaces(Array("x\n a\tbb\tc\nlonger\td\t\ny".utf8)) == Array("x\na       bb  c\nlonger  d\ny".utf8))

        let cells = Layout.cellsOnePerLine(bytes)
        #expect(!cells.contains(0x09) && nonSpace(cells) == nonSpace(bytes))
        #expect(Layout.cellsOnePerLine(Array("Question\t Grade\t2017\n".utf8)) == Array("Question\nGrade\n2017\n".utf8))

        let paged = Layout.pageFurniture(every: 55)(bytes)
        let pages = (lines(bytes).count - 1) / 55
        #expect(paged.filter { $0 == 0x0C }.count == pages)
        #expect(lines(paged).count == lines(bytes).count + 3 * pages)
        let header = Layout.runningHeader(lines(bytes))
        #expect(header.hasPrefix("PEEL: Police effectiveness 20"))
        #expect(header.contains(" – "))
        if pages > 0 { #expect(Array(lines(paged)[55...57]) == ["1", "\u{0C}" + header, ""]) }

        let noBlanks = Layout.noBlankLines(bytes)
        #expect(lines(noBlanks).allSatisfy { !$0.allSatisfy(\.isWhitespace) } && nonSpace(noBlanks) == nonSpace(bytes))

        let unbulleted = Layout.bulletsRemoved(bytes)
        #expect(!lines(unbulleted).contains { $0.drop { $0 == " " }.hasPrefix("- ") || $0.drop { $0 == " " }.hasPrefix("• ") })
        #expect(lines(unbulleted).count == lines(bytes).count)
        #expect(Layout.bulletsRemoved(Array("- a\n  • b\n**c**\n* d".utf8)) == Array("a\n  b\n**c**\nd".utf8))

        #expect(Layout.crlf(bytes).filter { $0 == 0x0D }.count == bytes.filter { $0 == 0x0A }.count)
        #expect(Layout.nbsp(Array("in 2015, 3 and x".utf8)) == Array("in\u{A0}2015,\u{A0}3 and x".utf8))
        #expect(Layout.ligatures(Array("office flow different".utf8)) == Array("of\u{FB01}ce \u{FB02}ow di\u{FB00}erent".utf8))
        #expect(Layout.softHyphens(Array("the effectiveness of policing".utf8)) == Array("the effe\u{AD}ctiveness of policing".utf8))
        #expect(Layout.curlyQuotes(Array("the force's \"aim\" and \"".utf8)) == Array("the force’s “aim” and \"".utf8))

        let noisy = Layout.unicodeNoise(bytes)
        #expect(noisy == Layout.unicodeNoise(bytes))
        let noisyText = String(decoding: noisy, as: UTF8.self)
        for mark in ["\u{AD}", "\u{A0}", "\u{FB01}", "\r\n"] { #expect(noisyText.contains(mark), "\(name): \(mark.unicodeScalars.first!.value)") }
        #expect(text.contains("'") == noisyText.contains("\u{2019}"))
    }
}
