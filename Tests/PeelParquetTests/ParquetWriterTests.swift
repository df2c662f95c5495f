import Foundation
import PeelParquet
import PeelTestSupport
import Testing

/// Files from the hand-written writer, read back by the readers people use: pyarrow and DuckDB (the downstream
/// tests' virtual environment), each asked for the values, the types, the nulls and the footer's statistics.
@Suite("Parquet writer")
struct ParquetWriterTests {
    static let seed: UInt64 = ProcessInfo.processInfo.environment["PEEL_PARQUET_SEED"].flatMap { UInt64($0) } ?? 20261201

    static let columns = [
        ParquetWriter.Column("report_id", .string, nullable: false),
        ParquetWriter.Column("year", .int64),
        ParquetWriter.Column("rank", .int32),
        ParquetWriter.Column("value", .double),
        ParquetWriter.Column("text", .string),
        ParquetWriter.Column("published", .date),
        ParquetWriter.Column("empty", .string),
        ParquetWriter.Column("force_id", .string, dictionary: true),
        ParquetWriter.Column("grade", .string, nullable: false, dictionary: true),
    ]

    /// Rows with nulls at random (seeded), non-ASCII and long strings, negative numbers and runs of equal nulls.
    static func rows(_ count: Int) -> [[ParquetWriter.Value]] {
        print("parquet writer seed \(seed) (set PEEL_PARQUET_SEED to replay)")
        var generator = SplitMix(seed: seed)
        let words = ["Gwent", "Dyfed-Powys", "Wiltshire", "Ynys Môn ✓", "naïve “quoted”, comma", String(repeating: "long ", count: 400), ""]
        return (0..<count).map { index in
            func maybe(_ value: ParquetWriter.Value) -> ParquetWriter.Value { Int.random(in: 0..<4, using: &generator) == 0 ? .null : value }
            return [
                .string("r\(index)"),
                maybe(.integer(Int64.random(in: 2014...2030, using: &generator))),
                maybe(.integer(Int64.random(in: -5...5, using: &generator))),
                maybe(.double(Double(Int.random(in: -100_000...100_000, using: &generator)) / 100)),
                maybe(.string(words.randomElement(using: &generator)!)),
                maybe(.integer(Int64.random(in: 16000...18000, using: &generator))),
                .null,
                maybe(.string(["gwent", "dyfed-powys", "wiltshire", "west-mercia"].randomElement(using: &generator)!)),
                .string(index < 1000 ? "good" : ["good", "outstanding", "requires_improvement", "inadequate", "adequate"].randomElement(using: &generator)!),
            ]
        }
    }

    @Test("pyarrow and DuckDB read every value, type, null and statistic the writer wrote")
    func readBack() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let rows = Self.rows(3000)
        // Row groups of 700 rows, taken as they fill: 5 groups, the last of 200; the first groups' grade column has
        // one dictionary value (a bit width of 1 for one value).
        var writer = ParquetWriter(columns: Self.columns, createdBy: "peel test", metadata: [("peel.note", "ünïcode value")], rowGroupRows: 700)
        var file: [UInt8] = []
        for row in rows {
            writer.append(row)
            file += writer.takeBytes()
        }
        file += writer.finish()
        try writeBytes(file, to: folder + "/t.parquet")
        var whole = ParquetWriter(columns: Self.columns, createdBy: "peel test", metadata: [("peel.note", "ünïcode value")], rowGroupRows: 700)
        for row in rows { whole.append(row) }
        // Compared first: #expect would print both arrays, megabytes of numbers, if they differed.
        let wholeBytes = whole.finish(), sameWhole = wholeBytes == file
        #expect(sameWhole, "taking the bytes as they come changes nothing (\(wholeBytes.count) and \(file.count) bytes)")
        // Blocks of rows encoded apart (as parse workers make them) give the same bytes when they end where row
        // groups do; at random lengths, row groups close only between blocks, at the first past 700 rows.
        var generator = SplitMix(seed: Self.seed)
        func blocks(_ rows: ArraySlice<[ParquetWriter.Value]>, aligned: Bool) -> [ParquetRows] {
            var blocks: [ParquetRows] = [], start = rows.startIndex
            while start < rows.endIndex {
                var end = min(rows.endIndex, start + Int.random(in: 1...300, using: &generator))
                if aligned && (start / 700) != ((end - 1) / 700) { end = (start / 700 + 1) * 700 }
                var block = ParquetRows(columns: Self.columns, capacity: end - start)
                for row in rows[start..<end] { block.append(row) }
                blocks.append(block)
                start = end
            }
            return blocks
        }
        var byBlocks = ParquetWriter(columns: Self.columns, createdBy: "peel test", metadata: [("peel.note", "ünïcode value")], rowGroupRows: 700)
        for block in blocks(rows[...], aligned: true) { byBlocks.append(block) }
        let blockBytes = byBlocks.finish(), sameBlocks = blockBytes == file
        #expect(sameBlocks, "aligned blocks give the bytes of rows appended one by one (\(blockBytes.count) and \(file.count) bytes)")
        var unaligned = ParquetWriter(columns: Self.columns, createdBy: "peel test", rowGroupRows: 700)
        var blockEnds: [Int] = []
        for block in blocks(rows[...], aligned: false) {
            unaligned.append(block)
            blockEnds.append((blockEnds.last ?? 0) + block.count)
        }
        try writeBytes(unaligned.finish(), to: folder + "/b.parquet")
        try writeBytes(Array(try JSONSerialization.data(withJSONObject: blockEnds)), to: folder + "/block-ends.json")
        // A partition's rows: the same block less one column.
        var partition = ParquetWriter(columns: Array(Self.columns.dropFirst(2)), createdBy: "peel test", rowGroupRows: 700)
        for block in blocks(rows[...], aligned: false) { partition.append(block.dropping(column: 0).dropping(column: 0)) }
        try writeBytes(partition.finish(), to: folder + "/p.parquet")

