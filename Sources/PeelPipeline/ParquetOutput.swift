import Foundation
import PeelParquet
import PeelTables
import PeelText

/// One table as Parquet (beside its CSV, or alone), in the dataset's `parquet/` folder: `parquet/<table>.parquet` with
/// every column, and `parquet/<table>/<field>=<value>/part-00000.parquet` per partition value without the partition
/// column, as Hive writes it. A folder of their own: a reader given `parquet/<table>` with Hive partitioning meets no
/// CSV file. Rows arrive in commit order, so the files are the same whatever `--jobs` is; each writer holds one row
/// group at most, and its bytes go to the staging file as each group fills.
final class ParquetTableOutput {
    let schema: TableSchema
    private let root: String
    private let partitionColumn: Int?
    private var flat: (writer: ParquetWriter, file: StagedFile)
    private var partitions: [Value: (writer: ParquetWriter, file: StagedFile)] = [:]

    /// The partition files' columns and metadata, made once: the metadata's JSON costs more than a small file's rows.
    private let partitionColumns: [ParquetWriter.Column]
    private let partitionMetadata: [(key: String, value: String)]

    /// Pages of every writer are assembled and compressed in the same buffers (all run on the commit's thread).
    private let buffers: PageBuffers

    init(schema: TableSchema, root: String, buffers: PageBuffers) throws {
        self.buffers = buffers
        self.schema = schema
        self.root = root
        partitionColumn = schema.partitionColumn
        partitionColumns = Self.columns(schema.partitionFields)
        partitionMetadata = partitionColumn == nil ? [] : Self.metadata(schema, schema.partitionFields)
        let file = try StagedFile(root: root, path: "\(Self.folder)/\(schema.name).parquet")
        file.rows = 0
        flat = (Self.writer(Self.columns(schema.fields), Self.metadata(schema, schema.fields), buffers), file)
    }

    static let folder = TableFormats.parquetFolder

    /// Names the program and its version, nothing that changes from run to run.
    static let createdBy = "peel version \(ProgramInfo.version)"

    private static func writer(_ columns: [ParquetWriter.Column], _ metadata: [(key: String, value: String)], _ buffers: PageBuffers) -> ParquetWriter {
        ParquetWriter(columns: columns, createdBy: createdBy, metadata: metadata, compression: .zstd(level: 1), buffers: buffers)
    }

    /// Nullable whatever the schema says: an empty text is a null in CSV, and Parquet keeps it one.
    static func columns(_ fields: [Field]) -> [ParquetWriter.Column] {
        fields.map { field -> ParquetWriter.Column in
            switch field.type {
            case .string: ParquetWriter.Column(field.name, .string, dictionary: field.categories != nil)
            case .integer: ParquetWriter.Column(field.name, .int64)
            case .number: ParquetWriter.Column(field.name, .double)
            case .date: ParquetWriter.Column(field.name, .date)
            }
        }
    }

    /// The data package's description of the table and of each column (type, description, categories and their
    /// order), as JSON under "peel.schema": what a Parquet reader keeps beside the types.
    private static func metadata(_ schema: TableSchema, _ fields: [Field]) -> [(key: String, value: String)] {
        let columns = fields.map { field in
            SchemaMetadata.Column(name: field.name, type: field.type.rawValue, description: field.description, categories: field.categories,
                                  ordered: field.ordered ? true : nil, unit: field.unit)
        }
        return [("pandas", json(PandasMetadata(fields))),
                ("peel.schema", json(SchemaMetadata(table: schema.name, description: schema.description, fields: columns)))]
    }

    private struct SchemaMetadata: Encodable {
        struct Column: Encodable {
            let name: String, type: String, description: String
            let categories: [String]?
            let ordered: Bool?
            let unit: String?
        }
        let table: String, description: String
        let fields: [Column]
    }

