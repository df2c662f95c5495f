/// The file formats a run writes its tables in (`peel run --format`): CSV (the default), Parquet, or both.
public struct TableFormats: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let csv = TableFormats(rawValue: 1)
    /// Under the dataset's `parquet/` folder: `parquet/<table>.parquet`, and by partition value.
    public static let parquet = TableFormats(rawValue: 2)

    /// The folder a table's Parquet files are in, so that a reader given `parquet/<table>` meets no CSV.
    public static let parquetFolder = "parquet"

    /// The table's one whole file: its CSV when the run writes CSV, else its Parquet file.
    public func flatPath(_ table: String) -> String {
        contains(.csv) ? "\(table).csv" : "\(Self.parquetFolder)/\(table).parquet"
    }
}