        var compressed = ParquetWriter(columns: Self.columns, createdBy: "peel test", compression: .zstd(level: 3), rowGroupRows: 700)
        for row in rows { compressed.append(row) }
        let zstd = compressed.finish()
        #expect(zstd.count < file.count / 2, "\(zstd.count) bytes compressed, \(file.count) not")
        try writeBytes(zstd, to: folder + "/z.parquet")
        var empty = ParquetWriter(columns: Self.columns, createdBy: "peel test")
        try writeBytes(empty.finish(), to: folder + "/empty.parquet")

        // The expected values as JSON, for Python to compare with.
        func json(_ value: ParquetWriter.Value) -> Any {
            switch value {
            case .null: NSNull()
            case .string(let text): text
            case .integer(let number): number
            case .double(let number): number
            }
        }
        let expected = try JSONSerialization.data(withJSONObject: rows.map { $0.map(json) })
        try writeBytes(Array(expected), to: folder + "/expected.json")
        let script = #"""
        import json, datetime, sys
        import pyarrow.parquet as pq, duckdb
        expected = json.load(open("expected.json"))
        table = pq.read_table("t.parquet")
        types = {f.name: str(f.type) for f in table.schema}
        assert types == {"report_id": "string", "year": "int64", "rank": "int32", "value": "double", "text": "string",
                         "published": "date32[day]", "empty": "string", "force_id": "string", "grade": "string"}, types
        assert not table.schema.field("report_id").nullable and table.schema.field("year").nullable
        got = table.to_pylist()
        epoch = datetime.date(1970, 1, 1)
        names = [f.name for f in table.schema]
        for row, want in zip(got, expected):
            want = dict(zip(names, want))
            if want["published"] is not None:
                want["published"] = epoch + datetime.timedelta(days=want["published"])
            assert row == want, (row, want)
        assert len(got) == len(expected) == 3000
        meta = pq.ParquetFile("t.parquet").metadata
        assert meta.created_by == "peel test", meta.created_by
        assert pq.read_schema("t.parquet").metadata[b"peel.note"].decode() == "ünïcode value"
        assert meta.num_row_groups == 5 and [meta.row_group(g).num_rows for g in range(5)] == [700, 700, 700, 700, 200]

        def check_statistics(meta, got, names):
            start = 0
            for group in range(meta.num_row_groups):
                part = got[start:start + meta.row_group(group).num_rows]
                start += len(part)
                for index, name in enumerate(names):
                    column = meta.row_group(group).column(index)
                    stats = column.statistics
                    values = [row[name] for row in part if row[name] is not None]
                    assert stats.null_count == len(part) - len(values), (name, stats.null_count)
                    if values:
                        key = (lambda v: v.encode()) if isinstance(values[0], str) else (lambda v: v)
                        assert stats.min == min(values, key=key) and stats.max == max(values, key=key), (group, name, stats.min, stats.max)
                    else:
                        assert not stats.has_min_max, name
                    assert ("RLE_DICTIONARY" in column.encodings) == (name in ("force_id", "grade")), (name, column.encodings)
                    assert column.has_dictionary_page == (name in ("force_id", "grade")), name
            assert start == len(got)

