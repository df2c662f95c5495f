/// A column's type, as readers should load it (Frictionless Table Schema type names).
public enum FieldType: String, Sendable, Codable {
    case string, integer, number, date
}

public struct Field: Sendable, Equatable {
    public let name: String
    public let type: FieldType
    public let description: String
    /// The values the field may take (a Table Schema `enum` constraint), when it is a category.
    public var categories: [String]?
    /// The categories have an order (`grade`: inadequate < … < outstanding).
    public var ordered = false
    /// The field is never empty.
    public var required = false
    /// Unit of a numeric field whose unit is the same on every row.
    public var unit: String?

    public init(_ name: String, _ type: FieldType, _ description: String, categories: [String]? = nil, ordered: Bool = false,
                required: Bool = false, unit: String? = nil) {
        precondition(name.count < 32, "Stata limits variable names to 32 characters")
        self.name = name
        self.type = type
        self.description = description
        self.categories = categories
        self.ordered = ordered
        self.required = required
        self.unit = unit
    }
}

/// A table's columns; `partitionField` names the column that goes into the folder names
/// (`year=2015/`) and is left out of the partitioned files, as Hive writes it.
public struct TableSchema: Sendable {
    public let name: String
    public let description: String
    public let fields: [Field]
    public let partitionField: String?
    /// The partition field's index in `fields`.
    public let partitionColumn: Int?
    public let primaryKey: [String]
    /// Fields that refer to another table's key: (fields, table, its fields).
    public let foreignKeys: [(fields: [String], table: String, reference: [String])]

    public init(name: String, description: String = "", fields: [Field], partitionField: String?, primaryKey: [String] = [],
                foreignKeys: [(fields: [String], table: String, reference: [String])] = []) {
        precondition(partitionField == nil || fields.contains { $0.name == partitionField }, "partition field must be a field")
        precondition(primaryKey.allSatisfy { key in fields.contains { $0.name == key } }, "primary key fields must be fields")
        self.name = name
        self.description = description
        self.fields = fields
        self.partitionField = partitionField
        partitionColumn = partitionField.flatMap { name in fields.firstIndex { $0.name == name } }
        self.primaryKey = primaryKey
        self.foreignKeys = foreignKeys
    }

    /// The fields of a partition file: all but the partition field (all of them for a table without partitions).
    public var partitionFields: [Field] {
        fields.enumerated().filter { $0.offset != partitionColumn }.map(\.element)
    }
}

/// One cell. An empty text is written as null (an empty field), the only null there is.
public enum Value: Sendable, Equatable, Hashable {
    case text(String)
    case integer(Int)
    /// A decimal as printed in plain notation: never an exponent, no trailing ".0" on whole numbers.
    case number(Double)
    case null

    public init(_ text: String?) { self = text.map(Value.text) ?? .null }
    public init(_ integer: Int?) { self = integer.map(Value.integer) ?? .null }
    public init(_ number: Double?) { self = number.map(Value.number) ?? .null }
}

/// Rows in the order they are to be written; the caller sorts them by stable keys.
public struct Table: Sendable {
    public let schema: TableSchema
    public let rows: [[Value]]

    public init(schema: TableSchema, rows: [[Value]]) {
        precondition(rows.allSatisfy { $0.count == schema.fields.count }, "every row has one value per field")
        self.schema = schema
        self.rows = rows
    }
}

/// A file of the dataset, as bytes with its path relative to the output folder.
public struct RenderedFile: Sendable {
    public let path: String
    public let contents: [UInt8]
    /// Data rows (the header not counted); nil for files that are not tables.
    public let rows: Int?

    public init(path: String, contents: [UInt8], rows: Int?) {
        self.path = path
        self.contents = contents
        self.rows = rows
    }
}
