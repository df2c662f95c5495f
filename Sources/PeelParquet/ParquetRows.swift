/// A block of rows encoded column by column where they are made (a parse worker, one report's rows), for a
/// `ParquetWriter` of the same columns to append whole: the per-value work (conversion, PLAIN bytes, dictionary
/// lookups, bounds) is done here, in parallel, and the writer only copies bytes and merges small dictionaries.
public struct ParquetRows: Sendable, ParquetRowSink {
    public let columns: [ParquetWriter.Column]
    var chunks: [ColumnChunk]
    public private(set) var count = 0

    /// `capacity`: the rows expected, room for which is made at once.
    public init(columns: [ParquetWriter.Column], capacity: Int = 0) {
        self.columns = columns
        chunks = columns.map { ColumnChunk(column: $0, capacity: capacity) }
    }

    // A row a value at a time (ParquetRowSink): every column gets one before `endRow`.

    @inline(__always)
    public mutating func appendNull(column: Int) { chunks[column].appendNull() }

    @inline(__always)
    public mutating func append(string: String, column: Int) { chunks[column].append(string: string) }

    @inline(__always)
    public mutating func append(integer: Int64, column: Int) { chunks[column].append(integer: integer) }

    @inline(__always)
    public mutating func append(double: Double, column: Int) { chunks[column].append(double: double) }

    /// The bytes its columns' buffers hold.
    public var bufferedBytes: Int { chunks.reduce(0) { $0 + $1.bufferedBytes } }

    public mutating func endRow() {
        count += 1
        assert(chunks.allSatisfy { $0.defined.count == count }, "a value per column in every row")
    }

    public mutating func append(_ row: [ParquetWriter.Value]) {
        precondition(row.count == columns.count, "a value per column")
        for index in columns.indices { chunks[index].append(row[index]) }
        endRow()
    }

    /// The same rows without one column: a Hive partition's rows, when every row has the same partition value.
    public func dropping(column: Int) -> ParquetRows {
        var columns = columns, chunks = chunks
        columns.remove(at: column)
        chunks.remove(at: column)
        return ParquetRows(columns: columns, chunks: chunks, count: count)
    }

    private init(columns: [ParquetWriter.Column], chunks: [ColumnChunk], count: Int) {
        self.columns = columns
        self.chunks = chunks
        self.count = count
    }
}

/// Where rows are appended a typed value at a time, a value per column and then `endRow`: a block of rows made on a
/// worker, or a writer itself (rows too few to be worth a block of their own).
public protocol ParquetRowSink {
    mutating func appendNull(column: Int)
    mutating func append(string: String, column: Int)
    mutating func append(integer: Int64, column: Int)
    mutating func append(double: Double, column: Int)
    mutating func endRow()
}
