import PeelText

/// Tables → CSV files: RFC 4180, UTF-8 without BOM, `\n` line ends, a final newline, empty field = null.
///
/// Hand-written rather than taken from a CSV package because the output must be byte-exact and
/// Hive-partitioned, which is a few dozen lines; the CSV packages here are readers first.
public enum CSVRenderer {
    /// Hive's folder name for rows whose partition value is null.
    public static let nullPartition = "__HIVE_DEFAULT_PARTITION__"

    /// The flat file `<name>.csv` with every column, and, for a partitioned table, one
    /// `<name>/<field>=<value>/part-00000.csv` per value without the partition column, in `partitionOrder`.
    /// A table with no rows still gets its flat file and one partition file (header only), so readers always find it.
    /// The same rows, headers and paths as a run writes a table batch by batch (`RowBatch`).
    public static func render(_ table: Table) -> [RenderedFile] {
        let schema = table.schema
        var batch = RowBatch(schema: schema)
        for row in table.rows { batch.append(row) }
        var files = [RenderedFile(path: flatPath(schema), contents: header(schema) + batch.flat, rows: batch.rows)]
        guard let partitionHeader = partitionHeader(schema) else { return files }
        let partitions = batch.partitions.isEmpty ? [RowBatch.Partition(key: .null)] : batch.partitions
        for part in partitions.sorted(by: { partitionOrder($0.key, $1.key) }) {
            files.append(RenderedFile(path: partitionPath(schema, part.key), contents: partitionHeader + part.partitioned, rows: part.rows))
        }
        return files
    }

    public static func flatPath(_ schema: TableSchema) -> String { "\(schema.name).csv" }

    /// A partition's file; only for a table with a partition field.
    public static func partitionPath(_ schema: TableSchema, _ key: Value) -> String {
        "\(schema.name)/\(schema.partitionField!)=\(partitionName(key))/part-00000.csv"
    }

    /// The flat file's header record.
    public static func header(_ schema: TableSchema) -> [UInt8] {
        var out: [UInt8] = []
        appendRecord(schema.fields.map { .text($0.name) }, to: &out)
        return out
    }

    /// A partition file's header record (no partition column); nil for a table without partitions. An empty table
    /// still gets a folder with a header-only file, so `table/*/*.csv` always matches (DuckDB and Spark refuse a
    /// glob that matches nothing).
    public static func partitionHeader(_ schema: TableSchema) -> [UInt8]? {
        guard schema.partitionField != nil else { return nil }
        var out: [UInt8] = []
        appendRecord(schema.partitionFields.map { .text($0.name) }, to: &out)
        return out
    }

    /// The folder name of a partition value (`year=2015`).
    public static func partitionName(_ value: Value) -> String {
        switch value {
        case .null, .text(""): return nullPartition
        case .integer(let number): return String(number)
        case .number(let number): return plainDecimal(number)
        case .text(let text): return text
        }
    }

    /// Numbers ascending, then text, then null last.
    public static func partitionOrder(_ a: Value, _ b: Value) -> Bool {
        func rank(_ value: Value) -> (Int, Int, String) {
            switch value {
            case .integer(let number): return (0, number, "")
            case .number(let number): return (0, Int(number), "")
            case .text(let text) where !text.isEmpty: return (1, 0, text)
            default: return (2, 0, "")
            }
        }
        return rank(a) < rank(b)
    }

