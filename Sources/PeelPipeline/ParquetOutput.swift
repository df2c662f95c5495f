import Foundation
import PeelParquet
import PeelTables

/// One table as Parquet beside its CSV, in the dataset's `parquet/` folder: `parquet/<table>.parquet` with every column,
/// and `parquet/<table>/<field>=<value>/part-00000.parquet` per partition value without the partition column, as Hive
/// writes it. A folder of their own: a reader given `parquet/<table>` with Hive partitioning meets no CSV file. Rows arrive in commit order, so the files
/// are the same whatever `--jobs` is; each writer holds one row group at most, and its bytes go to the staging file
/// as each group fills.
final class ParquetTableOutput {
    let schema: TableSchema
    private let root: String
    private let partitionColumn: Int?
    private var flat: (writer: ParquetWriter, file: StagedFile)
    private var partitions: [Value: (writer: ParquetWriter, file: StagedFile)] = [:]

    init(schema: TableSchema, root: String) throws {
        self.schema = schema
        self.root = root
        partitionColumn = schema.partitionField.flatMap { name in schema.fields.firstIndex { $0.name == name } }
        let file = try StagedFile(root: root, path: "\(Self.folder)/\(schema.name).parquet")
        file.rows = 0
        flat = (Self.writer(schema, dropping: nil), file)
    }

    static let folder = "parquet"

    /// Names the program and its version, nothing that changes from run to run.
    static let createdBy = "peel version \(ProgramInfo.version)"

    private static func writer(_ schema: TableSchema, dropping dropped: Int?) -> ParquetWriter {
        let fields = schema.fields.enumerated().filter { $0.offset != dropped }.map(\.element)
        // Nullable whatever the schema says: an empty text is a null in CSV, and Parquet keeps it one.
        let columns = fields.map { field -> ParquetWriter.Column in
            switch field.type {
            case .string: ParquetWriter.Column(field.name, .string, dictionary: field.categories != nil)
            case .integer: ParquetWriter.Column(field.name, .int64)
            case .number: ParquetWriter.Column(field.name, .double)
            case .date: ParquetWriter.Column(field.name, .date)
            }
        }
        return ParquetWriter(columns: columns, createdBy: createdBy, metadata: metadata(schema, fields), compression: .zstd(level: 3))
    }

    /// The data package's description of the table and of each column (type, description, categories and their
    /// order), as JSON under "peel.schema": what a Parquet reader keeps beside the types.
    private static func metadata(_ schema: TableSchema, _ fields: [Field]) -> [(key: String, value: String)] {
        let columns: [[String: Any]] = fields.map { field in
            var column: [String: Any] = ["name": field.name, "type": field.type.rawValue, "description": field.description]
            if let categories = field.categories { column["categories"] = categories }
            if field.ordered { column["ordered"] = true }
            if let unit = field.unit { column["unit"] = unit }
            return column
        }
        let object: [String: Any] = ["table": schema.name, "description": schema.description, "fields": columns]
        return [("pandas", pandasMetadata(fields)), ("peel.schema", json(object))]
    }

    /// The metadata pandas writes for itself, which pyarrow reads back when it makes a DataFrame: with it an integer
    /// column with nulls becomes pandas' nullable Int64 rather than float64, as the data package's `integer` means.
    private static func pandasMetadata(_ fields: [Field]) -> String {
        let columns: [[String: Any]] = fields.map { field in
            let (pandasType, numpyType) = switch field.type {
            case .string: ("unicode", "object")
            case .integer: ("int64", "Int64")
            case .number: ("float64", "float64")
            case .date: ("date", "object")
            }
            return ["name": field.name, "field_name": field.name, "pandas_type": pandasType, "numpy_type": numpyType, "metadata": NSNull()]
        }
        return json(["index_columns": [String](), "column_indexes": [String](), "columns": columns,
                     "creator": ["library": "peel", "version": ProgramInfo.version], "pandas_version": "2.2.0"])
    }

    /// JSON with sorted keys: the same bytes for the same value.
    private static func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
    }

    func append(_ batch: RowBatch) throws {
        guard let rows = batch.values else { preconditionFailure("a batch for Parquet keeps its values") }
        for row in rows {
            // Converted once: the partition's row is the flat one without the partition column.
            var values = Self.values(row, schema.fields)
            flat.writer.append(values)
            flat.file.rows! += 1
            if let partitionColumn {
                let key = row[partitionColumn]
                if partitions[key] == nil { partitions[key] = try partitionFile(key) }
                values.remove(at: partitionColumn)
                // Changed in place: a copy of the writer taken out of the dictionary would copy its buffers every row.
                partitions[key]!.writer.append(values)
                partitions[key]!.file.rows! += 1
            }
        }
        // Row groups that filled during the batch go to their files once it is appended, not after every row.
        try flat.file.write(flat.writer.takeBytes())
        for key in partitions.keys { try partitions[key]!.file.write(partitions[key]!.writer.takeBytes()) }
    }

    private func partitionFile(_ key: Value) throws -> (writer: ParquetWriter, file: StagedFile) {
        let path = Self.folder + "/" + CSVRenderer.partitionPath(schema, key).dropLast(".csv".count) + ".parquet"
        let file = try StagedFile(root: root, path: path)
        file.rows = 0
        return (Self.writer(schema, dropping: partitionColumn), file)
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

    /// A row's values as the Parquet columns take them: an empty text is null, as in the CSV; dates as days.
    private static func values(_ row: [Value], _ fields: [Field]) -> [ParquetWriter.Value] {
        var out: [ParquetWriter.Value] = []
        out.reserveCapacity(row.count)
        for (index, value) in row.enumerated() {
            switch (fields[index].type, value) {
            case (_, .null), (_, .text("")): out.append(.null)
            case (.string, .text(let text)): out.append(.string(text))
            case (.string, .integer(let number)): out.append(.string(String(number)))
            case (.string, .number(let number)): out.append(.string(String(number)))
            case (.integer, .integer(let number)): out.append(.integer(Int64(number)))
            case (.integer, .number(let number)): out.append(Int64(exactly: number).map(ParquetWriter.Value.integer) ?? .null)
            case (.integer, .text(let text)): out.append(Int64(text).map(ParquetWriter.Value.integer) ?? .null)
            case (.number, .number(let number)): out.append(.double(number))
            case (.number, .integer(let number)): out.append(.double(Double(number)))
            case (.number, .text(let text)): out.append(Double(text).map(ParquetWriter.Value.double) ?? .null)
            case (.date, .text(let text)): out.append(days(text).map { .integer(Int64($0)) } ?? .null)
            case (.date, _): out.append(.null)
            }
        }
        return out
    }

    /// Days since 1970-01-01 of a "YYYY-MM-DD" date (Howard Hinnant's days_from_civil); nil if it is not one.
    static func days(_ text: String) -> Int? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month), (1...31).contains(day) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }
}
