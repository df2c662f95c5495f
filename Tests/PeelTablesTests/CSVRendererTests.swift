import PeelTables
import Testing

private let schema = TableSchema(
    name: "things",
    fields: [Field("id", .string, "id"), Field("year", .integer, "year"), Field("note", .string, "note")],
    partitionField: "year")

private func text(_ file: RenderedFile) -> String { String(decoding: file.contents, as: UTF8.self) }

@Suite("CSV rendering")
struct CSVRendererTests {
    @Test("RFC 4180 quoting, empty field for null, \\n line ends and a final newline")
    func quoting() {
        let rows: [[Value]] = [
            [.text("a,b"), .integer(2015), .text("say \"hi\"")],
            [.text("line\nbreak"), .integer(2015), .text(" padded ")],
            [.text("été – ü"), .integer(2017), .null],
            [.text(""), .null, .text("None")],
        ]
        let flat = CSVRenderer.render(Table(schema: schema, rows: rows))[0]
        #expect(flat.path == "things.csv")
        #expect(flat.rows == 4)
        #expect(text(flat) == "id,year,note\n\"a,b\",2015,\"say \"\"hi\"\"\"\n\"line\nbreak\",2015,\" padded \"\nété – ü,2017,\n,,None\n")
    }

    @Test("partitions by year in the path only, null last as Hive's default partition")
    func partitions() {
        let rows: [[Value]] = [[.text("x"), .integer(2017), .null], [.text("y"), .integer(2015), .text("n")], [.text("z"), .null, .null], [.text("w"), .integer(2015), .null]]
        let files = CSVRenderer.render(Table(schema: schema, rows: rows))
        #expect(files.map(\.path) == ["things.csv", "things/year=2015/part-00000.csv", "things/year=2017/part-00000.csv", "things/year=__HIVE_DEFAULT_PARTITION__/part-00000.csv"])
        #expect(text(files[1]) == "id,note\ny,n\nw,\n")
        #expect(files[1].rows == 2)
        #expect(text(files[3]) == "id,note\nz,\n")
    }

    @Test("an empty table still has its flat file and a header-only partition file, so globs match")
    func emptyTable() {
        let files = CSVRenderer.render(Table(schema: schema, rows: []))
        #expect(files.map(\.path) == ["things.csv", "things/year=__HIVE_DEFAULT_PARTITION__/part-00000.csv"])
        #expect(text(files[0]) == "id,year,note\n")
        #expect(text(files[1]) == "id,note\n")
        #expect(files.map(\.rows) == [0, 0])
    }
}
