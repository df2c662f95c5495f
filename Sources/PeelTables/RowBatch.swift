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

        public init(key: Value, partitioned: [UInt8] = [], rows: Int = 0) {
            self.key = key
            self.partitioned = partitioned
            self.rows = rows
        }
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
    private var rendersCSV: Bool
    /// Whether cells are counted in `statistics` (all but the scratch batch of `openingCells`).
    private var countsCells = true

    /// The row being written by `row(_:)`: its next column, where its record starts in `flat`, the bytes of its
    /// partition value with the comma beside it (left out of the partition file's record), and that value.
    private var column = -1
    private var recordStart = 0
    private var skippedStart = 0
    private var skippedEnd = 0
    private var partitionKey = Value.null
    private var rowValues: [Value] = []
    /// The opening cells whose statistics this batch holds (`opening(_:)`), held so that no other can take their place.
    private var openingsCounted: [OpeningCells.Token] = []

    /// `formats`: CSV renders each row as it comes; Parquet keeps the rows' values for its writer.
    public init(schema: TableSchema, formats: TableFormats = .csv) {
        self.schema = schema
        values = formats.contains(.parquet) ? [] : nil
        rendersCSV = formats.contains(.csv)
        partitionColumn = schema.partitionColumn
        statistics = ColumnAccumulator(schema: schema)
    }

    /// Rows rendered earlier and kept aside (a spooled batch), given back as they were, without their statistics:
    /// whoever kept them aside merged those on their own.
    public init(schema: TableSchema, formats: TableFormats, flat: [UInt8], partitions: [Partition], rows: Int, values: [[Value]]?) {
        self.init(schema: schema, formats: formats)
        self.flat = flat
        self.partitions = partitions
        self.rows = rows
        self.values = formats.contains(.parquet) ? values ?? [] : nil
    }

    /// Forgets the kept values once a writer has taken what it needs of them.
    public mutating func dropValues() { values = nil }

    public mutating func append(_ row: [Value]) {
        precondition(row.count == schema.fields.count, "every row has one value per field")
        self.row { cells in
            for value in row { cells.value(value) }
        }
    }

    /// One row, its cells written in field order by `fill` with `text`, `integer`, `number` and `null`: each is
    /// rendered and counted as it comes, with no array of values made for the row (that array and its values were
    /// most of the cost of a row; callgrind). The same bytes and statistics as `append` of the same values.
    public mutating func row(_ fill: (inout RowBatch) -> Void) {
        precondition(column < 0, "rows are not nested")
        beginRow()
        fill(&self)
        precondition(column == schema.fields.count, "every row has one value per field")
        column = -1
        rows += 1
        if values != nil {
            values!.append(rowValues)
            rowValues.removeAll(keepingCapacity: true)
        }
        let index: Int
        if let found = partitions.firstIndex(where: { $0.key == partitionKey }) {
            index = found
        } else {
            partitions.append(Partition(key: partitionKey))
            index = partitions.count - 1
        }
        partitions[index].rows += 1
        guard rendersCSV else { return }
        flat.append(UInt8(ascii: "\n"))
        guard partitionColumn != nil else { return }
        flat.withUnsafeBufferPointer { record in
            partitions[index].partitioned.append(contentsOf: record[recordStart..<skippedStart])
            partitions[index].partitioned.append(contentsOf: record[skippedEnd...])
        }
    }

    /// Cells that open many rows alike (a report's id, year and force), written once by `fill` as `row(_:)` writes
    /// cells, to be put at the start of each of those rows with `opening(_:)`: the same bytes, values and statistics as
    /// writing them cell by cell, without rendering, scanning and counting the same cells again for every row (the
    /// report id alone is 64 bytes; callgrind).
    public func openingCells(_ fill: (inout RowBatch) -> Void) -> OpeningCells {
        // A copy of this batch emptied, that renders CSV, keeps values and counts nothing (a new batch's statistics
        // cost more to make than the cells).
        var scratch = self
        scratch.flat = []
        scratch.partitions = []
        scratch.values = []
        scratch.rowValues = []
        scratch.rendersCSV = true
        scratch.countsCells = false
        scratch.beginRow()
        fill(&scratch)
        precondition(scratch.column > 0 && scratch.column < schema.fields.count, "opening cells are some of a row's cells, not all")
        var skipped: Range<Int>?
        if let partitionColumn, partitionColumn < scratch.column { skipped = scratch.skippedStart..<scratch.skippedEnd }
        let nulls = scratch.rowValues.indices.filter { index in
            switch scratch.rowValues[index] {
            case .null, .text(""): return true
            default: return false
            }
        }
        return OpeningCells(table: schema.name, values: scratch.rowValues, flat: scratch.flat, skipped: skipped, partitionKey: scratch.partitionKey,
                            nullColumns: nulls)
    }

    /// A row's state before its first cell: at its first column, its record starting at the end of `flat`.
    private mutating func beginRow() {
        column = 0
        recordStart = flat.count
        skippedStart = 0
        skippedEnd = 0
        partitionKey = .null
    }

    /// The first cells of the row `row(_:)` is writing, as made by `openingCells` of a batch of the same schema.
    public mutating func opening(_ cells: OpeningCells) {
        precondition(column == 0, "opening cells come first in a row")
        if rendersCSV {
            if let skipped = cells.skipped {
                skippedStart = flat.count + skipped.lowerBound
                skippedEnd = flat.count + skipped.upperBound
            }
            flat.append(contentsOf: cells.flat)
        }
        if cells.skipped != nil { partitionKey = cells.partitionKey }
        if values != nil { rowValues.append(contentsOf: cells.values) }
        // Distinct values, minimums and maximums are the same however many rows repeat the cells: they are counted
        // once a batch, as cells are. Nulls are counted for every row.
        if openingsCounted.contains(where: { $0 === cells.token }) {
            for index in cells.nullColumns { statistics.addNull(at: index) }
        } else {
            precondition(cells.table == schema.name, "opening cells of table \(cells.table) put in a row of \(schema.name)")
            statistics.add(cells.values)
            openingsCounted.append(cells.token)
        }
        column = cells.values.count
    }

    /// The next cell of the row `row(_:)` is writing. An empty text is null in the file, but counted as a text (as a
    /// `Value`).
    public mutating func text(_ text: String?) {
        guard let text else { return null() }
        let index = beginCell()
        if countsCells { statistics.add(text: text, at: index) }
        if values != nil { rowValues.append(.text(text)) }
        if index == partitionColumn { partitionKey = .text(text) }
        if rendersCSV { CSVRenderer.appendField(text, to: &flat) }
        endCell(index)
    }

    /// A category cell written as its case (the column made with `Field(…, cases:)` of its enum): the same bytes,
    /// values and statistics as `text(value.rawValue)`, with nothing to scan, quote or hash.
    /// Inlinable, so that it is specialised where it is called: unspecialised, reading the case took a generic copy.
    @inlinable public mutating func category<Category: TableCategory>(_ value: Category?) {
        guard let value else { return null() }
        category(of: ObjectIdentifier(Category.self), at: value.caseIndex)
    }

    /// The cell of case `caseIndex` of the enum `type`, which must be the column's (`Field.cases`).
    @usableFromInline mutating func category(of type: ObjectIdentifier, at caseIndex: Int) {
        let index = beginCell()
        guard let cases = schema.fields[index].cases, cases.type == type else {
            preconditionFailure("\(schema.name).\(schema.fields[index].name) is not a category of this type")
        }
        if countsCells { statistics.add(caseIndex: caseIndex, at: index) }
        if values != nil { rowValues.append(cases.values[caseIndex]) }
        if index == partitionColumn { partitionKey = cases.values[caseIndex] }
        if rendersCSV { flat.append(contentsOf: cases.cells[caseIndex]) }
        endCell(index)
    }

    /// A date cell, ISO 8601's "YYYY-MM-DD" of a year of four digits: the same bytes, values and statistics as `text`
    /// of that text, with no string made for it (only where the date is kept as a value or names a partition).
    public mutating func date(year: Int, month: Int, day: Int) {
        precondition((1000...9999).contains(year) && (1...12).contains(month) && (1...31).contains(day), "a date of a four-digit year")
        let index = beginCell()
        let packed = ColumnAccumulator.packedDay(year, month, day)
        if countsCells { statistics.add(day: packed, at: index) }
        if values != nil || index == partitionColumn {
            let value = Value.text(ColumnAccumulator.isoText(packed))
            if values != nil { rowValues.append(value) }
            if index == partitionColumn { partitionKey = value }
        }
        if rendersCSV { ColumnAccumulator.withISOBytes(packed) { flat.append(contentsOf: $0) } }
        endCell(index)
    }

    public mutating func integer(_ integer: Int?) {
        guard let integer else { return null() }
        numeric(.integer(integer), Double(integer)) { CSVRenderer.appendInteger(integer, to: &$0) }
    }

    public mutating func number(_ number: Double?) {
        guard let number else { return null() }
        numeric(.number(number), number) { CSVRenderer.appendDecimal(number, to: &$0) }
    }

    /// An integer or number cell: `value` as kept, `number` as counted, `render` writing it.
    private mutating func numeric(_ value: Value, _ number: Double, render: (inout [UInt8]) -> Void) {
        let index = beginCell()
        if countsCells { statistics.add(number: number, at: index, value: value) }
        if values != nil { rowValues.append(value) }
        if index == partitionColumn { partitionKey = value }
        if rendersCSV { render(&flat) }
        endCell(index)
    }

    public mutating func null() {
        let index = beginCell()
        if countsCells { statistics.addNull(at: index) }
        if values != nil { rowValues.append(.null) }
        endCell(index)
    }

    /// A cell of any kind.
    public mutating func value(_ value: Value) {
        switch value {
        case .text(let text): self.text(text)
        case .integer(let integer): self.integer(integer)
        case .number(let number): self.number(number)
        case .null: null()
        }
    }

    private mutating func beginCell() -> Int {
        precondition(column >= 0 && column < schema.fields.count, "cells are written inside row(_:), one per field")
        if column > 0 && rendersCSV { flat.append(UInt8(ascii: ",")) }
        // The partition file's record drops the value and one of the commas beside it: the one before, or for the
        // first column the one after.
        if column == partitionColumn { skippedStart = column == 0 ? flat.count : flat.count - 1 }
        return column
    }

    private mutating func endCell(_ index: Int) {
        if index == partitionColumn {
            skippedEnd = index == 0 && schema.fields.count > 1 ? flat.count + 1 : flat.count
        }
        column += 1
    }
}

