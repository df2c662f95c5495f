import Foundation
import PeelTables
import PeelTestSupport
import Testing

/// What the CSV writer produces must come back unchanged from the readers users load it with.
@Suite("CSV round trip through pandas, pyarrow and DuckDB")
struct ReaderRoundTripTests {
    @Test("commas, quotes, line breaks, non-ASCII, padding, NA and None survive; only an empty field is null")
    func roundTrip() throws {
        let schema = TableSchema(name: "tricky", fields: [Field("id", .string, "id"), Field("text", .string, "text")], partitionField: nil)
        let texts: [String?] = [
            "plain", "a, b", "say \"hi\"", "two\nlines", "crlf\r\nline", "café – naïve ✓", " padded ", "NA", "None", "null", "N/A", nil, "-",
        ]
        let rows = texts.enumerated().map { index, text in [Value.text("row\(index)"), Value(text)] }
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try writeBytes(CSVRenderer.csv(rows, fields: schema.fields), to: folder + "/tricky.csv")

        let output = try shell("'\(Fixtures.downstreamPython)' '\(Fixtures.packageRoot)/Tests/Downstream/read_back.py' tricky.csv", in: folder)
        let decoded = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: [[Any]]]
        #expect(decoded.keys.sorted() == ["duckdb", "pandas", "pyarrow"])
        for (reader, table) in decoded {
            let got: [String?] = table.map { $0[1] as? String }
            #expect(got == texts, "\(reader)")
            #expect(table.map { $0[0] as? String } == texts.indices.map { "row\($0)" }, "\(reader)")
        }
    }
}
