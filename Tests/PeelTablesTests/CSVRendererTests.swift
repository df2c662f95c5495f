import Foundation
import PeelTables
import PeelTestSupport
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

    @Test("a comma, quote or line break is found at every position of a long field, and a field without one is not quoted")
    func quotingAtEveryPosition() {
        let plain = Array("Officers' workload – 'high' (2016); see pages 4 to 7 & annex.".utf8)
        let unquoted = CSVRenderer.csv([[.text(String(decoding: plain, as: UTF8.self))]], fields: [Field("note", .string, "note")])
        #expect(String(decoding: unquoted, as: UTF8.self) == "note\n" + String(decoding: plain, as: UTF8.self) + "\n")
        var misses: [String] = []
        for special in [UInt8(ascii: ","), UInt8(ascii: "\""), 0x0A, 0x0D] {
            for position in 1..<(plain.count - 1) {
                var bytes = plain
                bytes[position] = special
                let field = String(decoding: bytes, as: UTF8.self)
                let rendered = String(decoding: CSVRenderer.csv([[.text(field)]], fields: [Field("note", .string, "note")]), as: UTF8.self)
                let escaped = special == UInt8(ascii: "\"") ? field.replacingOccurrences(of: "\"", with: "\"\"") : field
                if rendered != "note\n\"" + escaped + "\"\n" { misses.append("\(special)@\(position)") }
            }
        }
        #expect(misses.isEmpty, "not quoted: \(misses)")
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

@Suite("Column statistics")
struct ColumnStatisticsTests {
    @Test("min and max in the column's own type: numbers as JSON numbers, dates as text, none for free text")
    func typedBounds() throws {
        let schema = TableSchema(name: "t", fields: [Field("year", .integer, "year"), Field("value", .number, "value"),
                                                     Field("end", .date, "end"), Field("note", .string, "note")], partitionField: nil)
        var batch = RowBatch(schema: schema)
        batch.append([.integer(2017), .number(0.25), .text("2017-06-30"), .text("b")])
        batch.append([.integer(2015), .number(-3), .text("2014-03-31"), .null])
        let columns = batch.statistics.statistics
        #expect(columns[0].min == .number(2015) && columns[0].max == .number(2017))
        #expect(columns[1].min == .number(-3) && columns[1].max == .number(0.25))
        #expect(columns[2].min == .text("2014-03-31") && columns[2].max == .text("2017-06-30"))
        #expect(columns[3].min == nil && columns[3].nulls == 1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(columns[0]), as: UTF8.self)
        #expect(json.contains(#""max":2017"#) && json.contains(#""min":2015"#), "\(json)")
        #expect(try JSONDecoder().decode(ColumnStatistics.self, from: Data(json.utf8)) == columns[0])
    }

    @Test("cells written one by one: an empty text is null in the file and in the null count, yet a category value of its own")
    func typedCells() {
        let schema = TableSchema(name: "t", fields: [Field("kind", .string, "kind", categories: ["a", "b"]), Field("year", .integer, "year"),
                                                     Field("end", .date, "end")], partitionField: "year")
        var batch = RowBatch(schema: schema)
        for (kind, year, end) in [("a", 2015, "2015-03-31"), ("", 2015, ""), ("a", 2016, nil), (nil, 2015, "2014-03-31")] as [(String?, Int?, String?)] {
            batch.row { row in
                row.text(kind)
                row.integer(year)
                row.text(end)
            }
        }
        #expect(String(decoding: batch.flat, as: UTF8.self) == "a,2015,2015-03-31\n,2015,\na,2016,\n,2015,2014-03-31\n")
        #expect(batch.partitions.map(\.key) == [.integer(2015), .integer(2016)])
        #expect(String(decoding: batch.partitions[0].partitioned, as: UTF8.self) == "a,2015-03-31\n,\n,2014-03-31\n")
        let columns = batch.statistics.statistics
        #expect(columns[0].nulls == 2 && columns[0].distinct == 2)
        #expect(columns[1].min == .number(2015) && columns[1].max == .number(2016))
        #expect(columns[2].nulls == 2 && columns[2].min == .text("2014-03-31") && columns[2].max == .text("2015-03-31"))
    }

    @Test("every batch starts from empty statistics, however many batches of the same schema were written before it")
    func freshStatistics() {
        let schema = TableSchema(name: "t", fields: [Field("kind", .string, "kind", categories: ["a", "b"]), Field("year", .integer, "year"),
                                                     Field("end", .date, "end")], partitionField: nil)
        var empty = ColumnAccumulator(schema: schema)
        let before = RowBatch(schema: schema).statistics.statistics
        var written = RowBatch(schema: schema)
        written.row { row in
            row.text("a")
            row.integer(2015)
            row.date(year: 2015, month: 3, day: 31)
        }
        written.append([.text("b"), .null, .text("2016-03-31")])
        empty.merge(written.statistics)
        #expect(empty.statistics == written.statistics.statistics)
        #expect(written.statistics.statistics[0].distinct == 2 && written.statistics.statistics[1].nulls == 1)
        for fresh in [RowBatch(schema: schema).statistics, ColumnAccumulator(schema: schema)] {
            #expect(fresh.statistics == before)
            #expect(fresh.statistics.allSatisfy { $0.nulls == 0 && $0.distinct ?? 0 == 0 && $0.min == nil && $0.max == nil })
        }
    }

    @Test("rows that open with shared cells have the bytes, partitions, values and statistics of rows written cell by cell", arguments: [0, 1, 3])
    func openingCells(partitionColumn: Int) {
        let seed: UInt64 = 20261203 + UInt64(partitionColumn)
        print("opening cells seed \(seed)")
        var generator = SplitMix(seed: seed)
        let names = ["id", "year", "force", "kind", "value"]
        let fields = [Field("id", .string, "id"), Field("year", .integer, "year"), Field("force", .string, "force", categories: []),
                      Field("kind", .string, "kind", categories: []), Field("value", .number, "value")]
        let schema = TableSchema(name: "t", fields: fields, partitionField: names[partitionColumn])
        for formats in [TableFormats.csv, .parquet, [.csv, .parquet]] {
            for round in 0..<20 {
                var opened = RowBatch(schema: schema, formats: formats), written = RowBatch(schema: schema, formats: formats)
                // Reports one after another in the same batch, as a table's rows of several entries never are, to check
                // that each report's cells are counted.
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let id: String? = ["4cae49f7aff5159fd13196ff3b11ad3dca5ead06581c0e6325a823dc54032d2d", "a,b \"quoted\"", "", nil][Int.random(in: 0..<4, using: &generator)]
                    let year: Int? = Int.random(in: 0..<5, using: &generator) == 0 ? nil : Int.random(in: 2014...2018, using: &generator)
                    let force: String? = [nil, "", "gwent", "dyfed-powys"][Int.random(in: 0..<4, using: &generator)]
                    let opening = opened.openingCells { row in
                        row.text(id)
                        row.integer(year)
                        row.text(force)
                    }
                    for _ in 0..<Int.random(in: 1...12, using: &generator) {
                        let kind: String? = Int.random(in: 0..<6, using: &generator) == 0 ? nil : "k\(Int.random(in: 0..<4, using: &generator))"
                        let value = Int.random(in: 0..<5, using: &generator) == 0 ? nil : Double(Int.random(in: -50...50, using: &generator)) / 4
                        opened.row { row in
                            row.opening(opening)
                            row.text(kind)
                            row.number(value)
                        }
                        written.row { row in
                            row.text(id)
                            row.integer(year)
                            row.text(force)
                            row.text(kind)
                            row.number(value)
                        }
                    }
                }
                expectSameRows(opened, written, "partition \(names[partitionColumn]), formats \(formats.rawValue), round \(round)")
            }
        }
    }

    @Test("category cells written as cases have the bytes, partitions, values and statistics of the same cells written as text")
    func categoryCells() {
        let seed: UInt64 = 20261204
        print("category cells seed \(seed)")
        var generator = SplitMix(seed: seed)
        // A category as the partition column too, a one-case enum (stored in no bytes), and raw values that need quotes.
        let fields = [Field("id", .string, "id"), Field("shade", .string, "shade", cases: Shade.self, categories: Shade.allCases.map(\.rawValue).sorted()),
                      Field("only", .string, "only", cases: Only.self), Field("value", .number, "value")]
        let merged = compareTwoWays(fields: fields, partitionFields: [nil, "shade", "id"], generator: &generator) { typed, texts, mixed, generator in
            let id = ["r1", "r2", "r3"][Int.random(in: 0..<3, using: &generator)]
            let shade: Shade? = Int.random(in: 0..<5, using: &generator) == 0 ? nil : Shade.allCases.randomElement(using: &generator)
            let only: Only? = Bool.random(using: &generator) ? .one : nil
            let value = Double(Int.random(in: 0...9, using: &generator))
            let asText = mixed && Bool.random(using: &generator)
            typed.row { row in
                row.text(id)
                if asText { row.text(shade?.rawValue) } else { row.category(shade) }
                if asText { row.text(only?.rawValue) } else { row.category(only) }
                row.number(value)
            }
            texts.row { row in
                row.text(id)
                row.text(shade?.rawValue)
                row.text(only?.rawValue)
                row.number(value)
            }
        }
        for statistics in merged { #expect(statistics[1].distinct == Shade.allCases.count, "every shade was written in 12 rounds") }
        let quoted = RowBatch.renderedRow(schema: TableSchema(name: "q", fields: [fields[1]], partitionField: nil)) { $0.category(Shade.quoted) }
        #expect(quoted == "\"say \"\"so\"\", then\"\n")
    }

    @Test("date cells written as dates have the bytes, partitions, values and statistics of the same dates written as text")
    func dateCells() {
        let seed: UInt64 = 20261205
        print("date cells seed \(seed)")
        var generator = SplitMix(seed: seed)
        let fields = [Field("id", .string, "id"), Field("day", .date, "day"), Field("noted", .string, "a date in a text column")]
        let merged = compareTwoWays(fields: fields, partitionFields: [nil, "day"], generator: &generator) { typed, texts, mixed, generator in
            // Years of four digits from the first to the last, months and days of one and two digits.
            let year = [1000, 1999, 2014, 2017, 9999][Int.random(in: 0..<5, using: &generator)]
            let (month, day) = (Int.random(in: 1...12, using: &generator), Int.random(in: 1...28, using: &generator))
            let present = Int.random(in: 0..<6, using: &generator) != 0
            let text = String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
            let asText = mixed && Bool.random(using: &generator)
            typed.row { row in
                row.text("r")
                if !present { row.null() } else if asText { row.text(text) } else { row.date(year: year, month: month, day: day) }
                row.date(year: year, month: month, day: day)
            }
            texts.row { row in
                row.text("r")
                row.text(present ? text : nil)
                row.text(text)
            }
        }
        for statistics in merged {
            // Twelve rounds reach both ends of the years, so the bounds are a first and a last year's date.
            if case .text(let first)? = statistics[1].min { #expect(first.hasPrefix("1000-")) } else { Issue.record("no minimum") }
            if case .text(let last)? = statistics[1].max { #expect(last.hasPrefix("9999-")) } else { Issue.record("no maximum") }
        }
    }

    @Test("column statistics merged from many batches are those of all the rows: distinct counts (past the short list too), nulls, minimum and maximum")
    func distinctCounts() {
        let seed: UInt64 = 20261202
        print("distinct seed \(seed)")
        var generator = SplitMix(seed: seed)
        let schema = TableSchema(name: "t", fields: [Field("kind", .string, "kind", categories: []), Field("code", .integer, "code", categories: []),
                                                     Field("day", .date, "day"), Field("amount", .number, "amount")], partitionField: nil)
        for round in 0..<40 {
            // From a handful of values to many more than the short list holds, texts (some the same string, some equal
            // strings made apart), integers and nulls.
            let spread = [3, 10, 31, 32, 33, 64, 200][round % 7]
            var merged = ColumnAccumulator(schema: schema)
            var kinds = Set<Value>(), codes = Set<Value>()
            var nulls = [0, 0, 0, 0]
            var days: [String] = [], amounts: [Double] = []
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                var batch = RowBatch(schema: schema)
                for _ in 0..<Int.random(in: 0...120, using: &generator) {
                    let number = Int.random(in: 0..<spread, using: &generator)
                    let kind: String? = number % 11 == 0 ? nil : String(repeating: "k", count: number % 3 + 1) + String(number)
                    let code: Int? = number % 7 == 0 ? nil : number
                    let day: String? = number % 5 == 0 ? nil : "2016-\(number % 12 + 10)-0\(number % 9 + 1)"
                    let amount: Double? = number % 4 == 0 ? nil : Double(number) / 8 - 3
                    batch.row { row in
                        row.text(kind)
                        row.integer(code)
                        row.text(day)
                        row.number(amount)
                    }
                    if let kind { kinds.insert(.text(kind)) } else { nulls[0] += 1 }
                    if let code { codes.insert(.integer(code)) } else { nulls[1] += 1 }
                    if let day { days.append(day) } else { nulls[2] += 1 }
                    if let amount { amounts.append(amount) } else { nulls[3] += 1 }
                }
                merged.merge(batch.statistics)
            }
            let columns = merged.statistics
            #expect(columns[0].distinct == kinds.count, "round \(round)")
            #expect(columns[1].distinct == codes.count, "round \(round)")
            #expect(columns.map(\.nulls) == nulls, "round \(round)")
            #expect(columns[2].min == days.min().map(ColumnStatistics.Bound.text) && columns[2].max == days.max().map(ColumnStatistics.Bound.text), "round \(round)")
            #expect(columns[3].min == amounts.min().map(ColumnStatistics.Bound.number) && columns[3].max == amounts.max().map(ColumnStatistics.Bound.number), "round \(round)")
        }
    }
}

/// Two batches that hold the same rows, written two ways: the same bytes, partitions, values and statistics.
private func expectSameRows(_ a: RowBatch, _ b: RowBatch, _ context: String) {
    #expect(a.flat == b.flat, "\(context)")
    #expect(a.rows == b.rows, "\(context)")
    #expect(a.partitions.map(\.key) == b.partitions.map(\.key), "\(context)")
    #expect(a.partitions.map(\.partitioned) == b.partitions.map(\.partitioned), "\(context)")
    #expect(a.partitions.map(\.rows) == b.partitions.map(\.rows), "\(context)")
    #expect(a.values == b.values, "\(context)")
    #expect(a.statistics.statistics == b.statistics.statistics, "\(context)")
}

/// Rows written two ways by `writeRow` (into a batch that writes cells by what they are, and one that writes them as
/// text; `mixed` in a third of the rounds, where the first may write some as text too) for each partition field and
/// format, twelve batches each: compared batch by batch and merged. The merged statistics of each.
private func compareTwoWays(fields: [Field], partitionFields: [String?], generator: inout SplitMix,
                            writeRow: (inout RowBatch, inout RowBatch, Bool, inout SplitMix) -> Void) -> [[ColumnStatistics]] {
    var merged: [[ColumnStatistics]] = []
    for partitionField in partitionFields {
        let schema = TableSchema(name: "t", fields: fields, partitionField: partitionField)
        for formats in [TableFormats.csv, .parquet, [.csv, .parquet]] {
            var mergedTyped = ColumnAccumulator(schema: schema), mergedTexts = ColumnAccumulator(schema: schema)
            for round in 0..<12 {
                var typed = RowBatch(schema: schema, formats: formats), texts = RowBatch(schema: schema, formats: formats)
                // Some batches mix the two ways, as a spooled batch's values come back as text.
                for _ in 0..<Int.random(in: 0...30, using: &generator) { writeRow(&typed, &texts, round % 3 == 2, &generator) }
                expectSameRows(typed, texts, "partition \(partitionField ?? "none"), formats \(formats.rawValue), round \(round)")
                mergedTyped.merge(typed.statistics)
                mergedTexts.merge(texts.statistics)
            }
            #expect(mergedTyped.statistics == mergedTexts.statistics, "partition \(partitionField ?? "none"), formats \(formats.rawValue)")
            merged.append(mergedTyped.statistics)
        }
    }
    return merged
}

/// A category whose raw values need CSV's quotes.
private enum Shade: String, TableCategory {
    case red, green = "green, light", quoted = "say \"so\", then", blue
}

/// A category of one case, which Swift stores in no bytes at all.
private enum Only: String, TableCategory {
    case one
}

extension RowBatch {
    /// One row written by `fill`, as CSV text.
    fileprivate static func renderedRow(schema: TableSchema, _ fill: (inout RowBatch) -> Void) -> String {
        var batch = RowBatch(schema: schema)
        batch.row(fill)
        return String(decoding: batch.flat, as: UTF8.self)
    }
}
