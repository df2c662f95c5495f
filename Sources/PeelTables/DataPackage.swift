import Foundation

/// `datapackage.json`: a Frictionless Data Package describing every table, so R, pandas, DuckDB and
/// frictionless read the right types. Static for a given program version: no run-specific content.
public enum DataPackage {
    /// Custom resource property naming the Hive-partitioned copy of a table (documented in the README).
    public static let partitioningProperty = "peel_partitioning"
    /// Custom resource property naming a table's Parquet files, when the run wrote them (`--format csv,parquet`).
    public static let parquetProperty = "peel_parquet"

    /// `parquet`: the run also wrote every table as Parquet, which each resource then names.
    public static func render(_ schemas: [TableSchema], title: String, description: String, parquet: Bool = false) -> [UInt8] {
        let package: [String: Any] = [
            "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
            "name": "peel-inspections",
            "title": title,
            "description": description,
            "licenses": [[
                "name": "OGL-UK-3.0", "title": "Open Government Licence v3.0",
                "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            ]],
            "resources": schemas.map { resource($0, parquet: parquet) },
        ]
        // Sorted keys and fixed formatting: the same schemas give the same bytes.
        let data = try! JSONSerialization.data(withJSONObject: package, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return Array(data) + [0x0A]
    }

    private static func resource(_ schema: TableSchema, parquet: Bool) -> [String: Any] {
        var tableSchema: [String: Any] = [
            "fields": schema.fields.map(field),
            "missingValues": [""],
        ]
        if !schema.primaryKey.isEmpty { tableSchema["primaryKey"] = schema.primaryKey }
        if !schema.foreignKeys.isEmpty {
            tableSchema["foreignKeys"] = schema.foreignKeys.map { key in
                ["fields": key.fields, "reference": ["resource": key.table, "fields": key.reference]] as [String: Any]
            }
        }
        var resource: [String: Any] = [
            "name": schema.name,
            "path": "\(schema.name).csv",
            "type": "table",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": ["delimiter": ",", "lineTerminator": "\n", "quoteChar": "\"", "doubleQuote": true, "header": true] as [String: Any],
            "schema": tableSchema,
        ]
        if !schema.description.isEmpty { resource["description"] = schema.description }
        if let partition = schema.partitionField {
            resource[partitioningProperty] = [
                "path": "\(schema.name)/", "field": partition, "style": "hive",
                "files": "\(schema.name)/\(partition)=<value>/part-00000.csv, without the \(partition) column; null values in \(partition)=\(CSVRenderer.nullPartition)",
            ]
        }
        if parquet {
            var files: [String: Any] = ["path": "parquet/\(schema.name).parquet", "compression": "zstd"]
            if let partition = schema.partitionField {
                files["partitioned"] = ["path": "parquet/\(schema.name)/", "field": partition, "style": "hive"] as [String: Any]
            }
            resource[parquetProperty] = files
        }
        return resource
    }

    private static func field(_ field: Field) -> [String: Any] {
        var out: [String: Any] = ["name": field.name, "type": field.type.rawValue, "description": field.description]
        var constraints: [String: Any] = [:]
        if field.required { constraints["required"] = true }
        if let categories = field.categories {
            constraints["enum"] = categories
            if field.ordered {
                out["categories"] = categories
                out["categoriesOrdered"] = true
            }
        }
        if !constraints.isEmpty { out["constraints"] = constraints }
        if let unit = field.unit { out["unit"] = unit }
        if field.type == .date { out["format"] = "default" }
        return out
    }
}

/// Per-column statistics, as Parquet keeps them in its footer: rows, nulls, distinct categories, min and max.
public struct ColumnStatistics: Sendable, Codable, Equatable {
    public var name: String
    public var type: String
    public var nulls: Int
    public var distinct: Int?
    public var min: Bound?
    public var max: Bound?

    /// A minimum or maximum in the column's own type: a JSON number for integer and number columns, text
    /// ("2017-03-31") for dates.
    public enum Bound: Sendable, Codable, Equatable {
        case number(Double)
        case text(String)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) { self = .number(number) } else { self = .text(try container.decode(String.self)) }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let number): try container.encode(number)
            case .text(let text): try container.encode(text)
            }
        }
    }
}
