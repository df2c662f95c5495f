import PeelTestSupport
@testable import PeelTables
import Testing

@Suite("Numbers and rows written straight to bytes")
struct NumberRenderingTests {
    @Test("the fast decimal path writes exactly what the shortest round-trip formatter does")
    func decimalsMatchFormatter() {
        var generator = seededGenerator("decimal rendering", standard: 20_261_205)
        var values: [Double] = [0, -0.0, 0.5, -0.05, 22.4, 107.9, 0.00001, 1e-7, 123456.789, 999999.9999995, 1e15 + 0.5, -1e9 - 0.25,
                                0.1 + 0.2, 1.0 / 3, 2.675, 1e300, -5e-324, 4405, -12, 0.30000000000000004]
        for _ in 0..<20_000 {
            // Printed-looking numbers (a few decimal places) and arbitrary bit patterns of finite doubles.
            let places = Int.random(in: 0...7, using: &generator)
            var scale = 1.0
            for _ in 0..<places { scale *= 10 }
            values.append(Double(Int.random(in: -10_000_000...10_000_000, using: &generator)) / scale)
            let raw = Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator))
            if raw.isFinite { values.append(raw) }
            values.append(Double.random(in: -1000...1000, using: &generator))
        }
        for value in values {
            var out: [UInt8] = []
            CSVRenderer.appendDecimal(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == CSVRenderer.plainDecimal(value), "\(value)")
        }
    }

    @Test("a row and its partition row are the row rendered once, the partition value and one comma cut out")
    func partitionRows() {
        let rows: [[Value]] = [
            [.text("a,b"), .integer(2015), .number(-0.05), .null],
            [.integer(-7), .text(" padded "), .text("say \"hi\"\nthere"), .integer(0)],
            [.null, .null, .null, .null],
        ]
        for row in rows {
            for skipped in row.indices {
                // The row as a run writes it: into a batch whose partition field is column `skipped`.
                let fields = row.indices.map { Field("f\($0)", .string, "") }
                var batch = RowBatch(schema: TableSchema(name: "t", fields: fields, partitionField: "f\(skipped)"))
                batch.append(row)
                var expectedFlat: [UInt8] = []
                CSVRenderer.appendRecord(row, to: &expectedFlat)
                var expectedPartitioned: [UInt8] = []
                var withoutPartition = row
                withoutPartition.remove(at: skipped)
                CSVRenderer.appendRecord(withoutPartition, to: &expectedPartitioned)
                #expect(batch.flat == expectedFlat)
                #expect(batch.partitions.count == 1 && batch.partitions[0].key == row[skipped])
                #expect(String(decoding: batch.partitions[0].partitioned, as: UTF8.self) == String(decoding: expectedPartitioned, as: UTF8.self), "skipping \(skipped)")
            }
        }
    }
}