/// The first cells of many rows of one table, rendered and counted once (`RowBatch.openingCells`).
public struct OpeningCells: Sendable {
    /// Tells one set of opening cells from another (their statistics are taken into a batch once).
    final class Token: Sendable {}
    let token = Token()
    /// The table they were made for.
    let table: String
    let values: [Value]
    /// The cells' bytes with the commas between them (the next cell writes the comma after them).
    let flat: [UInt8]
    /// Where the partition column's value and its comma lie in `flat`, if it is one of the cells.
    let skipped: Range<Int>?
    let partitionKey: Value
    /// The columns whose cell counts as a null.
    let nullColumns: [Int]

    init(table: String, values: [Value], flat: [UInt8], skipped: Range<Int>?, partitionKey: Value, nullColumns: [Int]) {
        self.table = table
        self.values = values
        self.flat = flat
        self.skipped = skipped
        self.partitionKey = partitionKey
        self.nullColumns = nullColumns
    }
}

/// Per-column statistics gathered a row or a batch at a time.
public struct ColumnAccumulator: Sendable {
    /// One column's statistics, kept together: a cell touches one array element. (Seven arrays of one value a column
    /// were made for every batch, six batches an entry, and a cell checked the uniqueness of each array it wrote; perf.)
    private struct Column: Sendable {
        let type: FieldType
        var nulls = 0
        /// Distinct values of a category column (few by definition); nil for other columns.
        var distinct: DistinctValues?
        /// The cases of a category column written as cases (`RowBatch.category`), counted apart from `distinct`.
        var cases = CaseSet()
        /// The value last added to a category column: consecutive rows mostly repeat it, and comparing strings that
        /// share storage is far cheaper than hashing them into the set.
        var lastDistinct: Value?
        var minimumNumber: Double?
        var maximumNumber: Double?
        var minimumText: String?
        var maximumText: String?
        /// The first and last of the dates written as dates (`RowBatch.date`), packed (`packedDay`): joined to the texts'
        /// only when the statistics are read.
        var minimumDay: Int?
        var maximumDay: Int?