    public static func csv(_ rows: [[Value]], fields: [Field]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64 + rows.count * 128)
        appendRecord(fields.map { Value.text($0.name) }, to: &out)
        for row in rows { appendRecord(row, to: &out) }
        return out
    }

    /// One CSV record, with its line end.
    public static func appendRecord(_ values: [Value], to out: inout [UInt8]) {
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendValue(value, to: &out)
        }
        out.append(UInt8(ascii: "\n"))
    }

    private static func appendValue(_ value: Value, to out: inout [UInt8]) {
        switch value {
        case .null: break
        case .integer(let number): appendInteger(number, to: &out)
        case .number(let number): appendDecimal(number, to: &out)
        case .text(let text): appendField(text, to: &out)
        }
    }

    /// Decimal digits straight into the record (`String(number)` allocated a string per integer cell); at least
    /// `minimumDigits` of them, zeros in front.
    static func appendInteger(_ number: Int, minimumDigits: Int = 1, to out: inout [UInt8]) {
        // Written backwards into 24 bytes on the stack (an Int has at most 20 digits; `minimumDigits` is at most
        // 7), then appended once: appending zeros and then overwriting them cost two passes over the array.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var magnitude = number.magnitude
            var start = 24
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            while 24 - start < minimumDigits {
                start -= 1
                digits[start] = UInt8(ascii: "0")
            }
            if number < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<24]))
        }
    }

    /// `plainDecimal(value)`'s bytes. Figures mostly have a few decimal places: the shortest k ≤ 6 for which
    /// value × 10^k is a whole number n with n ÷ 10^k == value gives the same digits as the shortest round-trip
    /// form, without formatting a string (1,300 instructions a number in callgrind).
    static func appendDecimal(_ value: Double, to out: inout [UInt8]) {
        if value == value.rounded() && abs(value) < 1e15 { return appendInteger(Int(value), to: &out) }
        if abs(value) < 1e9 {
            var scale = 1.0
            for places in 1...6 {
                scale *= 10
                let scaled = (value * scale).rounded()
                guard scaled / scale == value else { continue }
                let whole = Int(scaled)
                // A trailing zero means a shorter form should have matched: leave such rare cases to the formatter.
                guard whole % 10 != 0 else { break }
                appendInteger(whole, minimumDigits: places + 1, to: &out)
                out.insert(UInt8(ascii: "."), at: out.count - places)
                return
            }
        }
        out.append(contentsOf: plainDecimal(value).utf8)
    }

    /// Shortest round-trip digits in plain notation: 4405, 22.4, -0.05, 0.00001.
    static func plainDecimal(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        let shortest = String(value)
        guard let exponentIndex = shortest.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(shortest[shortest.index(after: exponentIndex)...]) else {
            return shortest
        }
        // Move the decimal point by the exponent ("1.5e-05" → "0.000015").
        var mantissa = String(shortest[..<exponentIndex])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let digits = String(parts[0]) + (parts.count > 1 ? String(parts[1]) : "")
        let point = parts[0].count + exponent
        var result: String
        if point <= 0 { result = "0." + String(repeating: "0", count: -point) + digits }
        else if point >= digits.count { result = digits + String(repeating: "0", count: point - digits.count) }
        else { result = String(digits.prefix(point)) + "." + String(digits.dropFirst(point)) }
        return (negative ? "-" : "") + result
    }

    /// Quoted when it holds a comma, a quote, a line break, or leading/trailing spaces (which some
    /// readers would otherwise trim); quotes are doubled.
    static func appendField(_ text: String, to out: inout [UInt8]) {
        // Read in place: a `var` copy for `withUTF8` retained and released every cell's string (callgrind).
        if text.utf8.withContiguousStorageIfAvailable({ appendField(utf8: $0, to: &out) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendField(utf8: $0, to: &out) }
        }
    }

    static func appendField(utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        let needsQuotes = utf8.first == UInt8(ascii: " ") || utf8.last == UInt8(ascii: " ")
            || ByteSearch.containsAny(UInt8(ascii: ","), quote, 0x0A, 0x0D, in: utf8)
        guard needsQuotes else {
            out.append(contentsOf: utf8)
            return
        }
        // Copied a run at a time up to each quote, which is doubled: findings and messages are long, mostly quoted for
        // a comma, and appending them a byte at a time checked the array's uniqueness for every byte.
        out.append(quote)
        var start = 0
        var offset = ByteSearch.firstIndex(of: quote, in: utf8, from: 0)
        while offset < utf8.count {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...offset]))
            out.append(quote)
            start = offset + 1
            offset = ByteSearch.firstIndex(of: quote, in: utf8, from: start)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        out.append(quote)
    }
}
