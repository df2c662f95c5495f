#if canImport(Glibc)
import Glibc
#endif

/// Parquet files of one flat table, written from the specification (apache/parquet-format: the file layout,
/// `parquet.thrift`, and the encodings document): magic, row groups of one data page per column (a dictionary page
/// before it for dictionary columns), then the footer. Written by hand: no Swift Parquet library is available here,
/// and Debian has no libarrow or libparquet. Pure: rows in, bytes out. The bytes come out as each row group fills
/// (`takeBytes`), so a writer holds at most one row group, however long the table.
///
/// Values are PLAIN, or RLE_DICTIONARY for dictionary columns; pages are uncompressed or ZSTD-compressed.
public struct ParquetWriter: ParquetRowSink {
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
        /// Strings of few distinct values (force ids, grades, metrics): a dictionary page, then indices.
        public let dictionary: Bool
        public init(_ name: String, _ type: ColumnType, nullable: Bool = true, dictionary: Bool = false) {
            precondition(!dictionary || type == .string, "dictionary encoding is for string columns")
            self.name = name
            self.type = type
            self.nullable = nullable
            self.dictionary = dictionary
        }
    }

    public enum Compression: Sendable, Equatable {
        case none
        /// Zstandard at this level (3 is libzstd's default): the same page always compresses to the same bytes.
        case zstd(level: Int32)

        /// parquet.thrift's CompressionCodec.
        var codec: Int32 {
            switch self {
            case .none: 0
            case .zstd: 6
            }
        }
    }

    public enum Value: Sendable, Equatable {
        case null
        case string(String)
        case integer(Int64)
        case double(Double)
    }

    public let columns: [Column]
    public private(set) var rows = 0
    private let createdBy: String
    private let metadata: [(key: String, value: String)]
    private let rowGroupRows: Int
    private var chunks: [ColumnChunk]
    private var rowsInGroup = 0
    private var rowsSinceSizeCheck = 0
    /// Bytes made and not yet taken, and how many were made before them.
    private var pending: [UInt8] = Array("PAR1".utf8)
    private var taken = 0
    private var groups: [RowGroupRecord] = []

    /// A row group closes at `rowGroupRows` rows or once its columns hold `rowGroupBytes`, whichever comes first:
    /// what a writer holds is bounded either way.
    private let rowGroupBytes: Int
    private let compression: Compression
    private let buffers: PageBuffers

    /// `buffers`: where pages are assembled and compressed; writers used on one thread can share them.
    public init(columns: [Column], createdBy: String, metadata: [(key: String, value: String)] = [], compression: Compression = .none,
                rowGroupRows: Int = 1 << 17, rowGroupBytes: Int = 1 << 20, buffers: PageBuffers = PageBuffers()) {
        self.buffers = buffers
        precondition(rowGroupRows > 0 && rowGroupBytes > 0)
        self.rowGroupBytes = rowGroupBytes
        self.compression = compression
        self.columns = columns
        chunks = columns.map { ColumnChunk(column: $0) }
        self.createdBy = createdBy
        self.metadata = metadata
        self.rowGroupRows = rowGroupRows
    }

    /// One row, a value per column; a null in a column that is not nullable, or a value of another type, is a
    /// programming error.
    public mutating func append(_ row: [Value]) {
        precondition(row.count == columns.count, "a value per column")
        for index in columns.indices { chunks[index].append(row[index]) }
        rowsAppended(1)
    }

    /// Rows encoded elsewhere (on a parse worker) with the same columns: their values are copied in whole, and
    /// their dictionaries merged. A row group closes only between such blocks of rows, so one holds at most a
    /// block more than its limits.
    public mutating func append(_ block: ParquetRows) {
        precondition(block.columns == columns, "rows of the writer's columns")
        guard block.count > 0 else { return }
        for index in columns.indices { chunks[index].merge(block.chunks[index]) }
        rowsAppended(block.count)
    }

    // Rows a value at a time (ParquetRowSink), straight into the open row group.

    public mutating func appendNull(column: Int) { chunks[column].appendNull() }
    public mutating func append(string: String, column: Int) { chunks[column].append(string: string) }
    public mutating func append(integer: Int64, column: Int) { chunks[column].append(integer: integer) }
    public mutating func append(double: Double, column: Int) { chunks[column].append(double: double) }
    public mutating func endRow() { rowsAppended(1) }

    private mutating func rowsAppended(_ count: Int) {
        rows += count
        rowsInGroup += count
        rowsSinceSizeCheck += count
        // Bytes are counted every 64 rows or more: the sum over columns costs more than a row's appends.
        if rowsInGroup >= rowGroupRows {
            closeRowGroup()
        } else if rowsSinceSizeCheck >= 64 {
            rowsSinceSizeCheck = 0
            // Summed through indices: `reduce` would copy each chunk (a retain per array) to read one number.
            var bytes = 0
            for index in chunks.indices { bytes += chunks[index].bufferedBytes }
            if bytes >= rowGroupBytes { closeRowGroup() }
        }
    }

    /// What the writer holds: the open row group's values and the bytes made and not yet taken. Bounded by the row
    /// group limits (and one block of rows past them), however many rows are written, if the bytes are taken.
    public var heldBytes: Int {
        var bytes = pending.count
        for index in chunks.indices { bytes += chunks[index].bufferedBytes }
        return bytes
    }

    /// The file's bytes made so far and not yet taken: the magic, then each full row group.
    public mutating func takeBytes() -> [UInt8] {
        defer {
            taken += pending.count
            pending = []
        }
        return pending
    }

    /// The rest of the file: the last row group and the footer. With no `takeBytes` before, the whole file.
    public mutating func finish() -> [UInt8] {
        if rowsInGroup > 0 { closeRowGroup() }
        var footer = CompactWriter()
        footer.structBody { meta in
            meta.field(1, i32: 1)
            meta.field(2, list: .struct, count: columns.count + 1) { schema in
                schema.structBody { root in
                    root.field(4, string: "schema")
                    root.field(5, i32: Int32(columns.count))
                }
                for column in columns { schema.structBody { column.writeSchemaElement(&$0) } }
            }
            meta.field(3, i64: Int64(rows))
            meta.field(4, list: .struct, count: groups.count) { list in
                for group in groups { list.structBody { group.write(&$0) } }
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
        pending += footer.bytes
        pending += Encodings.littleEndian(UInt32(footer.bytes.count))
        pending += Array("PAR1".utf8)
        return takeBytes()
    }

    private mutating func closeRowGroup() {
        var record = RowGroupRecord(rows: rowsInGroup)
        for index in chunks.indices {
            let offset = taken + pending.count
            let (bytes, chunkRecord) = chunks[index].encode(rows: rowsInGroup, at: offset, compression: compression, buffers: buffers)
            pending += bytes
            record.columns.append(chunkRecord)
            chunks[index] = ColumnChunk(column: columns[index])
        }
        groups.append(record)
        rowsInGroup = 0
        rowsSinceSizeCheck = 0
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

extension ParquetWriter.Column {
    func writeSchemaElement(_ element: inout CompactWriter) {
        element.field(1, i32: type.physical)
        element.field(3, i32: nullable ? 1 : 0)  // OPTIONAL or REQUIRED
        element.field(4, string: name)
        switch type {
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

/// parquet.thrift's Encoding values this writer uses.
private enum Encoding: Int32 {
    case plain = 0, rle = 3, rleDictionary = 8
}

/// Buffers for encoding pages, kept from one page to the next: the body as it is assembled, and a Zstandard
/// compressor (its context and output) per level. Many writers (a table's partitions, every table of a run) can share
/// one, as long as they are used on one thread: it then holds one page's worth of memory, not one per writer.
public final class PageBuffers {
    fileprivate var body: [UInt8] = []
    private var compressors: [Int32: ZstdCompressor] = [:]

    public init() {}

    func compressor(level: Int32) -> ZstdCompressor {
        if let compressor = compressors[level] { return compressor }
        let compressor = ZstdCompressor(level: level)
        compressors[level] = compressor
        return compressor
    }

    /// The body buffer, empty, moved out so that appending to it copies nothing.
    fileprivate func takeBody() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &body)
        taken.removeAll(keepingCapacity: true)
        return taken
    }
}

/// What the footer says of one row group.
private struct RowGroupRecord {
    let rows: Int
    var columns: [ChunkRecord] = []

    func write(_ group: inout CompactWriter) {
        group.field(1, list: .struct, count: columns.count) { list in
            for chunk in columns {
                list.structBody { columnChunk in
                    columnChunk.field(2, i64: Int64(chunk.offset))
                    columnChunk.field(3) { chunk.writeMetadata(&$0) }
                }
            }
        }
        group.field(2, i64: Int64(columns.reduce(0) { $0 + $1.uncompressedSize }))
        group.field(3, i64: Int64(rows))
        group.field(6, i64: Int64(columns.reduce(0) { $0 + $1.size }))
    }
}

/// What the footer says of one column chunk.
private struct ChunkRecord {
    let column: ParquetWriter.Column
    let rows: Int
    let offset: Int
    let dictionaryOffset: Int?
    let dataOffset: Int
    let size: Int
    let uncompressedSize: Int
    let codec: Int32
    let encodings: [Encoding]
    let nulls: Int
    let bounds: (min: [UInt8], max: [UInt8])?

    func writeMetadata(_ meta: inout CompactWriter) {
        meta.field(1, i32: column.type.physical)
        meta.field(2, list: .i32, count: encodings.count) { list in for encoding in encodings { list.element(i32: encoding.rawValue) } }
        meta.field(3, list: .binary, count: 1) { $0.element(string: column.name) }
        meta.field(4, i32: codec)
        meta.field(5, i64: Int64(rows))
        meta.field(6, i64: Int64(uncompressedSize))
        meta.field(7, i64: Int64(size))
        meta.field(9, i64: Int64(dataOffset))
        if let dictionaryOffset { meta.field(11, i64: Int64(dictionaryOffset)) }
        meta.field(12) { statistics in
            statistics.field(3, i64: Int64(nulls))
            if let bounds {
                statistics.field(5, binary: bounds.max)
                statistics.field(6, binary: bounds.min)
            }
        }
    }
}

/// One column's values, in the open row group or in a block of rows made elsewhere: PLAIN-encoded values (or, for a
/// dictionary column, the dictionary and an index per value), a definition level per row, and the statistics.
struct ColumnChunk: Sendable {
    let column: ParquetWriter.Column
    /// PLAIN bytes of a string column's values.
    var values: [UInt8] = []
    /// A fixed-width column's values as their bit patterns (INT32 and DATE in the low half): appending one is one
    /// store, where appending its bytes is a call per value. Made little-endian bytes when the page is encoded.
    var words: [UInt64] = []
    /// 1 for a value, 0 for a null: the definition levels as they are encoded.
    var defined: [UInt8] = []
    var nulls = 0
    private var dictionary: [String: UInt32] = [:]
    /// The dictionary's strings in index order, for merging one chunk's dictionary into another's.
    private var dictionaryKeys: [String] = []
    /// The PLAIN size of the dictionary's strings, for `bufferedBytes`; their bytes are made when the page is.
    private var dictionaryBytes = 0
    private var indices: [UInt32] = []
    /// The last dictionary string and its index: rows of one report mostly repeat it, and strings that share
    /// storage compare equal without hashing.
    private var lastEntry: (text: String, index: UInt32)?
    /// PLAIN bytes of the least and greatest string, compared as unsigned bytes, as Parquet orders them.
    private var minimumText: [UInt8]?
    private var maximumText: [UInt8]?
    private var minimumNumber = Double.infinity, maximumNumber = -Double.infinity
    private var minimumInteger = Int64.max, maximumInteger = Int64.min

    /// `capacity`: room for that many rows at once, for a block of known length (an accumulating chunk is left to
    /// grow geometrically).
    init(column: ParquetWriter.Column, capacity: Int = 0) {
        self.column = column
        guard capacity > 0 else { return }
        defined.reserveCapacity(capacity)
        switch column.type {
        case .string where column.dictionary: indices.reserveCapacity(capacity)
        case .string: values.reserveCapacity(capacity * 20)
        case .int32, .int64, .double, .date: words.reserveCapacity(capacity)
        }
    }

    var bufferedBytes: Int { values.count + words.count * 8 + dictionaryBytes + indices.count * 4 + defined.count }

    mutating func append(_ value: ParquetWriter.Value) {
        switch value {
        case .null: appendNull()
        case .string(let text): append(string: text)
        case .integer(let number): append(integer: number)
        case .double(let number): append(double: number)
        }
    }

    // Typed appends, for callers that know a value's type: no enum to build and take apart per value.

    @inline(__always)
    mutating func appendNull() {
        precondition(column.nullable, "\(column.name) is not nullable")
        defined.append(0)
        nulls += 1
    }

    @inline(__always)
    mutating func append(string text: String) {
        precondition(column.type == .string, "a string in a \(column.type) column")
        if column.dictionary {
            indices.append(dictionaryIndex(text))
        } else {
            // Appended in place, with no array per value: this runs for every string of every row.
            var text = text
            text.withUTF8 { utf8 in
                Encodings.append(UInt32(utf8.count), to: &values)
                values.append(contentsOf: utf8)
                noteBounds(utf8)
            }
        }
        defined.append(1)
    }

    @inline(__always)
    mutating func append(integer number: Int64) {
        switch column.type {
        case .int32, .date:
            let value = Int32(number)
            words.append(UInt64(UInt32(bitPattern: value)))
            noteBounds(integer: Int64(value))
        case .int64:
            words.append(UInt64(bitPattern: number))
            noteBounds(integer: number)
        case .double:
            return append(double: Double(number))
        case .string:
            preconditionFailure("an integer in a string column")
        }
        defined.append(1)
    }

    @inline(__always)
    mutating func append(double number: Double) {
        precondition(column.type == .double, "a double in a \(column.type) column")
        words.append(number.bitPattern)
        noteBounds(number: number)
        defined.append(1)
    }

    /// Up to this many strings a dictionary is searched in order, with no hash table: a report's rows, encoded on
    /// a worker, hold a few distinct values per column, and comparing a few strings costs less than hashing one.
    private static let orderedSearchLimit = 8

    private mutating func dictionaryIndex(_ text: String) -> UInt32 {
        if let lastEntry, lastEntry.text == text { return lastEntry.index }
        let found = dictionaryKeys.count <= Self.orderedSearchLimit ? dictionaryKeys.firstIndex(of: text).map(UInt32.init) : dictionary[text]
        let index = found ?? UInt32(dictionaryKeys.count)
        if found == nil {
            dictionaryKeys.append(text)
            dictionaryBytes += 4 + text.utf8.count
            if dictionaryKeys.count > Self.orderedSearchLimit {
                if dictionary.isEmpty {
                    for (index, key) in dictionaryKeys.enumerated() { dictionary[key] = UInt32(index) }
                } else {
                    dictionary[text] = index
                }
            }
        }
        lastEntry = (text, index)
        return index
    }

    /// Another chunk's rows after this one's: the same bytes as appending its values one by one.
    mutating func merge(_ other: ColumnChunk) {
        defined += other.defined
        nulls += other.nulls
        if column.dictionary {
            // The other's indices renumbered into this dictionary, which takes its new strings in their order.
            var renumbered: [UInt32] = []
            renumbered.reserveCapacity(other.dictionaryKeys.count)
            for text in other.dictionaryKeys { renumbered.append(dictionaryIndex(text)) }
            // Grown geometrically by append(contentsOf:); reserving the exact count each time would copy every merge.
            indices.append(contentsOf: other.indices.lazy.map { renumbered[Int($0)] })
            return
        }
        values += other.values
        words += other.words
        if let low = other.minimumText { noteBounds(low) }
        if let high = other.maximumText { noteBounds(high) }
        if other.minimumInteger <= other.maximumInteger {
            noteBounds(integer: other.minimumInteger)
            noteBounds(integer: other.maximumInteger)
        }
        if other.minimumNumber <= other.maximumNumber {
            noteBounds(number: other.minimumNumber)
            noteBounds(number: other.maximumNumber)
        }
    }

    private mutating func noteBounds(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { noteBounds($0) }
    }

    /// Most strings are neither bound: each is compared with both through memcmp, not a byte at a time.
    private mutating func noteBounds(_ bytes: UnsafeBufferPointer<UInt8>) {
        if minimumText.map({ $0.withUnsafeBufferPointer { Encodings.precedes(bytes, $0) } }) ?? true { minimumText = Array(bytes) }
        if maximumText.map({ $0.withUnsafeBufferPointer { Encodings.precedes($0, bytes) } }) ?? true { maximumText = Array(bytes) }
    }

    private mutating func noteBounds(integer: Int64) {
        minimumInteger = min(minimumInteger, integer)
        maximumInteger = max(maximumInteger, integer)
    }

    private mutating func noteBounds(number: Double) {
        // NaN orders nowhere: it is left out of min and max (readers then see the others' bounds).
        guard !number.isNaN else { return }
        minimumNumber = min(minimumNumber, number)
        maximumNumber = max(maximumNumber, number)
    }

    /// The chunk's pages, to stand at `offset` in the file, and what the footer says of them.
    fileprivate func encode(rows: Int, at offset: Int, compression: ParquetWriter.Compression,
                            buffers: PageBuffers) -> ([UInt8], ChunkRecord) {
        var out: [UInt8] = []
        var uncompressedSize = 0
        /// A page: its header (sizes before and after compression), then its body as compressed.
        func page(type: Int32, _ body: [UInt8], _ fields: (inout CompactWriter) -> Void) {
            if case .zstd(let level) = compression {
                let compressor = buffers.compressor(level: level)
                let size = body.withUnsafeBytes { compressor.compress($0) }
                let header = Self.pageHeader(type: type, size: body.count, compressedSize: size, fields)
                out += header
                compressor.output.withUnsafeBufferPointer { out.append(contentsOf: $0.prefix(size)) }
                uncompressedSize += header.count + body.count
            } else {
                let header = Self.pageHeader(type: type, size: body.count, compressedSize: body.count, fields)
                out += header
                out += body
                uncompressedSize += header.count + body.count
            }
        }
        var dictionaryOffset: Int?
        var encodings: [Encoding] = [.plain, .rle]
        var body = buffers.takeBody()
        defer { buffers.body = body }
        if column.nullable {
            let levels = Encodings.runs(defined, bitWidth: 1)
            body += Encodings.littleEndian(UInt32(levels.count))
            body += levels
        }
        let encoding: Encoding
        if column.dictionary && !indices.isEmpty {
            dictionaryOffset = offset
            var dictionaryValues: [UInt8] = []
            dictionaryValues.reserveCapacity(dictionaryBytes)
            for key in dictionaryKeys {
                Encodings.append(UInt32(key.utf8.count), to: &dictionaryValues)
                dictionaryValues.append(contentsOf: key.utf8)
            }
            page(type: 2, dictionaryValues) { header in
                header.field(7) { page in
                    page.field(1, i32: Int32(dictionaryKeys.count))
                    page.field(2, i32: Encoding.plain.rawValue)
                }
            }
            // Indices: their bit width in one byte, then the RLE / bit-packing hybrid (runs only).
            let width = max(1, UInt32.bitWidth - UInt32(dictionaryKeys.count - 1).leadingZeroBitCount)
            body.append(UInt8(width))
            body += Encodings.runs(indices, bitWidth: width)
            encoding = .rleDictionary
            encodings.append(.rleDictionary)
        } else {
            body += values
            switch column.type {
            case .int32, .date: Encodings.append(words, as: UInt32.self, to: &body)
            case .int64, .double: Encodings.append(words, as: UInt64.self, to: &body)
            case .string: break
            }
            encoding = .plain
        }
        let dataOffset = offset + out.count
        page(type: 0, body) { header in
            header.field(5) { data in
                data.field(1, i32: Int32(rows))
                data.field(2, i32: encoding.rawValue)
                data.field(3, i32: Encoding.rle.rawValue)  // definition levels
                data.field(4, i32: Encoding.rle.rawValue)  // repetition levels (none: the schema is flat)
            }
        }
        return (out, ChunkRecord(column: column, rows: rows, offset: offset, dictionaryOffset: dictionaryOffset, dataOffset: dataOffset,
                                 size: out.count, uncompressedSize: uncompressedSize, codec: compression.codec, encodings: encodings,
                                 nulls: nulls, bounds: bounds))
    }

    private static func pageHeader(type: Int32, size: Int, compressedSize: Int, _ body: (inout CompactWriter) -> Void) -> [UInt8] {
        var header = CompactWriter()
        header.structBody { header in
            header.field(1, i32: type)
            header.field(2, i32: Int32(size))
            header.field(3, i32: Int32(compressedSize))
            body(&header)
        }
        return header.bytes
    }

    private var bounds: (min: [UInt8], max: [UInt8])? {
        switch column.type {
        case .string where column.dictionary:
            // Every dictionary string is some row's value: the bounds are the dictionary's.
            var keys = dictionaryKeys.map { Array($0.utf8) }.makeIterator()
            guard var low = keys.next() else { return nil }
            var high = low
            while let key = keys.next() {
                if key.lexicographicallyPrecedes(low) { low = key }
                if high.lexicographicallyPrecedes(key) { high = key }
            }
            return (low, high)
        case .string:
            guard let minimumText, let maximumText else { return nil }
            return (minimumText, maximumText)
        case .int32, .date:
            guard minimumInteger <= maximumInteger else { return nil }
            return (Encodings.littleEndian(UInt32(bitPattern: Int32(minimumInteger))), Encodings.littleEndian(UInt32(bitPattern: Int32(maximumInteger))))
        case .int64:
            guard minimumInteger <= maximumInteger else { return nil }
            return (Encodings.littleEndian(UInt64(bitPattern: minimumInteger)), Encodings.littleEndian(UInt64(bitPattern: maximumInteger)))
        case .double:
            guard minimumNumber <= maximumNumber else { return nil }
            // A zero bound is written signed as the specification asks: -0.0 as the minimum, +0.0 as the maximum.
            let low = minimumNumber == 0 ? -0.0 : minimumNumber, high = maximumNumber == 0 ? 0.0 : maximumNumber
            return (Encodings.littleEndian(low.bitPattern), Encodings.littleEndian(high.bitPattern))
        }
    }
}

/// The byte encodings Parquet pages use.
enum Encodings {
    static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    /// Whether `a` sorts before `b` as unsigned bytes (Parquet's order for BYTE_ARRAY statistics).
    static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let order = memcmp(a.baseAddress ?? UnsafePointer(bitPattern: 1)!, b.baseAddress ?? UnsafePointer(bitPattern: 1)!, min(a.count, b.count))
        return order < 0 || (order == 0 && a.count < b.count)
    }

    @inline(__always)
    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Bit patterns as little-endian values of `T`'s width, stored in place rather than appended one by one.
    static func append<T: FixedWidthInteger>(_ words: [UInt64], as _: T.Type, to bytes: inout [UInt8]) {
        let start = bytes.count, width = MemoryLayout<T>.size
        bytes.append(contentsOf: repeatElement(0, count: words.count * width))
        bytes.withUnsafeMutableBytes { raw in
            for (index, word) in words.enumerated() {
                raw.storeBytes(of: T(truncatingIfNeeded: word).littleEndian, toByteOffset: start + index * width, as: T.self)
            }
        }
    }

    /// Values in the RLE / bit-packing hybrid, as RLE runs only: a run header (its length, shifted left once, as a
    /// varint), then the value in as many bytes as `bitWidth` needs, little-endian.
    static func runs<T: FixedWidthInteger & UnsignedInteger>(_ values: [T], bitWidth: Int) -> [UInt8] {
        let valueBytes = (bitWidth + 7) / 8
        var bytes: [UInt8] = []
        var index = 0
        while index < values.count {
            let value = values[index]
            var end = index + 1
            while end < values.count && values[end] == value { end += 1 }
            var header = UInt64(end - index) << 1
            while header >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: header) | 0x80)
                header >>= 7
            }
            bytes.append(UInt8(header))
            var little = UInt64(value)
            for _ in 0..<valueBytes {
                bytes.append(UInt8(truncatingIfNeeded: little))
                little >>= 8
            }
            index = end
        }
        return bytes
    }
}