        init(_ field: Field) {
            type = field.type
            distinct = field.categories == nil ? nil : DistinctValues()
        }

        mutating func note(number: Double) {
            if minimumNumber.map({ number < $0 }) ?? true { minimumNumber = number }
            if maximumNumber.map({ number > $0 }) ?? true { maximumNumber = number }
        }

        mutating func note(day: Int) {
            if minimumDay.map({ day < $0 }) ?? true { minimumDay = day }
            if maximumDay.map({ day > $0 }) ?? true { maximumDay = day }
        }

        mutating func note(text: String) {
            if minimumText.map({ text < $0 }) ?? true { minimumText = text }
            if maximumText.map({ text > $0 }) ?? true { maximumText = text }
        }
    }

    private let fields: [Field]
    private var columns: [Column]

    public init(schema: TableSchema) { self = schema.emptyStatistics }

    init(fields: [Field]) {
        self.fields = fields
        columns = fields.map(Column.init)
    }

    public mutating func add(_ row: [Value]) {
        for (index, value) in row.enumerated() {
            switch value {
            case .null: addNull(at: index)
            case .text(let text): add(text: text, at: index)
            case .integer(let integer): add(number: Double(integer), at: index, value: value)
            case .number(let number): add(number: number, at: index, value: value)
            }
        }
    }

