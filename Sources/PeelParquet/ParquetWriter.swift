/// A Parquet file of one flat table, written from the specification (apache/parquet-format: the file layout,
/// `parquet.thrift`, and the PLAIN and RLE encodings): magic, one row group of one data page per column, then
/// the footer. Written by hand: no Swift Parquet library is available here, and Debian has no libarrow or
/// libparquet. Pure: rows in, bytes out.
///
/// This first version writes PLAIN values, uncompressed, with definition levels for nullable columns and min, max
/// and null count per column; dictionary pages and ZSTD are to come.
public struct ParquetWriter {
    public enum ColumnType: Sendable, Equatable {
        /// UTF-8 text: BYTE_ARRAY with the STRING logical type.
        case string
        case int32
        case int64
        case double
        /// Days since 1970-01-01: INT32 with the DATE logical type.
        case date
    }

    public struct Column: Sendable, Equatable {
        public let name: String
        public let type: ColumnType
        /// Nullable columns are OPTIONAL, with a definition level per row.
        public let nullable: Bool
        public init(_ name: String, _ type: ColumnType, nullable: Bool = true) {
            self.name = name
            self.type = type
            self.nullable = nullable
        }
    }

    public enum Value: Sendable, Equatable {
        case null
        case string(String)
        case integer(Int64)
        case double(Double)
    }

    public let columns: [Column]
    private var chunks: [ColumnChunk]
    public private(set) var rows = 0
    private let createdBy: String
    private let metadata: [(key: String, value: String)]

    public init(columns: [Column], createdBy: String, metadata: [(key: String, value: String)] = []) {
        self.columns = columns
        chunks = columns.map { ColumnChunk(type: $0.type) }
        self.createdBy = createdBy
        self.metadata = metadata
    }

    /// One row, a value per column; a null in a column that is not nullable, or a value of another type, is a
    /// programming error.
    public mutating func append(_ row: [Value]) {
        precondition(row.count == columns.count, "a value per column")
        for index in columns.indices {
            precondition(columns[index].nullable || row[index] != .null, "\(columns[index].name) is not nullable")
            chunks[index].append(row[index])
        }
        rows += 1
    }

    /// The whole file.
    public func finish() -> [UInt8] {
        var file: [UInt8] = Array("PAR1".utf8)
        var columnMetadata: [(offset: Int, metadata: (inout CompactWriter) -> Void, size: Int)] = []
        if rows > 0 {
            for (column, chunk) in zip(columns, chunks) {
                let offset = file.count
                var page: [UInt8] = []
                if column.nullable {
                    let levels = Encodings.definitionLevels(chunk.defined)
                    page += Encodings.littleEndian(UInt32(levels.count))
                    page += levels
                }
                page += chunk.values
                var header = CompactWriter()
                header.structBody { header in
                    header.field(1, i32: 0)  // DATA_PAGE
                    header.field(2, i32: Int32(page.count))
                    header.field(3, i32: Int32(page.count))
                    header.field(5) { data in
                        data.field(1, i32: Int32(rows))
                        data.field(2, i32: 0)  // PLAIN
                        data.field(3, i32: 3)  // RLE definition levels
                        data.field(4, i32: 3)  // RLE repetition levels (none: the schema is flat)
                    }
                }
                file += header.bytes
                file += page
                let size = header.bytes.count + page.count
                columnMetadata.append((offset, { meta in
                    meta.field(1, i32: column.type.physical)
                    meta.field(2, list: .i32, count: 2) { $0.element(i32: 0); $0.element(i32: 3) }  // PLAIN, RLE
                    meta.field(3, list: .binary, count: 1) { $0.element(string: column.name) }
                    meta.field(4, i32: 0)  // UNCOMPRESSED
                    meta.field(5, i64: Int64(rows))
                    meta.field(6, i64: Int64(size))
                    meta.field(7, i64: Int64(size))
                    meta.field(9, i64: Int64(offset))
                    meta.field(12) { statistics in chunk.writeStatistics(&statistics) }
                }, size))
            }
        }
        var footer = CompactWriter()
        footer.structBody { meta in
            meta.field(1, i32: 1)
            meta.field(2, list: .struct, count: columns.count + 1) { schema in
                schema.structBody { root in
                    root.field(4, string: "schema")
                    root.field(5, i32: Int32(columns.count))
                }
                for column in columns {
                    schema.structBody { element in
                        element.field(1, i32: column.type.physical)
                        element.field(3, i32: column.nullable ? 1 : 0)  // OPTIONAL or REQUIRED
                        element.field(4, string: column.name)
                        switch column.type {
                        case .string:
                            element.field(6, i32: 0)  // converted type UTF8
                            element.field(10) { logical in logical.field(1) { _ in } }  // STRING
                        case .date:
                            element.field(6, i32: 6)  // converted type DATE
                            element.field(10) { logical in logical.field(6) { _ in } }  // DATE
                        case .int32, .int64, .double:
                            break
                        }
                    }
                }
            }
            meta.field(3, i64: Int64(rows))
            meta.field(4, list: .struct, count: rows > 0 ? 1 : 0) { groups in
                guard rows > 0 else { return }
                groups.structBody { group in
                    group.field(1, list: .struct, count: columnMetadata.count) { chunks in
                        for chunk in columnMetadata {
                            chunks.structBody { columnChunk in
                                columnChunk.field(2, i64: Int64(chunk.offset))
                                columnChunk.field(3, struct: chunk.metadata)
                            }
                        }
                    }
                    group.field(2, i64: Int64(columnMetadata.reduce(0) { $0 + $1.size }))
                    group.field(3, i64: Int64(rows))
                }
            }
            if !metadata.isEmpty {
                meta.field(5, list: .struct, count: metadata.count) { pairs in
                    for pair in metadata {
                        pairs.structBody { entry in
                            entry.field(1, string: pair.key)
                            entry.field(2, string: pair.value)
                        }
                    }
                }
            }
            meta.field(6, string: createdBy)
            // The order min_value and max_value follow: each type's own (strings as unsigned bytes). Without it
            // readers do not trust string statistics.
            meta.field(7, list: .struct, count: columns.count) { orders in
                for _ in columns { orders.structBody { order in order.field(1) { _ in } } }
            }
        }
        file += footer.bytes
        file += Encodings.littleEndian(UInt32(footer.bytes.count))
        file += Array("PAR1".utf8)
        return file
    }
}

