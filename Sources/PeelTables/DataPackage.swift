import Foundation

/// `datapackage.json`: a Frictionless Data Package describing every table, so R, pandas, DuckDB and
/// frictionless read the right types. Static for a given program version: no run-specific content.
public enum DataPackage {
    /// Custom resource property naming the Hive-partitioned copy of a table (documented in the README).
    public static let partitioningProperty = "peel_partitioning"
    /// Custom resource property naming a table's Parquet files, when the run wrote them beside its CSV
    /// (`--format csv,parquet`).
    public static let parquetProperty = "peel_parquet"

    /// `formats`: with CSV each resource is its CSV file (and names its Parquet files too when the run wrote them);
    /// with Parquet alone each resource is its Parquet file, which frictionless reads through pyarrow.
    public static func render(_ schemas: [TableSchema], title: String, description: String, formats: TableFormats = .csv) -> [UInt8] {
        let package: [String: Any] = [
            "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
            "name": "peel-inspections",
            "title": title,
            "description": description,
            "licenses": [[
                "name": "OGL-UK-3.0", "title": "Open Government Licence v3.0",
                "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            ]],
            "resources": schemas.map { resource($0, formats: formats) },
        ]
        // Sorted keys and fixed formatting: the same schemas give the same bytes.
        let data = try! JSONSerialization.data(withJSONObject: package, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return Array(data) + [0x0A]
    }

    private static func resource(_ schema: TableSchema, formats: TableFormats) -> [String: Any] {
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
        var resource: [String: Any] = ["name": schema.name, "type": "table", "schema": tableSchema]
        if !schema.description.isEmpty { resource["description"] = schema.description }
        let parquetFiles = "\(TableFormats.parquetFolder)/\(schema.name)"
        guard formats.contains(.csv) else {
            resource["path"] = parquetFiles + ".parquet"
            resource["format"] = "parquet"
            resource["mediatype"] = "application/vnd.apache.parquet"
            if let partition = schema.partitionField {
                resource[partitioningProperty] = [
                    "path": parquetFiles + "/", "field": partition, "style": "hive",
                    "files": "\(parquetFiles)/\(partition)=<value>/part-00000.parquet, without the \(partition) column; null values in \(partition)=\(CSVRenderer.nullPartition)",
                ]
            }
            return resource
        }
        resource["path"] = "\(schema.name).csv"
        resource["format"] = "csv"
        resource["mediatype"] = "text/csv"
        resource["encoding"] = "utf-8"
        resource["dialect"] = ["delimiter": ",", "lineTerminator": "\n", "quoteChar": "\"", "doubleQuote": true, "header": true] as [String: Any]
        if let partition = schema.partitionField {
            resource[partitioningProperty] = [
                "path": "\(schema.name)/", "field": partition, "style": "hive",
                "files": "\(schema.name)/\(partition)=<value>/part-00000.csv, without the \(partition) column; null values in \(partition)=\(CSVRenderer.nullPartition)",
            ]
        }
        if formats.contains(.parquet) {
            var files: [String: Any] = ["path": parquetFiles + ".parquet", "compression": "zstd"]
            if let partition = schema.partitionField {
                files["partitioned"] = ["path": parquetFiles + "/", "field": partition, "style": "hive"] as [String: Any]
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