    /// The metadata pandas writes for itself, which pyarrow reads back when it makes a DataFrame: with it an integer
    /// column with nulls becomes pandas' nullable Int64 rather than float64, as the data package's `integer` means.
    private struct PandasMetadata: Encodable {
        struct Column: Encodable {
            let name: String, pandasType: String, numpyType: String

            enum CodingKeys: String, CodingKey { case name, field_name, pandas_type, numpy_type, metadata }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(name, forKey: .name)
                try container.encode(name, forKey: .field_name)
                try container.encode(pandasType, forKey: .pandas_type)
                try container.encode(numpyType, forKey: .numpy_type)
                try container.encodeNil(forKey: .metadata)
            }
        }
        struct Creator: Encodable { let library: String, version: String }

        let index_columns: [String] = [], column_indexes: [String] = []
        let columns: [Column]
        let creator = Creator(library: "peel", version: ProgramInfo.version)
        let pandas_version = "2.2.0"

        init(_ fields: [Field]) {
            columns = fields.map { field in
                let (pandasType, numpyType) = switch field.type {
                case .string: ("unicode", "object")
                case .integer: ("int64", "Int64")
                case .number: ("float64", "float64")
                case .date: ("date", "object")
                }
                return Column(name: field.name, pandasType: pandasType, numpyType: numpyType)
            }
        }
    }

    /// JSON with sorted keys: the same bytes for the same value.
    private static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    /// A batch's rows, encoded on the worker that made them (or here, for a batch made in the commit).
    func append(_ batch: RowBatch, encoded: ParquetBatch?) throws {
        let encoded = encoded ?? ParquetBatch(batch)
        guard let rows = encoded.flat else { return try appendRows(batch) }
        flat.writer.append(rows)
        flat.file.rows! += rows.count
        for (key, rows) in encoded.partitions {
            if partitions[key] == nil { partitions[key] = try partitionFile(key) }
            // Changed in place: a copy of the writer taken out of the dictionary would copy its buffers.
            partitions[key]!.writer.append(rows)
            partitions[key]!.file.rows! += rows.count
        }
        // Row groups that filled during the batch go to their files once it is appended.
        try flat.file.write(flat.writer.takeBytes())
        for (key, _) in encoded.partitions { try partitions[key]!.file.write(partitions[key]!.writer.takeBytes()) }
    }

    /// A batch too small to be worth encoding apart, appended row by row from its values.
    private func appendRows(_ batch: RowBatch) throws {
        guard let values = batch.values else { preconditionFailure("a batch for Parquet keeps its values") }
        for row in values {
            Self.encode(row, schema.fields, into: &flat.writer)
            flat.file.rows! += 1
            if let partitionColumn {
                let key = row[partitionColumn]
                if partitions[key] == nil { partitions[key] = try partitionFile(key) }
                Self.encode(row, schema.fields, skipping: partitionColumn, into: &partitions[key]!.writer)
                partitions[key]!.file.rows! += 1
            }
        }
        try flat.file.write(flat.writer.takeBytes())
        guard partitionColumn != nil else { return }
        for part in batch.partitions { try partitions[part.key]!.file.write(partitions[part.key]!.writer.takeBytes()) }
    }

    private func partitionFile(_ key: Value) throws -> (writer: ParquetWriter, file: StagedFile) {
        let path = Self.folder + "/" + CSVRenderer.partitionPath(schema, key).dropLast(".csv".count) + ".parquet"
        let file = try StagedFile(root: root, path: path)
        file.rows = 0
        return (Self.writer(partitionColumns, partitionMetadata, buffers), file)
    }

    /// The files, flat first, then partitions in partition order; a table with no rows still gets one partition
    /// file, as its CSV does.
    func finish() throws -> [StagedFile] {
        if partitionColumn != nil && partitions.isEmpty { partitions[.null] = try partitionFile(.null) }
        try flat.file.write(flat.writer.finish())
        var files = [flat.file]
        for key in partitions.keys.sorted(by: CSVRenderer.partitionOrder) {
            try partitions[key]!.file.write(partitions[key]!.writer.finish())
            files.append(partitions[key]!.file)
        }
        return files
    }

    /// A row's values as the Parquet columns take them, all but `skipped`: an empty text is null, as in the CSV;
    /// dates as days.
    static func encode(_ row: [Value], _ fields: [Field], skipping skipped: Int? = nil, into rows: inout some ParquetRowSink) {
        var column = 0
        for index in row.indices where index != skipped {
            defer { column += 1 }
            switch (fields[index].type, row[index]) {
            case (_, .null):
                rows.appendNull(column: column)
            case (_, .text(let text)) where text.isEmpty:
                rows.appendNull(column: column)
            case (.string, .text(let text)):
                rows.append(string: text, column: column)
            case (.string, .integer(let number)):
                rows.append(string: String(number), column: column)
            case (.string, .number(let number)):
                rows.append(string: String(number), column: column)
            case (.integer, .integer(let number)):
                rows.append(integer: Int64(number), column: column)
            case (.integer, .number(let number)):
                if let exact = Int64(exactly: number) { rows.append(integer: exact, column: column) } else { rows.appendNull(column: column) }
            case (.integer, .text(let text)):
                if let number = Int64(text) { rows.append(integer: number, column: column) } else { rows.appendNull(column: column) }
            case (.number, .number(let number)):
                rows.append(double: number, column: column)
            case (.number, .integer(let number)):
                rows.append(double: Double(number), column: column)
            case (.number, .text(let text)):
                if let number = Double(text) { rows.append(double: number, column: column) } else { rows.appendNull(column: column) }
            case (.date, .text(let text)):
                if let days = days(text) { rows.append(integer: Int64(days), column: column) } else { rows.appendNull(column: column) }
            case (.date, _):
                rows.appendNull(column: column)
            }
        }
        rows.endRow()
    }

    /// Days since 1970-01-01 of a "YYYY-MM-DD" date (Howard Hinnant's days_from_civil); nil if it is not one. Read
    /// on bytes: a table can hold a date in every row.
    static func days(_ text: String) -> Int? {
        var text = text
        guard let (year, month, day) = text.withUTF8(ISODate.parts), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }
}