extension ParquetWriter.ColumnType {
    /// parquet.thrift's Type.
    var physical: Int32 {
        switch self {
        case .int32, .date: 1
        case .int64: 2
        case .double: 5
        case .string: 6
        }
    }
}

/// One column's values as they are appended: PLAIN-encoded non-null values, a definition level per row, and the
/// statistics of the footer.
private struct ColumnChunk {
    let type: ParquetWriter.ColumnType
    var values: [UInt8] = []
    var defined: [Bool] = []
    var nulls = 0
    /// PLAIN bytes of the least and greatest value, compared in the column's own order (strings as unsigned bytes,
    /// as Parquet orders them).
    var minimum: [UInt8]?
    var maximum: [UInt8]?
    private var minimumNumber = Double.infinity, maximumNumber = -Double.infinity
    private var minimumInteger = Int64.max, maximumInteger = Int64.min

    init(type: ParquetWriter.ColumnType) { self.type = type }

    mutating func append(_ value: ParquetWriter.Value) {
        switch (type, value) {
        case (_, .null):
            defined.append(false)
            nulls += 1
            return
        case (.string, .string(let text)):
            let bytes = Array(text.utf8)
            values += Encodings.littleEndian(UInt32(bytes.count))
            values += bytes
            if minimum.map({ bytes.lexicographicallyPrecedes($0) }) ?? true { minimum = bytes }
            if maximum.map({ $0.lexicographicallyPrecedes(bytes) }) ?? true { maximum = bytes }
        case (.int32, .integer(let number)), (.date, .integer(let number)):
            let value = Int32(number)
            values += Encodings.littleEndian(UInt32(bitPattern: value))
            minimumInteger = min(minimumInteger, Int64(value))
            maximumInteger = max(maximumInteger, Int64(value))
        case (.int64, .integer(let number)):
            values += Encodings.littleEndian(UInt64(bitPattern: number))
            minimumInteger = min(minimumInteger, number)
            maximumInteger = max(maximumInteger, number)
        case (.double, .double(let number)):
            values += Encodings.littleEndian(number.bitPattern)
            // NaN orders nowhere: it is left out of min and max (readers then see the others' bounds).
            if !number.isNaN {
                minimumNumber = min(minimumNumber, number)
                maximumNumber = max(maximumNumber, number)
            }
        case (.double, .integer(let number)):
            append(.double(Double(number)))
            return
        default:
            preconditionFailure("\(value) in a \(type) column")
        }
        defined.append(true)
    }

    func writeStatistics(_ statistics: inout CompactWriter) {
        statistics.field(3, i64: Int64(nulls))
        var bounds: (min: [UInt8], max: [UInt8])?
        switch type {
        case .string:
            if let minimum, let maximum { bounds = (minimum, maximum) }
        case .int32, .date:
            if minimumInteger <= maximumInteger {
                bounds = (Encodings.littleEndian(UInt32(bitPattern: Int32(minimumInteger))), Encodings.littleEndian(UInt32(bitPattern: Int32(maximumInteger))))
            }
        case .int64:
            if minimumInteger <= maximumInteger {
                bounds = (Encodings.littleEndian(UInt64(bitPattern: minimumInteger)), Encodings.littleEndian(UInt64(bitPattern: maximumInteger)))
            }
        case .double:
            if minimumNumber <= maximumNumber {
                // A zero bound is written signed the way the specification asks: -0.0 as the minimum, +0.0 as the maximum.
                let low = minimumNumber == 0 ? -0.0 : minimumNumber, high = maximumNumber == 0 ? 0.0 : maximumNumber
                bounds = (Encodings.littleEndian(low.bitPattern), Encodings.littleEndian(high.bitPattern))
            }
        }
        if let bounds {
            statistics.field(5, binary: bounds.max)
            statistics.field(6, binary: bounds.min)
        }
    }
}

/// The byte encodings Parquet pages use.
enum Encodings {
    static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    /// Definition levels of a flat OPTIONAL column (bit width 1) in the RLE / bit-packing hybrid, as runs only: a
    /// run header (its length, shifted left once) then the level in one byte.
    static func definitionLevels(_ defined: [Bool]) -> [UInt8] {
        var out = CompactWriter()
        var index = 0
        var bytes: [UInt8] = []
        while index < defined.count {
            var end = index + 1
            while end < defined.count && defined[end] == defined[index] { end += 1 }
            out = CompactWriter()
            out.varint(UInt64(end - index) << 1)
            bytes += out.bytes
            bytes.append(defined[index] ? 1 : 0)
            index = end
        }
        return bytes
    }
}