    /// A null cell.
    mutating func addNull(at index: Int) { columns[index].nulls += 1 }

    /// A text cell (an empty one counts as null, and is still a distinct category value, as a `Value` is).
    mutating func add(text: String, at index: Int) {
        if text.isEmpty { columns[index].nulls += 1 }
        if columns[index].distinct != nil {
            if case .text(let last)? = columns[index].lastDistinct, last == text {} else {
                let value = Value.text(text)
                columns[index].distinct!.insert(value)
                columns[index].lastDistinct = value
            }
        }
        if columns[index].type == .date && !text.isEmpty { columns[index].note(text: text) }
    }

    /// A date cell written as a date, packed (`packedDay`).
    mutating func add(day: Int, at index: Int) {
        if columns[index].type == .date { columns[index].note(day: day) }
    }

    /// Year, month and day as one number, ordered as the dates and as their ISO texts are.
    static func packedDay(_ year: Int, _ month: Int, _ day: Int) -> Int { year << 9 | month << 5 | day }

    /// The ISO text of a packed date.
    static func isoText(_ packed: Int) -> String { withISOBytes(packed) { String(decoding: $0, as: UTF8.self) } }

    /// The ten bytes of a packed date's ISO text ("YYYY-MM-DD", a year of four digits), made in place: a date cell
    /// appends them in one go.
    static func withISOBytes<Result>(_ packed: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        var digits: (UInt64, UInt16) = (0, 0)
        withUnsafeMutableBytes(of: &digits) { out in
            func put(_ value: Int, _ count: Int, at offset: Int) {
                var value = value
                for position in stride(from: offset + count - 1, through: offset, by: -1) {
                    out[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(packed >> 9, 4, at: 0)
            out[4] = UInt8(ascii: "-")
            put(packed >> 5 & 0xF, 2, at: 5)
            out[7] = UInt8(ascii: "-")
            put(packed & 0x1F, 2, at: 8)
        }
        return withUnsafeBytes(of: &digits, body)
    }

    /// A category cell written as its case: its index among the column's cases.
    mutating func add(caseIndex: Int, at index: Int) { columns[index].cases.insert(caseIndex) }

    /// A numeric cell, `value` being it as written (an integer or a number).
    mutating func add(number: Double, at index: Int, value: Value) {
        if columns[index].distinct != nil && columns[index].lastDistinct != value {
            columns[index].distinct!.insert(value)
            columns[index].lastDistinct = value
        }
        switch columns[index].type {
        case .integer, .number: columns[index].note(number: number)
        case .date, .string: break
        }
    }

    public mutating func merge(_ other: ColumnAccumulator) {
        // Their columns read field by field in place: copying each out retained all its values.
        other.columns.withUnsafeBufferPointer { theirs in
            for index in columns.indices {
                columns[index].nulls += theirs[index].nulls
                columns[index].cases.formUnion(theirs[index].cases)
                if theirs[index].distinct != nil { columns[index].distinct!.formUnion(theirs[index].distinct!) }
                if let number = theirs[index].minimumNumber { columns[index].note(number: number) }
                if let number = theirs[index].maximumNumber { columns[index].note(number: number) }
                if let text = theirs[index].minimumText { columns[index].note(text: text) }
                if let day = theirs[index].minimumDay { columns[index].note(day: day) }
                if let day = theirs[index].maximumDay { columns[index].note(day: day) }
                if let text = theirs[index].maximumText { columns[index].note(text: text) }
            }
        }
    }

    public var statistics: [ColumnStatistics] {
        zip(fields, columns).map { field, column in
            var statistics = ColumnStatistics(name: field.name, type: field.type.rawValue, nulls: column.nulls)
            if var distinct = column.distinct {
                // The cases written as cases join the values written as text (the same category either way).
                if let cases = field.cases { for caseIndex in column.cases.indices { distinct.insert(cases.values[caseIndex]) } }
                statistics.distinct = distinct.count
            }
            switch field.type {
            case .integer, .number:
                statistics.min = column.minimumNumber.map(ColumnStatistics.Bound.number)
                statistics.max = column.maximumNumber.map(ColumnStatistics.Bound.number)
            case .date:
                var column = column
                if let day = column.minimumDay { column.note(text: Self.isoText(day)) }
                if let day = column.maximumDay { column.note(text: Self.isoText(day)) }
                statistics.min = column.minimumText.map(ColumnStatistics.Bound.text)
                statistics.max = column.maximumText.map(ColumnStatistics.Bound.text)
            case .string:
                break
            }
            return statistics
        }
    }
}

/// The distinct values of a category column. A category has few values (that is what makes it one), so they are kept
/// in short lists searched in order, and hashed into a set only past `listLimit`: most rows repeat a value the list
/// holds, often the very string (a vocabulary key), and a comparison is cheaper than hashing it (perf: hashing the
/// values of every row's category cells, and again when a batch joined its table, was 0.6 % of a run). Texts are
/// listed apart from other values, so a text is compared as a `String` and not through `Value`'s cases.
struct DistinctValues: Sendable {
    private var texts: [String] = []
    private var others: [Value] = []
    private var hashed: Set<Value> = []
    static let listLimit = 32

    var count: Int { hashed.isEmpty ? texts.count + others.count : hashed.count }

    mutating func insert(_ value: Value) {
        guard hashed.isEmpty else {
            hashed.insert(value)
            return
        }
        if case .text(let text) = value {
            // Lengths first (stored, so free): a category's values mostly differ in length, and comparing two different
            // strings went through the standard library's general comparison (80 instructions each; callgrind).
            let length = text.utf8.count
            if texts.contains(where: { $0.utf8.count == length && $0 == text }) { return }
        } else if others.contains(value) {
            return
        }
        guard texts.count + others.count == Self.listLimit else {
            if case .text(let text) = value { texts.append(text) } else { others.append(value) }
            return
        }
        hashed = Set(texts.map(Value.text) + others)
        hashed.insert(value)
        texts = []
        others = []
    }

    mutating func formUnion(_ other: DistinctValues) {
        guard other.hashed.isEmpty else {
            for value in other.hashed { insert(value) }
            return
        }
        for text in other.texts { insert(.text(text)) }
        for value in other.others { insert(value) }
    }
}