/// One batch's rows as Parquet blocks, made on the parse worker beside its CSV: the flat file's rows and, per
/// partition value in the batch's order, the partition's rows without the partition column.
struct ParquetBatch: Sendable {
    /// The rows as a block, or nil for a batch of fewer than `blockRows` rows: the commit appends those straight
    /// from their values (a block's buffers cost more than a few rows' values).
    let flat: ParquetRows?
    let partitions: [(key: Value, rows: ParquetRows)]

    static let blockRows = 8

    /// Whether the batch's values are still needed once this is made (its rows were not made a block).
    var needsValues: Bool { flat == nil }

    init(_ batch: RowBatch) {
        guard let values = batch.values else { preconditionFailure("a batch for Parquet keeps its values") }
        guard values.count >= Self.blockRows else {
            flat = nil
            partitions = []
            return
        }
        let fields = batch.schema.fields
        var flat = ParquetRows(columns: ParquetTableOutput.columns(fields), capacity: values.count)
        for row in values { ParquetTableOutput.encode(row, fields, into: &flat) }
        self.flat = flat
        guard let column = batch.schema.partitionColumn else {
            partitions = []
            return
        }
        if batch.partitions.count == 1 {
            // A report's rows nearly always share the partition value: the flat rows less one column, encoded once.
            partitions = [(batch.partitions[0].key, flat.dropping(column: column))]
            return
        }
        let columns = ParquetTableOutput.columns(batch.schema.partitionFields)
        partitions = batch.partitions.map { partition in
            var rows = ParquetRows(columns: columns, capacity: partition.rows)
            for row in values where row[column] == partition.key { ParquetTableOutput.encode(row, fields, skipping: column, into: &rows) }
            return (partition.key, rows)
        }
    }
}
