/// Some rows of one table, rendered where they are made (on the parse workers): to CSV when the run writes CSV, in
/// both the forms a dataset holds them (the flat file's rows and, per partition value, the partition file's rows
/// without the partition column), and kept as values when it writes Parquet, whose blocks are made from them. The
/// writer only appends bytes and merges statistics, so the serial part of a run stays small and no table is ever
/// held whole in memory.
public struct RowBatch: Sendable {
    public struct Partition: Sendable {
        public let key: Value
        /// The rows of this partition value without the partition column.
        public var partitioned: [UInt8] = []
        public var rows = 0
    }

    public let schema: TableSchema
    /// Every row with every column, in the order appended.
    public private(set) var flat: [UInt8] = []
    /// In order of first appearance; rows of a report nearly always share one partition value.
    public private(set) var partitions: [Partition] = []
    public private(set) var statistics: ColumnAccumulator
    public private(set) var rows = 0
    /// The rows as values, when kept for a writer that needs them typed (Parquet); nil otherwise.
    public private(set) var values: [[Value]]?
    private let partitionColumn: Int?

    /// Whether rows are rendered to CSV (the run writes CSV).
    private let rendersCSV: Bool

    /// `formats`: CSV renders each row as it comes; Parquet keeps the rows' values for its writer.
    public init(schema: TableSchema, formats: TableFormats = .csv) {
        self.schema = schema
        values = formats.contains(.parquet) ? [] : nil
        rendersCSV = formats.contains(.csv)
        partitionColumn = schema.partitionColumn
        statistics = ColumnAccumulator(schema: schema)
    }

    /// Forgets the kept values once a writer has taken what it needs of them.
    public mutating func dropValues() { values = nil }

    public mutating func append(_ row: [Value]) {
        precondition(row.count == schema.fields.count, "every row has one value per field")
        rows += 1
        values?.append(row)
        statistics.add(row)
        let key = partitionColumn.map { row[$0] } ?? .null
        let index: Int
        if let found = partitions.firstIndex(where: { $0.key == key }) {
            index = found
        } else {
            partitions.append(Partition(key: key))
            index = partitions.count - 1
        }
        partitions[index].rows += 1
        guard rendersCSV else { return }
        if let partitionColumn {
            CSVRenderer.appendRecord(row, to: &flat, andSkipping: partitionColumn, to: &partitions[index].partitioned)
        } else {
            CSVRenderer.appendRecord(row, to: &flat)
        }
    }
}

/// Per-column statistics gathered a row or a batch at a time.
public struct ColumnAccumulator: Sendable {
    private let fields: [Field]
    private var nulls: [Int]
    /// Distinct values of category columns (few by definition); nil for other columns.
    private var distinct: [Set<Value>?]
    /// The value last added to each category column: consecutive rows mostly repeat it, and comparing strings
    /// that share storage is far cheaper than hashing them into the set.
    private var lastDistinct: [Value?]
    private var minimumNumber: [Double?]
    private var maximumNumber: [Double?]
    private var minimumText: [String?]
    private var maximumText: [String?]

    public init(schema: TableSchema) {
        fields = schema.fields
        nulls = Array(repeating: 0, count: fields.count)
        distinct = fields.map { $0.categories == nil ? nil : [] }
        lastDistinct = Array(repeating: nil, count: fields.count)
        minimumNumber = Array(repeating: nil, count: fields.count)
        maximumNumber = minimumNumber
        minimumText = Array(repeating: nil, count: fields.count)
        maximumText = minimumText
    }

    public mutating func add(_ row: [Value]) {
        for (index, value) in row.enumerated() {
            // Told by the case, not by comparing with `.null` and `.text("")` (two enum comparisons a value).
            let isNull: Bool
            switch value {
            case .null: isNull = true
            case .text(let text): isNull = text.isEmpty
            case .integer, .number: isNull = false
            }
            if isNull { nulls[index] += 1 }
            if distinct[index] != nil && value != .null && lastDistinct[index] != value {
                distinct[index]!.insert(value)
                lastDistinct[index] = value
            }
            switch fields[index].type {
            case .integer, .number:
                let number: Double
                switch value {
                case .integer(let integer): number = Double(integer)
                case .number(let double): number = double
                default: continue
                }
                note(number: number, at: index)
            case .date:
                if case .text(let text) = value, !text.isEmpty { note(text: text, at: index) }
            case .string:
                break
            }
        }
    }

    public mutating func merge(_ other: ColumnAccumulator) {
        for index in fields.indices {
            nulls[index] += other.nulls[index]
            if let values = other.distinct[index] { distinct[index]!.formUnion(values) }
            if let number = other.minimumNumber[index] { note(number: number, at: index) }
            if let number = other.maximumNumber[index] { note(number: number, at: index) }
            if let text = other.minimumText[index] { note(text: text, at: index) }
            if let text = other.maximumText[index] { note(text: text, at: index) }
        }
    }

    private mutating func note(number: Double, at index: Int) {
        if minimumNumber[index].map({ number < $0 }) ?? true { minimumNumber[index] = number }
        if maximumNumber[index].map({ number > $0 }) ?? true { maximumNumber[index] = number }
    }

    private mutating func note(text: String, at index: Int) {
        if minimumText[index].map({ text < $0 }) ?? true { minimumText[index] = text }
        if maximumText[index].map({ text > $0 }) ?? true { maximumText[index] = text }
    }

    public var statistics: [ColumnStatistics] {
        fields.indices.map { index in
            var statistics = ColumnStatistics(name: fields[index].name, type: fields[index].type.rawValue, nulls: nulls[index])
            statistics.distinct = distinct[index]?.count
            switch fields[index].type {
            case .integer, .number:
                statistics.min = minimumNumber[index].map(ColumnStatistics.Bound.number)
                statistics.max = maximumNumber[index].map(ColumnStatistics.Bound.number)
            case .date:
                statistics.min = minimumText[index].map(ColumnStatistics.Bound.text)
                statistics.max = maximumText[index].map(ColumnStatistics.Bound.text)
            case .string:
                break
            }
            return statistics
        }
    }
}
