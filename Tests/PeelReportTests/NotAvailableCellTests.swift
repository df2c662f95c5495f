import PeelReport
import PeelTestSupport
import Testing

/// A figure table's cell printed "n/a" (a value not available). A fifth audit found the row and every row after it
/// lost without a word: the label ran on into "n/a", named nothing, and ended the table.
@Suite("A figure table cell printed n/a")
struct NotAvailableCellTests {
    private static let row = "Victim-based crime\t43.3\t56.0"

    private func variant(_ row: String) throws -> (report: Report, line: Int) {
        try parseSample(wiltshire, line: Self.row, whole: true) { _ in row }
    }

    /// The table's figures from `line` on: area, metric and value.
    private func table(_ report: Report, from line: Int) -> [String] {
        report.figures.filter { $0.source == .figureTable && $0.line >= line && $0.line < line + 6 }
            .map { "\($0.area.rawValue) \($0.metric.rawValue) \($0.value)" }
    }

    @Test("the other cells of its row, and the rows after it, read; the cell said", arguments: [
        ("Victim-based crime\tn/a\t56.0", 1, "n/a"),
        ("Victim-based crime\t43.3\tN/A", 2, "N/A"),
        ("Victim-based crime\t..\t56.0", 1, ".."),
    ])
    func read(_ row: String, column: Int, printed: String) throws {
        let (sample, line) = try variant(Self.row)
        let whole = table(sample, from: line)
        #expect(whole.count == 10)
        let (report, _) = try variant(row)
        let missing = column == 1 ? "force victim_based_crime_per_1000 43.3" : "england_and_wales victim_based_crime_per_1000 56.0"
        #expect(table(report, from: line) == whole.filter { $0 != missing })
        #expect(report.problems.contains { $0.line == line && $0.message.contains("no value in column \(column) of 2 (\"\(printed)\")") },
                "\(report.problems.map(\.message))")
    }
}
