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
    /// The enum whose cases are the categories, when rows write them as cases (`RowBatch.category`).
    public let cases: CategoryCases?

    public init(_ name: String, _ type: FieldType, _ description: String, categories: [String]? = nil, ordered: Bool = false,
                required: Bool = false, unit: String? = nil) {
        self.init(name, type, description, categories: categories, ordered: ordered, required: required, unit: unit, cases: nil)
    }

    private init(_ name: String, _ type: FieldType, _ description: String, categories: [String]?, ordered: Bool, required: Bool,
                 unit: String?, cases: CategoryCases?) {
        precondition(name.count < 32, "Stata limits variable names to 32 characters")
        self.name = name
        self.type = type
        self.description = description
        self.categories = categories
        self.ordered = ordered
        self.required = required
        self.unit = unit
        self.cases = cases
    }

    /// A category field whose categories are the cases of `type`: rows write its cells as cases (`RowBatch.category`).
    /// `categories` lists them in the order the schema gives (the cases' order when nil).
    public init<Category: TableCategory>(_ name: String, _ type: FieldType, _ description: String, cases: Category.Type,
                                         categories: [String]? = nil, ordered: Bool = false, required: Bool = false) {
        let raw = Category.allCases.map(\.rawValue)
        precondition(categories.map { $0.count == raw.count && Set($0) == Set(raw) } ?? true,
                     "the categories of \(name) are the cases of \(Category.self)")
        self.init(name, type, description, categories: categories ?? raw, ordered: ordered, required: required, unit: nil,
                  cases: CategoryCases(Category.self))
    }
}

/// A closed vocabulary a category column holds: an enum of cases without payloads, written as its raw value.
public protocol TableCategory: CaseIterable, RawRepresentable, Sendable where RawValue == String {}

extension TableCategory {
    /// The case's index in `allCases`: a case-only enum is stored as its index in declaration order, the order of its
    /// synthesised `allCases` (checked for every case where a field is made of it, `CategoryCases.init`).
    @inlinable var caseIndex: Int {
        withUnsafeBytes(of: self) { bytes in
            switch bytes.count {
            case 0: return 0
            case 1: return Int(bytes[0])
            default: return Int(bytes.loadUnaligned(as: UInt16.self))
            }
        }
    }
}

/// The cases of a category column's enum, by their index: each one's value and its CSV cell, rendered once, so that a
/// row's category cell is a copy of bytes and a bit in a set (rendering, scanning and counting each category as a
/// `String` was a third of the cost of a figure's row; callgrind).
public final class CategoryCases: Sendable, Equatable {
    /// Tells the enums apart: a cell must be a case of its column's enum.
    let type: ObjectIdentifier
    let values: [Value]
    let cells: [[UInt8]]

    init<Category: TableCategory>(_ category: Category.Type) {
        let cases = Array(Category.allCases)
        precondition(cases.count <= CaseSet.capacity, "a category of at most \(CaseSet.capacity) cases")
        for (index, value) in cases.enumerated() {
            precondition(value.caseIndex == index, "\(Category.self) is stored as its cases' indices")
            precondition(!value.rawValue.isEmpty, "a category is never empty (empty is null)")
        }
        type = ObjectIdentifier(category)
        values = cases.map { .text($0.rawValue) }
        cells = cases.map { value in
            var cell: [UInt8] = []
            CSVRenderer.appendField(value.rawValue, to: &cell)
            return cell
        }
    }

    public static func == (a: CategoryCases, b: CategoryCases) -> Bool { a.type == b.type }
}

/// Indices of the cases of a category (up to 256) a column has held.
struct CaseSet: Sendable, Equatable {
    static let capacity = 256
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    var isEmpty: Bool { words == (0, 0, 0, 0) }

    mutating func insert(_ index: Int) {
        let bit = UInt64(1) << UInt64(index & 63)
        switch index >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    mutating func formUnion(_ other: CaseSet) {
        words = (words.0 | other.words.0, words.1 | other.words.1, words.2 | other.words.2, words.3 | other.words.3)
    }

    /// The indices held, in order.
    var indices: [Int] {
        let all = [words.0, words.1, words.2, words.3]
        return (0..<CaseSet.capacity).filter { all[$0 >> 6] & (UInt64(1) << UInt64($0 & 63)) != 0 }
    }

    static func == (a: CaseSet, b: CaseSet) -> Bool { a.words == b.words }
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
    /// The statistics of no rows, made once: every batch starts from a copy of it (made column by column for each of an
    /// entry's six batches, most of which stay empty, they were some 4,000 instructions a batch; callgrind).
    let emptyStatistics: ColumnAccumulator

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
        emptyStatistics = ColumnAccumulator(fields: fields)
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