        check_statistics(meta, got, names)
        # Blocks of random lengths: the same rows; each row group ends at the first block end at or past 700 rows.
        assert pq.read_table("b.parquet").to_pylist() == got
        blocks = pq.ParquetFile("b.parquet").metadata
        check_statistics(blocks, got, names)
        ends, end = json.load(open("block-ends.json")), 0
        for group in range(blocks.num_row_groups):
            end += blocks.row_group(group).num_rows
            assert end in ends, end
            if group < blocks.num_row_groups - 1:
                assert blocks.row_group(group).num_rows >= 700 and max(e for e in ends if e < end) - (end - blocks.row_group(group).num_rows) < 700
        partition = pq.read_table("p.parquet")
        assert partition.column_names == names[2:] and partition.to_pylist() == [{k: r[k] for k in names[2:]} for r in got]
        assert pq.read_table("empty.parquet").num_rows == 0
        zstd = pq.ParquetFile("z.parquet").metadata
        assert {zstd.row_group(g).column(c).compression for g in range(5) for c in range(len(names))} == {"ZSTD"}
        assert pq.read_table("z.parquet").to_pylist() == got
        assert duckdb.connect().execute("select count(*), count(text) from 'z.parquet'").fetchone() == (3000, sum(r["text"] is not None for r in got))
        con = duckdb.connect()
        count, years, total, latest = con.execute("select count(*), count(year), sum(value), max(published) from 't.parquet'").fetchone()
        assert (count, years) == (3000, sum(r[1] is not None for r in expected)), (count, years)
        assert abs(total - sum(r[3] for r in expected if r[3] is not None)) < 1e-6, total
        assert latest == epoch + datetime.timedelta(days=max(r[5] for r in expected if r[5] is not None)), latest
        assert con.execute("select count(*) from 'empty.parquet'").fetchone() == (0,)
        print("ok")
        """#
        try writeBytes(Array(script.utf8), to: folder + "/check.py")
        let output = try shell("'\(Fixtures.downstreamPython)' check.py", in: folder)
        #expect(output.hasSuffix("ok\n"), "\(output)")
    }

    @Test("a table of 1,000,000 rows: the writer never holds more than a row group's worth, and every row reads back")
    func millionRows() throws {
        let folder = makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let columns = [ParquetWriter.Column("id", .int64, nullable: false), ParquetWriter.Column("force_id", .string, dictionary: true),
                       ParquetWriter.Column("value", .double), ParquetWriter.Column("note", .string)]
        let forces = (0..<43).map { "force-\($0)" }, notes = (0..<1000).map { "note \($0) ✓" }
        var writer = ParquetWriter(columns: columns, createdBy: "peel test", compression: .zstd(level: 1))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/million.parquet", isDirectory: false).creatingFile())
        var held = 0, start = 0
        // Blocks of 250 rows, as a parse worker hands them on.
        while start < 1_000_000 {
            var block = ParquetRows(columns: columns, capacity: 250)
            for id in start..<(start + 250) {
                block.append(integer: Int64(id), column: 0)
                block.append(string: forces[id % 43], column: 1)
                if id % 7 == 0 { block.appendNull(column: 2) } else { block.append(double: Double(id) / 4, column: 2) }
                block.append(string: notes[id % 1000], column: 3)
                block.endRow()
            }
            writer.append(block)
            held = max(held, writer.heldBytes)
            try handle.write(contentsOf: writer.takeBytes())
            start += 250
        }
        try handle.write(contentsOf: writer.finish())
        try handle.close()
        // A row group closes at 1 MiB of values: what is held never grows with the rows.
        #expect(held < (1 << 20) + 250 * 64, "\(held) bytes held")
        let script = #"""
        import pyarrow.parquet as pq, duckdb
        meta = pq.ParquetFile("million.parquet").metadata
        assert meta.num_rows == 1_000_000 and meta.num_row_groups > 10, (meta.num_rows, meta.num_row_groups)
        got = duckdb.connect().execute("select count(*), sum(id), count(value), sum(value), count(distinct force_id), min(note), max(note) from 'million.parquet'").fetchone()
        ids = range(1_000_000)
        want = (1_000_000, sum(ids), sum(1 for i in ids if i % 7), sum(i / 4 for i in ids if i % 7), 43, "note 0 ✓", "note 999 ✓")
        assert got == want, (got, want)
        print("ok")
        """#
        try writeBytes(Array(script.utf8), to: folder + "/check.py")
        let output = try shell("'\(Fixtures.downstreamPython)' check.py", in: folder)
        #expect(output.hasSuffix("ok\n"), "\(output)")
    }
}

private extension URL {
    /// The URL, after making an empty file there.
    func creatingFile() -> URL {
        FileManager.default.createFile(atPath: path, contents: nil)
        return self
    }
}
